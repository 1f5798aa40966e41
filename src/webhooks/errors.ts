import { WhatsAppError } from '../core/base-errors.js';

/** Thrown by `parseWebhookEvents` when a body is not a `whatsapp_business_account` webhook (the handler answers 400). */
export class WebhookPayloadError extends WhatsAppError {
  constructor(message: string) {
    super(message);
  }
}

Object.defineProperty(WebhookPayloadError, 'name', { value: 'WebhookPayloadError' });
Object.defineProperty(WebhookPayloadError.prototype, 'name', { value: 'WebhookPayloadError', writable: true, configurable: true });
