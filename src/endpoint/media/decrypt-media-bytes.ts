import { InvalidArgumentError } from '../../core/base-errors.js';
import { FlowMediaError } from './flow-media-error.js';
import { parseEncryptionMetadata, type MediaKeys } from './parse-metadata.js';
import type { FlowMediaEncryptionMetadata } from './types.js';
import { HMAC_LENGTH, checkEncryptedHash, checkHmac, checkPlaintextHash, decryptCiphertext } from './verify-steps.js';

/** Runs the four checks on an already validated key set. */
export async function decryptWithKeys(cdnFile: Uint8Array<ArrayBuffer>, keys: MediaKeys): Promise<Uint8Array> {
  await checkEncryptedHash(cdnFile, keys);
  if (cdnFile.length < HMAC_LENGTH) {
    throw new FlowMediaError(
      'hmac',
      `Flow media: the CDN file is ${cdnFile.length} bytes, too short to end with the ${HMAC_LENGTH}-byte HMAC. ` +
        'Download cdn_url again; if it keeps failing, ask the user to pick the file again.',
    );
  }
  const ciphertext = cdnFile.subarray(0, cdnFile.length - HMAC_LENGTH);
  await checkHmac(ciphertext, cdnFile.subarray(cdnFile.length - HMAC_LENGTH), keys);
  const plaintext = await decryptCiphertext(ciphertext, keys);
  await checkPlaintextHash(plaintext, keys);
  return plaintext;
}

/**
 * Verifies and decrypts a PhotoPicker / DocumentPicker file already downloaded from its `cdn_url`
 * (no network). In order: SHA-256 of `cdnFile` vs `encrypted_hash`; HMAC-SHA256(`hmac_key`, iv ‖ ciphertext)
 * truncated to 10 bytes vs the file's last 10 bytes (constant-time); AES-256-CBC decryption with PKCS#7
 * removal; SHA-256 of the plaintext vs `plaintext_hash`. Uses Web Crypto only.
 *
 * @param cdnFile ciphertext ‖ hmac10, as served by the CDN.
 * @param metadata the item's `encryption_metadata`, exactly as received.
 * @returns the plaintext file.
 * @throws FlowMediaError with `reason` `metadata`, `encrypted-hash`, `hmac`, `decrypt` or `plaintext-hash`.
 */
export async function decryptMediaBytes(
  cdnFile: Uint8Array,
  metadata: FlowMediaEncryptionMetadata,
): Promise<Uint8Array> {
  if (!(cdnFile instanceof Uint8Array)) {
    throw new InvalidArgumentError(
      'decryptMediaBytes: cdnFile must be a Uint8Array (the bytes downloaded from cdn_url).',
    );
  }
  const keys = parseEncryptionMetadata(metadata);
  // Web Crypto takes only ArrayBuffer-backed views; copy when the input sits on a SharedArrayBuffer.
  const bytes = cdnFile.buffer instanceof ArrayBuffer ? (cdnFile as Uint8Array<ArrayBuffer>) : cdnFile.slice();
  return decryptWithKeys(bytes, keys);
}
