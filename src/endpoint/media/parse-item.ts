import { FlowMediaError } from './flow-media-error.js';
import { describeType, parseEncryptionMetadata, type MediaKeys } from './parse-metadata.js';

/** A validated `FlowMediaItem`. */
export interface ParsedMediaItem {
  mediaId: string;
  cdnUrl: URL;
  fileName: string;
  keys: MediaKeys;
}

const HINT = 'Pass the item exactly as it came in the PhotoPicker / DocumentPicker value of the data_exchange request.';

function requireString(record: Record<string, unknown>, field: string, allowEmpty: boolean): string {
  const value = record[field];
  if (typeof value !== 'string' || (!allowEmpty && value === '')) {
    const got = value === undefined ? 'it is missing' : value === '' ? 'it is empty' : `got ${describeType(value)}`;
    const expected = allowEmpty ? 'a string' : 'a non-empty string';
    throw new FlowMediaError('metadata', `Flow media item: ${field} must be ${expected}; ${got}. ${HINT}`);
  }
  return value;
}

/**
 * Checks the shape of a picker item (`media_id`, `cdn_url`, `file_name`, `encryption_metadata`) before
 * anything is downloaded. Rejects with `FlowMediaError` (`reason: 'metadata'`).
 */
export function parseFlowMediaItem(item: unknown): ParsedMediaItem {
  if (typeof item !== 'object' || item === null || Array.isArray(item)) {
    throw new FlowMediaError('metadata', `A flow media item must be an object; got ${describeType(item)}. ${HINT}`);
  }
  const record = item as Record<string, unknown>;
  const mediaId = requireString(record, 'media_id', false);
  const rawUrl = requireString(record, 'cdn_url', false);
  const fileName = requireString(record, 'file_name', true);
  let cdnUrl: URL;
  try {
    cdnUrl = new URL(rawUrl);
  } catch {
    throw new FlowMediaError('metadata', `Flow media item ${mediaId}: cdn_url is not an absolute URL. ${HINT}`);
  }
  if (cdnUrl.protocol !== 'https:' && cdnUrl.protocol !== 'http:') {
    throw new FlowMediaError('metadata', `Flow media item ${mediaId}: cdn_url must be an http(s) URL. ${HINT}`);
  }
  const keys = parseEncryptionMetadata(record.encryption_metadata);
  return { mediaId, cdnUrl, fileName, keys };
}
