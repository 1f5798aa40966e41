/**
 * Media upload components, new in Flow JSON 4.0 (Meta: Flow JSON components, [M-MEDIA]). Cloud API only (not
 * On-Premises).
 *
 * Rules for both pickers: at most one PhotoPicker or DocumentPicker per screen (never both); their values
 * cannot be set through `init-values` and are not allowed in `navigate` payloads; in `data_exchange` and
 * `complete` payloads only as a top-level string property, and in `complete` only when the maximum number
 * of uploads is ≤ 1 (the default is 30!). The completion message carries at most 10 files, 100 MiB in total.
 */
import type { Binding, JsonObject } from '../common.js';
import type { Visibility } from '../v2/text.js';

/** `error-message` of a picker: one text, an object `{ <media_id>: <text> }`, or a binding. */
export type PickerErrorMessage = string | JsonObject;

/** Properties shared by PhotoPicker and DocumentPicker. */
export interface MediaPickerBase extends Visibility {
  /** Unique on the screen. */
  name: string;
  /** Max **80** chars (pywa says 30; Meta says 80). */
  label: string;
  /** Max **300** chars. */
  description?: string;
  /** Per-file size limit, **1 – 25600** KB; default 25600. */
  'max-file-size-kb'?: number | Binding;
  enabled?: boolean | Binding;
  /** Only outside a Form. */
  'error-message'?: PickerErrorMessage;
}

/** `photo-source` of PhotoPicker. Default `camera_gallery`. */
export type PhotoSource = 'camera_gallery' | 'camera' | 'gallery';

/**
 * `PhotoPicker` (≥ 4.0): let the user take or pick photos.
 *
 * `min-uploaded-photos` **0 – 30** (default 0 = optional), `max-uploaded-photos` **1 – 30** (default 30),
 * min ≤ max.
 */
export interface PhotoPickerV4_0 extends MediaPickerBase {
  type: 'PhotoPicker';
  'photo-source'?: PhotoSource;
  'min-uploaded-photos'?: number | Binding;
  'max-uploaded-photos'?: number | Binding;
}

/** MIME types DocumentPicker may restrict to (`image/jpeg` also enables picking from the gallery). */
export type DocumentMimeType =
  | 'application/gzip'
  | 'application/msword'
  | 'application/pdf'
  | 'application/vnd.ms-excel'
  | 'application/vnd.ms-powerpoint'
  | 'application/vnd.oasis.opendocument.presentation'
  | 'application/vnd.oasis.opendocument.spreadsheet'
  | 'application/vnd.oasis.opendocument.text'
  | 'application/vnd.openxmlformats-officedocument.presentationml.presentation'
  | 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
  | 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
  | 'application/x-7z-compressed'
  | 'application/zip'
  | 'image/avif'
  | 'image/gif'
  | 'image/heic'
  | 'image/heif'
  | 'image/jpeg'
  | 'image/png'
  | 'image/tiff'
  | 'image/webp'
  | 'text/plain'
  | 'video/mp4'
  | 'video/mpeg';

/**
 * `DocumentPicker` (≥ 4.0): let the user attach documents.
 *
 * `min-uploaded-documents` **0 – 30** (default 0 = optional), `max-uploaded-documents` **1 – 30**
 * (default 30), min ≤ max.
 */
export interface DocumentPickerV4_0 extends MediaPickerBase {
  type: 'DocumentPicker';
  'min-uploaded-documents'?: number | Binding;
  'max-uploaded-documents'?: number | Binding;
  'allowed-mime-types'?: readonly DocumentMimeType[];
}
