/**
 * The flow endpoint's failure line, for endpoints given no `onError` (issue 12: failures that speak): the error's
 * class and message, without the endpoint's secrets or the request's flow token. Imported by `handler.ts` on the
 * first failure, so it stays off the endpoint's startup path.
 */
import { logFailure } from '../internal/log.js';
import { createRedactor } from '../internal/redact.js';
import type { FlowRequest } from './types.js';

export function logEndpointFailure(secrets: Array<string | undefined>, error: unknown, request: FlowRequest | undefined): void {
  // The request's flow token is removed from the line too (a handler's message may quote it).
  logFailure('flow endpoint', error, createRedactor([...secrets, request?.flow_token]), request ? `action ${request.action}` : undefined);
}
