import { GraphApiError, THROTTLING_CODES } from '../core/errors.js';
import type { BackoffSchedule } from './backoff.js';

/**
 * How a call may be retried.
 * - `idempotent`: repeating it is harmless (reads, metadata updates, uploads of the same JSON).
 *   Retried on 408, 409, 429, 5xx, throttling codes, Meta's `is_transient`, timeouts and connection failures.
 * - `once`: it creates something or changes state in a way a repeat would not (create a flow, send a message,
 *   publish, deprecate, delete, migrate). Retried only where the first attempt provably did not take effect:
 *   Meta throttled it (429 or a throttling code), or the connection failed before any request reached a server.
 */
export type RetryPolicy = 'idempotent' | 'once';

/** Retries after a failed attempt unless `maxRetries` says otherwise (defined with the client options). */
export { DEFAULT_MAX_RETRIES } from '../client/config.js';

/** Error codes (from undici and Node) that mean the connection was never established. */
const NOT_CONNECTED_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'UND_ERR_CONNECT_TIMEOUT']);

export function isThrottled(status: number, graphCode: number | undefined): boolean {
  return status === 429 || (graphCode !== undefined && THROTTLING_CODES.has(graphCode));
}

export function shouldRetryResponse(policy: RetryPolicy, error: GraphApiError): boolean {
  if (isThrottled(error.status, error.code)) return true;
  if (policy === 'once') return false;
  return error.status === 408 || error.status === 409 || error.status >= 500 || error.error.is_transient === true;
}

/** Whether a fetch failure (no response) may be retried under the policy. */
export function shouldRetryConnectionFailure(policy: RetryPolicy, cause: unknown, timedOut: boolean): boolean {
  if (policy === 'idempotent') return true;
  if (timedOut) return false;
  return NOT_CONNECTED_CODES.has(connectionErrorCode(cause) ?? '');
}

export function connectionErrorCode(cause: unknown): string | undefined {
  let c: unknown = cause;
  for (let depth = 0; depth < 5 && c && typeof c === 'object'; depth++) {
    const code = (c as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    const errors = (c as { errors?: unknown }).errors;
    if (Array.isArray(errors) && errors.length > 0) c = errors[0];
    else c = (c as { cause?: unknown }).cause;
  }
  return undefined;
}

/** The client's schedule: 0.5 s doubling to 8 s, minus up to 25 % jitter; Retry-After wins, up to 60 s. */
export const CLIENT_BACKOFF: BackoffSchedule = { initialMs: 500, maxMs: 8_000 };
