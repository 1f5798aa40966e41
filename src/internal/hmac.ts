import { WhatsAppError } from '../core/base-errors.js';
/**
 * SHA-256, HMAC-SHA256 and Meta's `X-Hub-Signature-256` header value, on Web Crypto (every runtime; no `node:`
 * import). The endpoint's node:crypto backend (endpoint/crypto/node.ts) keeps its own `createHmac` for speed.
 */
import { toHex } from './base64.js';

const encoder = new TextEncoder();

/** Copies into a fresh ArrayBuffer-backed view when needed: Web Crypto does not take views over SharedArrayBuffer. */
function bytesOf(data: string | Uint8Array): Uint8Array<ArrayBuffer> {
  if (typeof data === 'string') return encoder.encode(data);
  return data.buffer instanceof ArrayBuffer ? (data as Uint8Array<ArrayBuffer>) : new Uint8Array(data);
}

function subtle(): SubtleCrypto {
  const s = globalThis.crypto?.subtle;
  if (!s) throw new WhatsAppError('Web Crypto (globalThis.crypto.subtle) is not available in this runtime: use Node 20 or later, Deno, Bun or a Worker.');
  return s;
}

/** SHA-256 of bytes (a string is encoded as UTF-8). */
export async function sha256(data: string | Uint8Array): Promise<Uint8Array<ArrayBuffer>> {
  return new Uint8Array(await subtle().digest('SHA-256', bytesOf(data)));
}

/** HMAC-SHA256 of `data` keyed with `key` (strings are encoded as UTF-8). */
export async function hmacSha256(key: string | Uint8Array, data: string | Uint8Array): Promise<Uint8Array<ArrayBuffer>> {
  let raw = bytesOf(key);
  // Web Crypto refuses an empty key; HMAC pads short keys with zeros (RFC 2104 §2), so one zero byte is the same key.
  if (raw.length === 0) raw = new Uint8Array(1);
  const k = await subtle().importKey('raw', raw, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  return new Uint8Array(await subtle().sign('HMAC', k, bytesOf(data)));
}

/** HMAC-SHA256 as lowercase hex (e.g. the Graph API's `appsecret_proof`). */
export async function hmacSha256Hex(key: string | Uint8Array, data: string | Uint8Array): Promise<string> {
  return toHex(await hmacSha256(key, data));
}

/**
 * `sha256=<64 lowercase hex digits>`: the `X-Hub-Signature-256` value Meta puts on webhook deliveries and data
 * endpoint requests, HMAC-SHA256 of the raw body bytes keyed with the app secret (Meta: Implementing endpoints for Flows).
 */
export async function hubSignature(body: string | Uint8Array, appSecret: string): Promise<string> {
  return `sha256=${await hmacSha256Hex(appSecret, body)}`;
}
