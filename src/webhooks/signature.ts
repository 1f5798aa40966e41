/** `X-Hub-Signature-256` on webhook deliveries (flows-platform §3.2): the endpoint's check, on Web Crypto. */
import { webCrypto } from '../endpoint/crypto/web.js';
import { verifyHubSignature } from '../endpoint/signature.js';

/**
 * Checks `X-Hub-Signature-256: sha256=<hex HMAC-SHA256(raw body, app secret)>` in constant time, against every
 * secret given (several during a rotation). `body` must be the bytes as received: re-serialised JSON does not
 * match.
 */
export function verifyWebhookSignature(body: Uint8Array, header: string | null | undefined, appSecret: string | readonly string[]): Promise<boolean> {
  const secrets = typeof appSecret === 'string' ? [appSecret] : appSecret;
  return verifyHubSignature(webCrypto, header ?? null, body, secrets);
}
