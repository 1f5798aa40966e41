import { fromBase64, toBase64 } from '../internal/base64.js';
import type { FlowCrypto } from './crypto/types.js';
import { EndpointError } from './errors.js';

/** The request body WhatsApp POSTs (Meta: Implementing endpoints for Flows). */
export interface EncryptedRequestBody {
  encrypted_flow_data: string;
  encrypted_aes_key: string;
  initial_vector: string;
}

export interface DecryptedExchange {
  /** The decrypted request JSON. */
  body: unknown;
  aesKey: Uint8Array;
  iv: Uint8Array;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

/** Checks the envelope's shape: a JSON object with the three base64 fields (400 otherwise). */
export function parseEnvelope(text: string): EncryptedRequestBody {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new EndpointError(400, 'The request body is not JSON.');
  }
  const b = body as Partial<EncryptedRequestBody> | null;
  if (!b || typeof b !== 'object' || Array.isArray(b)) throw new EndpointError(400, 'The request body must be a JSON object.');
  for (const field of ['encrypted_flow_data', 'encrypted_aes_key', 'initial_vector'] as const) {
    if (typeof b[field] !== 'string' || b[field] === '') throw new EndpointError(400, `The request body has no ${field}.`);
  }
  return b as EncryptedRequestBody;
}

/**
 * Decrypts a request (Meta: Implementing endpoints for Flows, request decryption and response encryption): RSA-OAEP-SHA256 unwraps the AES key, then AES-GCM with the 16-byte IV
 * decrypts the payload. Anything that cannot be decrypted is 421, so WhatsApp refetches the public key and retries.
 */
export async function decryptRequest(crypto: FlowCrypto, privateKey: unknown, envelope: EncryptedRequestBody): Promise<DecryptedExchange> {
  let encryptedKey: Uint8Array;
  let iv: Uint8Array;
  let data: Uint8Array;
  try {
    encryptedKey = fromBase64(envelope.encrypted_aes_key);
    iv = fromBase64(envelope.initial_vector);
    data = fromBase64(envelope.encrypted_flow_data);
  } catch {
    throw new EndpointError(400, 'The request body fields must be base64.');
  }
  if (iv.length !== 16) throw new EndpointError(421, `initial_vector must be 16 bytes; got ${iv.length}.`);
  let aesKey: Uint8Array;
  try {
    aesKey = await crypto.rsaOaepDecrypt(privateKey, encryptedKey);
  } catch (cause) {
    throw new EndpointError(421, 'The AES key could not be decrypted with this private key (was the public key uploaded for this phone number?).', { cause });
  }
  if (aesKey.length !== 16 && aesKey.length !== 32) throw new EndpointError(421, `The decrypted AES key has ${aesKey.length} bytes; expected 16.`);
  let plain: Uint8Array;
  try {
    plain = await crypto.aesGcmDecrypt(aesKey, iv, data);
  } catch (cause) {
    throw new EndpointError(421, 'The payload could not be decrypted (AES-GCM authentication failed).', { cause });
  }
  let body: unknown;
  try {
    body = JSON.parse(decoder.decode(plain));
  } catch {
    throw new EndpointError(400, 'The decrypted payload is not JSON.');
  }
  return { body, aesKey, iv };
}

/** Encrypts a response with the same AES key and the flipped IV (every byte XOR 0xFF); returns the base64 body. */
export async function encryptResponse(crypto: FlowCrypto, exchange: Pick<DecryptedExchange, 'aesKey' | 'iv'>, response: unknown): Promise<string> {
  const flipped = new Uint8Array(exchange.iv.length);
  for (let i = 0; i < flipped.length; i++) flipped[i] = exchange.iv[i]! ^ 0xff;
  const sealed = await crypto.aesGcmEncrypt(exchange.aesKey, flipped, encoder.encode(JSON.stringify(response)));
  return toBase64(sealed);
}
