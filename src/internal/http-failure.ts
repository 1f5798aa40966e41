/**
 * The client's failure path, loaded by `http.ts` on the first failed attempt (a call that succeeds never needs it,
 * so it is not part of a client's startup code: issue 12, client-only bundle under 40 KB): Graph errors built from
 * an answer (every string redacted), network causes kept without secrets, and the retry decisions and waits
 * (`retry.ts`, `backoff.ts`).
 */
import { GraphApiError, type GraphErrorObject, type RequestSummary } from '../core/errors.js';
import { redactDeep, type Redactor } from './redact.js';
import type { ReadResponse } from './transport-types.js';

export { MAX_RETRY_AFTER_MS, parseRetryAfter, retryDelayMs } from './backoff.js';
export { CLIENT_BACKOFF, shouldRetryConnectionFailure, shouldRetryResponse } from './retry.js';

/** Every string the error carries is redacted first, then cut (a cut token would escape the redactor). */
export function toGraphError(res: ReadResponse, request: RequestSummary, redact: Redactor): GraphApiError {
  const text = redact(res.text);
  const statusText = redact(res.statusText);
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    // not JSON: keep the text
  }
  const raw = (body as { error?: unknown } | undefined)?.error;
  const error: GraphErrorObject =
    raw && typeof raw === 'object' && typeof (raw as GraphErrorObject).message === 'string'
      ? (raw as GraphErrorObject)
      : { message: `HTTP ${res.status}${statusText ? ` ${statusText}` : ''} without a Graph error body${typeof body === 'string' && body ? `: ${body.slice(0, 200)}` : ''}`, type: 'HttpError' };
  return GraphApiError.generate({
    status: res.status,
    statusText,
    headers: headersToObject(res.headers, redact),
    body: redactDeep(body, redact),
    error: redactDeep(error, redact),
    request,
  });
}

/** The response headers as an object, every value redacted (a server may reflect the token in a header). */
function headersToObject(headers: Headers, redact: Redactor): Record<string, string> {
  const out: Record<string, string> = {};
  headers.forEach((value, key) => {
    if (key !== 'set-cookie') Object.defineProperty(out, key, { value: redact(value), enumerable: true, writable: true, configurable: true });
  });
  return out;
}

/** Keeps the code and message of a network failure without anything that could carry a secret. */
export function sanitizeCause(cause: unknown, redact: Redactor): Error {
  const message = cause instanceof Error ? cause.message : String(cause);
  const inner = cause instanceof Error ? (cause as { cause?: unknown }).cause : undefined;
  const out = new Error(redact(message + (inner instanceof Error ? `: ${inner.message}` : '')));
  const code = (inner as { code?: unknown } | undefined)?.code ?? (cause as { code?: unknown } | undefined)?.code;
  if (typeof code === 'string') (out as Error & { code?: string }).code = code;
  return out;
}
