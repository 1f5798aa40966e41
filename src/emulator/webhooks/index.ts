/** Webhook delivery for the emulator: payload builders, signing and a retrying sender. */
export { SIGNATURE_HEADER, signBody } from './signature.js';
export { unixSeconds, wabaEnvelope, type WebhookChange, type WebhookEntry, type WebhookEnvelope } from './envelope.js';
export type {
  AlertState,
  ClientErrorRateValue,
  EndpointAvailabilityValue,
  EndpointErrorRateValue,
  EndpointLatencyValue,
  ErrorRateValue,
  FlowErrorBreakdown,
  FlowStatusChangeValue,
  FlowsWebhookValue,
  FlowVersionExpiryWarningValue,
  MessagesWebhookValue,
} from './event-types.js';
export {
  clientErrorRateValue,
  endpointAvailabilityValue,
  endpointErrorRateValue,
  endpointLatencyValue,
  flowStatusChangeEvent,
  flowStatusChangeValue,
  flowsFieldEnvelope,
  flowVersionExpiryWarningValue,
  messagesFieldEnvelope,
  type AlertInput,
  type AvailabilityInput,
  type ErrorRateInput,
  type FlowsFieldEnvelope,
  type FlowStatusChangeInput,
  type LatencyInput,
  type MessagesFieldEnvelope,
} from './events.js';
export { backoffDelayMs } from './backoff.js';
export {
  createWebhookSender,
  type DeliveryErrorInfo,
  type DeliveryResult,
  type WebhookSender,
  type WebhookSenderOptions,
} from './sender.js';
