import { WhatsAppError } from '../../core/base-errors.js';

/**
 * Which step of downloading or decrypting picker media failed:
 * - `metadata`: the item or its `encryption_metadata` is malformed (nothing was downloaded);
 * - `download`: the CDN could not be reached or answered with an error status;
 * - `size`: the CDN file is larger than `maxBytes`;
 * - `encrypted-hash`: SHA-256 of the CDN file differs from `encrypted_hash`;
 * - `hmac`: the 10-byte HMAC-SHA256 over iv ‖ ciphertext differs from the file's last 10 bytes;
 * - `decrypt`: AES-256-CBC decryption failed (bad PKCS#7 padding or a partial block);
 * - `plaintext-hash`: SHA-256 of the decrypted data differs from `plaintext_hash`.
 */
export type FlowMediaErrorReason =
  | 'download'
  | 'size'
  | 'encrypted-hash'
  | 'hmac'
  | 'decrypt'
  | 'plaintext-hash'
  | 'metadata';

/**
 * Downloading, verifying or decrypting a PhotoPicker / DocumentPicker file failed.
 * `reason` says which check failed; the message says what to do. Messages never contain key material.
 */
export class FlowMediaError extends WhatsAppError {
  /** Which check failed. */
  readonly reason: FlowMediaErrorReason;
  /** The CDN's HTTP status, for `download` errors caused by an error response. */
  readonly status: number | undefined;

  constructor(reason: FlowMediaErrorReason, message: string, options?: { cause?: unknown; status?: number }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.reason = reason;
    this.status = options?.status;
  }
}

// Keep the name when bundlers minify class names.
Object.defineProperty(FlowMediaError, 'name', { value: 'FlowMediaError' });
