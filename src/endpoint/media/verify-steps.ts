import { constantTimeEqual } from '../../internal/constant-time.js';
import { hmacSha256, sha256 } from '../../internal/hmac.js';
import { FlowMediaError } from './flow-media-error.js';
import type { MediaKeys } from './parse-metadata.js';

/** Length of the truncated HMAC-SHA256 appended to the ciphertext. */
export const HMAC_LENGTH = 10;
const BLOCK = 16;
const REUPLOAD = 'If it keeps failing, ask the user to pick the file again.';

/** Step 2: SHA-256 of the whole CDN file must equal `encrypted_hash`. */
export async function checkEncryptedHash(file: Uint8Array<ArrayBuffer>, keys: MediaKeys): Promise<void> {
  if (!constantTimeEqual(await sha256(file), keys.encryptedHash)) {
    throw new FlowMediaError(
      'encrypted-hash',
      'Flow media: the SHA-256 of the downloaded CDN file does not match encryption_metadata.encrypted_hash, so the ' +
        'download is incomplete or corrupted, or the metadata belongs to another file. Download cdn_url again. ' +
        REUPLOAD,
    );
  }
}

/** Step 3: HMAC-SHA256(hmac_key, iv ‖ ciphertext), first 10 bytes, must equal the file's last 10 bytes. */
export async function checkHmac(
  ciphertext: Uint8Array<ArrayBuffer>,
  hmac10: Uint8Array<ArrayBuffer>,
  keys: MediaKeys,
): Promise<void> {
  const message = new Uint8Array(keys.iv.length + ciphertext.length);
  message.set(keys.iv, 0);
  message.set(ciphertext, keys.iv.length);
  const mac = (await hmacSha256(keys.hmacKey, message)).subarray(0, HMAC_LENGTH);
  if (!constantTimeEqual(mac, hmac10)) {
    throw new FlowMediaError(
      'hmac',
      'Flow media: the HMAC-SHA256 over iv + ciphertext (first 10 bytes) does not match the 10 bytes at the end of ' +
        'the CDN file, so the file was altered or hmac_key / iv do not belong to it. Do not use the file; pass ' +
        'encryption_metadata exactly as received. ' +
        REUPLOAD,
    );
  }
}

/** Step 4: AES-256-CBC decryption; Web Crypto strips PKCS#7 and fails on bad padding. */
export async function decryptCiphertext(
  ciphertext: Uint8Array<ArrayBuffer>,
  keys: MediaKeys,
): Promise<Uint8Array<ArrayBuffer>> {
  const fail = (detail: string, cause?: unknown) =>
    new FlowMediaError(
      'decrypt',
      `Flow media: AES-256-CBC decryption failed (${detail}), so encryption_key or iv does not belong to this ` +
        `file. Pass encryption_metadata exactly as received. ${REUPLOAD}`,
      cause === undefined ? undefined : { cause },
    );
  if (ciphertext.length === 0 || ciphertext.length % BLOCK !== 0) {
    throw fail(`the ciphertext is ${ciphertext.length} bytes, not a positive multiple of ${BLOCK}`);
  }
  const key = await crypto.subtle.importKey('raw', keys.encryptionKey, { name: 'AES-CBC' }, false, ['decrypt']);
  try {
    return new Uint8Array(await crypto.subtle.decrypt({ name: 'AES-CBC', iv: keys.iv }, key, ciphertext));
  } catch (err) {
    throw fail('invalid PKCS#7 padding', err);
  }
}

/** Step 5: SHA-256 of the plaintext must equal `plaintext_hash`. */
export async function checkPlaintextHash(plaintext: Uint8Array<ArrayBuffer>, keys: MediaKeys): Promise<void> {
  if (!constantTimeEqual(await sha256(plaintext), keys.plaintextHash)) {
    throw new FlowMediaError(
      'plaintext-hash',
      'Flow media: the SHA-256 of the decrypted data does not match encryption_metadata.plaintext_hash, so ' +
        'encryption_key or iv is wrong for this file. Do not use the data; pass encryption_metadata exactly as ' +
        'received. ' +
        REUPLOAD,
    );
  }
}
