/**
 * `X-Hub-Signature-256` for webhook bodies, as Meta computes it: HMAC-SHA256 of the raw body bytes keyed with
 * the app secret, hex-encoded and prefixed with `sha256=`. Web Crypto only, so it runs on any runtime.
 */

const encoder = new TextEncoder();

/** Header that carries the signature. */
export const SIGNATURE_HEADER = 'X-Hub-Signature-256';

/**
 * Signs a webhook body.
 *
 * @param body the exact bytes that will be sent (a string is encoded as UTF-8).
 * @param appSecret the app secret; it is only used as the HMAC key.
 * @returns `sha256=<64 lowercase hex digits>`.
 */
export async function signBody(body: string | Uint8Array, appSecret: string): Promise<string> {
  const key = await crypto.subtle.importKey('raw', encoder.encode(appSecret), { name: 'HMAC', hash: 'SHA-256' }, false, [
    'sign',
  ]);
  // Copy into a fresh ArrayBuffer-backed view: Web Crypto does not take views over SharedArrayBuffer.
  const bytes = typeof body === 'string' ? encoder.encode(body) : new Uint8Array(body);
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', key, bytes));
  return `sha256=${toHex(mac)}`;
}

function toHex(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += b.toString(16).padStart(2, '0');
  return out;
}
