import { WhatsAppError } from '../core/errors.js';
import { fromBase64, toBase64, toBase64Url } from '../internal/base64.js';
import { hmacSha256 } from '../internal/hmac.js';
import { importPublicKeyWeb } from '../endpoint/keys/import-web.js';
import type { WebCryptoKey, WebCryptoKeyInput } from '../endpoint/keys/web-crypto-key.js';

/**
 * WhatsApp's side of the data-channel cryptography (Meta: Implementing endpoints for Flows; Implementing endpoints for Flows, request decryption and response encryption), on Web Crypto only (Node 20+,
 * Deno, Bun, Workers, browsers): each request gets a fresh AES-128 key and a 16-byte IV; the payload is
 * AES-128-GCM encrypted (empty AAD, 16-byte tag appended), the key RSA-OAEP-SHA256 encrypted with the business
 * public key; the response is decrypted with the same key and the flipped IV (every byte XOR 0xFF).
 */

/** What WhatsApp POSTs to the endpoint. */
export interface EncryptedEnvelope {
  encrypted_flow_data: string;
  encrypted_aes_key: string;
  initial_vector: string;
}

/** A sealed request: the envelope to send, and the key and IV its response is decrypted with. */
export interface SealedRequest {
  envelope: EncryptedEnvelope;
  aesKey: Uint8Array;
  iv: Uint8Array;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });
const buf = (b: Uint8Array) => b as Uint8Array<ArrayBuffer>;

function subtle(): SubtleCrypto {
  const s = (globalThis as { crypto?: Crypto }).crypto?.subtle;
  if (!s) throw new WhatsAppError('Web Crypto (globalThis.crypto.subtle) is not available in this runtime.');
  return s;
}

/** Imports the business public key (SPKI or PKCS#1 PEM) for RSA-OAEP-SHA256 encryption. @throws KeyFormatError */
export function importBusinessPublicKey(pem: string): Promise<WebCryptoKey> {
  return importPublicKeyWeb(pem);
}

/** AES-128-GCM with a 16-byte IV: ciphertext ‖ 16-byte tag. */
export async function aesGcmEncrypt(key: Uint8Array, iv: Uint8Array, plaintext: Uint8Array): Promise<Uint8Array> {
  const k = await subtle().importKey('raw', buf(key), 'AES-GCM', false, ['encrypt']);
  return new Uint8Array(await subtle().encrypt({ name: 'AES-GCM', iv: buf(iv), tagLength: 128 }, k, buf(plaintext)));
}

/** Decrypts ciphertext ‖ tag; rejects when the tag does not match. */
export async function aesGcmDecrypt(key: Uint8Array, iv: Uint8Array, sealed: Uint8Array): Promise<Uint8Array> {
  const k = await subtle().importKey('raw', buf(key), 'AES-GCM', false, ['decrypt']);
  return new Uint8Array(await subtle().decrypt({ name: 'AES-GCM', iv: buf(iv), tagLength: 128 }, k, buf(sealed)));
}

/** The response IV: every byte of the request IV XOR 0xFF. */
export function flipIv(iv: Uint8Array): Uint8Array {
  return iv.map((b) => b ^ 0xff);
}

/**
 * Encrypts a request payload. `aesKey` and `iv` are random (16 bytes each) unless given, for test vectors.
 */
export async function encryptRequest(publicKey: WebCryptoKeyInput, payload: unknown, fixed: { aesKey?: Uint8Array; iv?: Uint8Array } = {}): Promise<SealedRequest> {
  const aesKey = fixed.aesKey ?? globalThis.crypto.getRandomValues(new Uint8Array(16));
  const iv = fixed.iv ?? globalThis.crypto.getRandomValues(new Uint8Array(16));
  const data = await aesGcmEncrypt(aesKey, iv, encoder.encode(JSON.stringify(payload)));
  const wrapped = new Uint8Array(await subtle().encrypt({ name: 'RSA-OAEP' }, publicKey as CryptoKey, buf(aesKey)));
  return {
    envelope: { encrypted_flow_data: toBase64(data), encrypted_aes_key: toBase64(wrapped), initial_vector: toBase64(iv) },
    aesKey,
    iv,
  };
}

/** Decrypts a base64 response body with the request's key and the flipped IV, and parses the JSON. @throws when it cannot. */
export async function decryptResponse(body: string, sealed: Pick<SealedRequest, 'aesKey' | 'iv'>): Promise<unknown> {
  const plain = await aesGcmDecrypt(sealed.aesKey, flipIv(sealed.iv), fromBase64(body.trim()));
  return JSON.parse(decoder.decode(plain));
}

/** `sha256=<hex HMAC-SHA256(body, appSecret)>`: the X-Hub-Signature-256 header of a request body. */
export { hubSignature } from '../internal/hmac.js';

/**
 * A `flow_token_signature` (Data API 4.0, Flow JSON ≥ 7.3): an HS256 JWT over `{ flow_token, iat }` signed with
 * the app secret. Meta's exact claim names beyond the flow token are unverified (Meta: Implementing endpoints for Flows, data exchange request).
 */
export async function flowTokenSignature(flowToken: string, appSecret: string): Promise<string> {
  const part = (v: unknown) => toBase64Url(encoder.encode(JSON.stringify(v)));
  const head = `${part({ alg: 'HS256', typ: 'JWT' })}.${part({ flow_token: flowToken, iat: Math.floor(Date.now() / 1000) })}`;
  return `${head}.${toBase64Url(await hmacSha256(appSecret, head))}`;
}


