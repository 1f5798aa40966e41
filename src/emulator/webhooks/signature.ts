/**
 * `X-Hub-Signature-256` for webhook bodies, as Meta computes it (HMAC-SHA256 of the raw body bytes keyed with the
 * app secret, `sha256=<hex>`): the SDK's one implementation, internal/hmac.ts, on Web Crypto.
 */
import { hubSignature } from '../../internal/hmac.js';

/** Header that carries the signature. */
export const SIGNATURE_HEADER = 'X-Hub-Signature-256';

/**
 * Signs a webhook body.
 *
 * @param body the exact bytes that will be sent (a string is encoded as UTF-8).
 * @param appSecret the app secret; it is only used as the HMAC key.
 * @returns `sha256=<64 lowercase hex digits>`.
 */
export function signBody(body: string | Uint8Array, appSecret: string): Promise<string> {
  return hubSignature(body, appSecret);
}
