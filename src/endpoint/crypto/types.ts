/**
 * The cryptography the endpoint needs, behind one interface with two implementations: Web Crypto (every runtime)
 * and node:crypto (faster on Node). Both pass the same tests.
 */
export interface FlowCrypto {
  readonly name: 'web-crypto' | 'node-crypto';
  /** Imports the business private key once (PEM: PKCS#1 or PKCS#8; `passphrase` for encrypted keys). */
  importPrivateKey(pem: string, passphrase?: string): Promise<unknown>;
  /** The same, synchronously, where the runtime allows it (node:crypto): `createFlowEndpoint` then throws a bad key at once. */
  importPrivateKeySync?(pem: string, passphrase?: string): unknown;
  /** RSA-OAEP with SHA-256 (OAEP and MGF1), empty label. */
  rsaOaepDecrypt(privateKey: unknown, data: Uint8Array): Promise<Uint8Array>;
  /** AES-GCM with a 16-byte IV, empty AAD, the 16-byte tag at the end of `data`. Rejects when the tag does not match. */
  aesGcmDecrypt(key: Uint8Array, iv: Uint8Array, data: Uint8Array): Promise<Uint8Array>;
  /** AES-GCM encrypt; returns ciphertext ‖ 16-byte tag. */
  aesGcmEncrypt(key: Uint8Array, iv: Uint8Array, plaintext: Uint8Array): Promise<Uint8Array>;
  /** HMAC-SHA256. */
  hmacSha256(secret: Uint8Array, data: Uint8Array): Promise<Uint8Array>;
}
