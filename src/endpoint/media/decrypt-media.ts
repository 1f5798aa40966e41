import { FlowMediaError } from './flow-media-error.js';
import { InvalidArgumentError } from '../../core/base-errors.js';
import { decryptWithKeys } from './decrypt-media-bytes.js';
import { downloadCdnFile } from './download-cdn-file.js';
import { parseFlowMediaItem } from './parse-item.js';
import type { DecryptFlowMediaOptions, DecryptedFlowMedia, FlowMediaItem } from './types.js';

export { decryptMediaBytes } from './decrypt-media-bytes.js';

/** Default `maxBytes`: 100 MiB, WhatsApp's limit for the files of one flow. */
export const DEFAULT_FLOW_MEDIA_MAX_BYTES = 100 * 1024 * 1024;

/**
 * Downloads a PhotoPicker / DocumentPicker file from its `cdn_url`, verifies it and decrypts it
 * (see `decryptMediaBytes` for the checks). The item is validated before anything is downloaded.
 *
 * @param item one element of the picker's value in a `data_exchange` request, exactly as received.
 * @param options `fetch` to use, an abort `signal`, and `maxBytes` (default 100 MiB).
 * @returns the file name, media id and plaintext bytes.
 * @throws FlowMediaError whose `reason` says which step failed; an abort rejects with the signal's reason.
 *
 * @example
 * const [photo] = request.data.photo as FlowMediaItem[];
 * const { fileName, data } = await decryptFlowMedia(photo);
 */
export async function decryptFlowMedia(
  item: FlowMediaItem,
  options: DecryptFlowMediaOptions = {},
): Promise<DecryptedFlowMedia> {
  const maxBytes = options.maxBytes ?? DEFAULT_FLOW_MEDIA_MAX_BYTES;
  if (!Number.isSafeInteger(maxBytes) || maxBytes < 1) {
    throw new InvalidArgumentError(`decryptFlowMedia: maxBytes must be a positive integer; got ${String(maxBytes)}.`);
  }
  const parsed = parseFlowMediaItem(item);
  const allowed = options.isAllowedUrl ?? isWhatsAppMediaUrl;
  if (!allowed(parsed.cdnUrl)) {
    throw new FlowMediaError('download', `Flow media item ${parsed.mediaId}: cdn_url is not on an allowed media host (${parsed.cdnUrl.protocol}//${parsed.cdnUrl.host}); pass isAllowedUrl to allow it.`);
  }
  const cdnFile = await downloadCdnFile(parsed.cdnUrl, {
    mediaId: parsed.mediaId,
    fetch: options.fetch,
    signal: options.signal,
    maxBytes,
  });
  const data = await decryptWithKeys(cdnFile, parsed.keys);
  return { fileName: parsed.fileName, mediaId: parsed.mediaId, data };
}

/** The default `isAllowedUrl`: https on WhatsApp's media hosts, e.g. `mmg.whatsapp.net`. */
export function isWhatsAppMediaUrl(url: URL): boolean {
  return url.protocol === 'https:' && (url.hostname === 'whatsapp.net' || url.hostname.endsWith('.whatsapp.net'));
}
