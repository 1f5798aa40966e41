import { WhatsAppError } from '../core/errors.js';

/**
 * Flows as code could not do its job: a bad config or lock file, a missing token, a refused request. The message
 * says what is wrong and how to fix it; it never carries a token.
 */
export class DeployError extends WhatsAppError {}

Object.defineProperty(DeployError, 'name', { value: 'DeployError' });
