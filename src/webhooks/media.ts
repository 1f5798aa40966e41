/** Picker files in a flow completion. */
import type { FlowCompletionEvent } from './events.js';

/** A file a PhotoPicker or DocumentPicker sent in a completion (Meta: Flows webhooks, Flow completion message; Flows media upload). */
export interface FlowCompletionMedia {
  fileName?: string;
  mimeType?: string;
  /** Of the file's content. */
  sha256?: string;
  /** A Cloud API media id: download it through the media API (`GET /{media-id}`). */
  id: string;
}

/**
 * The media items of a picker in a completion: `response[key]` as `{ fileName, mimeType, sha256, id }` (Meta
 * sends `{ file_name, mime_type, sha256, id }`). Items without an `id` are left out; `[]` when there are none.
 */
export function completionMedia(event: Pick<FlowCompletionEvent, 'response'>, key: string): FlowCompletionMedia[] {
  // Own properties only: a picker named `constructor` or `__proto__` must not read Object.prototype.
  const items = Object.hasOwn(event.response, key) ? event.response[key] : undefined;
  if (!Array.isArray(items)) return [];
  const out: FlowCompletionMedia[] = [];
  for (const item of items) {
    if (!item || typeof item !== 'object') continue;
    const m = item as Record<string, unknown>;
    if (typeof m.id !== 'string') continue;
    out.push({
      id: m.id,
      ...(typeof m.file_name === 'string' ? { fileName: m.file_name } : {}),
      ...(typeof m.mime_type === 'string' ? { mimeType: m.mime_type } : {}),
      ...(typeof m.sha256 === 'string' ? { sha256: m.sha256 } : {}),
    });
  }
  return out;
}
