import { tryFromBase64 } from '../../internal/base64.js';
import { FlowMediaError } from './flow-media-error.js';

/** `encryption_metadata` decoded to bytes, lengths checked. */
export interface MediaKeys {
  encryptedHash: Uint8Array<ArrayBuffer>;
  iv: Uint8Array<ArrayBuffer>;
  encryptionKey: Uint8Array<ArrayBuffer>;
  hmacKey: Uint8Array<ArrayBuffer>;
  plaintextHash: Uint8Array<ArrayBuffer>;
}

const FIELDS = [
  ['encrypted_hash', 'encryptedHash', 32, 'a SHA-256 digest'],
  ['iv', 'iv', 16, 'an AES-CBC IV'],
  ['encryption_key', 'encryptionKey', 32, 'an AES-256 key'],
  ['hmac_key', 'hmacKey', 32, 'an HMAC-SHA256 key'],
  ['plaintext_hash', 'plaintextHash', 32, 'a SHA-256 digest'],
] as const;

const HINT = 'Pass encryption_metadata exactly as it came in the data_exchange request.';

/** Describes a value's type for an error message without revealing the value. */
export function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value;
}

/**
 * Validates and decodes `encryption_metadata`: five base64 strings, 32-byte keys and hashes, a 16-byte IV.
 * Rejects with `FlowMediaError` (`reason: 'metadata'`); messages name the field, never its value.
 */
export function parseEncryptionMetadata(metadata: unknown, path = 'encryption_metadata'): MediaKeys {
  if (typeof metadata !== 'object' || metadata === null || Array.isArray(metadata)) {
    throw new FlowMediaError('metadata', `${path} must be an object; got ${describeType(metadata)}. ${HINT}`);
  }
  const record = metadata as Record<string, unknown>;
  const keys: Partial<MediaKeys> = {};
  for (const [field, name, length, what] of FIELDS) {
    const value = record[field];
    if (typeof value !== 'string') {
      const got = value === undefined ? 'it is missing' : `got ${describeType(value)}`;
      throw new FlowMediaError('metadata', `${path}.${field} must be a base64 string (${what}); ${got}. ${HINT}`);
    }
    const bytes = tryFromBase64(value);
    if (bytes === undefined) {
      throw new FlowMediaError('metadata', `${path}.${field} is not valid standard base64. ${HINT}`);
    }
    if (bytes.length !== length) {
      throw new FlowMediaError(
        'metadata',
        `${path}.${field} must decode to ${length} bytes (${what}); it decodes to ${bytes.length}. ${HINT}`,
      );
    }
    keys[name] = bytes;
  }
  return keys as MediaKeys;
}
