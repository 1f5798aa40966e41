/**
 * The 427 answer (flow token no longer valid) as WhatsApp's client reads it: the client decrypts a non-empty 427
 * body and shows its `error_msg`; a body it cannot decrypt goes to its decryption-error path (flows-platform §6.6,
 * which settles the §3.6 DISAGREE in favour of Meta's sample server). So the body `{"error_msg": ...}` is encrypted
 * like every other answer by default; `tokenErrorBody: 'plain'` keeps the plain JSON of Meta's error-codes page.
 * Every 427 the endpoint gives goes through here: `FlowTokenInvalidError`, or an `EndpointError(427)` whose body
 * is a JSON object. Imported by the exchange core when a 427 is answered (off the startup path, issue 12), so it
 * takes what it needs as arguments and imports nothing at run time.
 */
import type { RawExchangeAnswer } from '../internal/raw-exchange.js';
import type { EndpointError, FlowTokenInvalidError } from './errors.js';

export type TokenErrorBody = 'encrypted' | 'plain';

/**
 * The answer for a 427 error; `seal` encrypts with the request's key (absent only when the request never decrypted).
 */
export async function tokenErrorAnswer(error: EndpointError, seal: ((payload: object) => Promise<string>) | undefined, mode: TokenErrorBody = 'encrypted'): Promise<RawExchangeAnswer> {
  if (mode === 'plain' || !seal) return error.toAnswer();
  const payload = 'payload' in error ? (error as FlowTokenInvalidError).payload : jsonObject(error.body);
  // No payload: an empty 427, which the client shows as its generic error.
  if (!payload) return { status: error.status, headers: { ...error.headers }, body: undefined };
  return error.toAnswer({ body: await seal(payload), contentType: 'text/plain' });
}

function jsonObject(body: string | undefined): Record<string, unknown> | undefined {
  if (body === undefined) return undefined;
  try {
    const value: unknown = JSON.parse(body);
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
