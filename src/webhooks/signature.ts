/** `X-Hub-Signature-256` on webhook deliveries (flows-platform §3.2): the endpoint's check, on Web Crypto. */
import { webCrypto } from '../endpoint/crypto/web.js';
import { timingSafeEqual, verifyHubSignature } from '../endpoint/signature.js';

const encoder = new TextEncoder();

/**
 * Checks `X-Hub-Signature-256: sha256=<hex HMAC-SHA256(raw body, app secret)>` in constant time, against every
 * secret given (several during a rotation). `body` must be the bytes as received: re-serialised JSON does not
 * match.
 */
export function verifyWebhookSignature(body: Uint8Array, header: string | null | undefined, appSecret: string | readonly string[]): Promise<boolean> {
  const secrets = typeof appSecret === 'string' ? [appSecret] : appSecret;
  return verifyHubSignature(webCrypto, header ?? null, body, secrets);
}

/**
 * Compares two strings in constant time for their content: both are hashed first, so neither the position of the
 * first difference nor the expected length shows in the timing.
 */
export async function constantTimeEqual(a: string, b: string): Promise<boolean> {
  const [da, db] = await Promise.all([sha256(a), sha256(b)]);
  return timingSafeEqual(da, db);
}

async function sha256(text: string): Promise<Uint8Array> {
  return new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', encoder.encode(text)));
}
