/**
 * Simulated PhotoPicker / DocumentPicker uploads (flows-platform §3.8). A test gives file names or
 * `{ file_name, mime_type?, size? }`; the simulator keeps them as `SimulatedFile`s and puts them in payloads in
 * the shape WhatsApp uses there: in a `data_exchange` request `{ media_id, cdn_url, file_name,
 * encryption_metadata }`, in the completion (`complete` payload) `{ file_name, mime_type, sha256, id }`.
 * Nothing is uploaded: ids, URLs, hashes and keys are random placeholders (the CDN file does not exist).
 */
import { toBase64 } from '../internal/base64.js';

/** A file as a test describes it. */
export type FileInput = string | { file_name: string; mime_type?: string; size?: number };

/** A picked file, as the simulator stores it. */
export interface SimulatedFile {
  readonly simulatedFile: true;
  file_name: string;
  mime_type: string;
  /** Bytes (default 1024). */
  size: number;
  media_id: string;
}

const MIME_BY_EXTENSION: Record<string, string> = {
  jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png', gif: 'image/gif', webp: 'image/webp', heic: 'image/heic',
  heif: 'image/heif', avif: 'image/avif', tif: 'image/tiff', tiff: 'image/tiff', pdf: 'application/pdf',
  txt: 'text/plain', zip: 'application/zip', gz: 'application/gzip', '7z': 'application/x-7z-compressed',
  doc: 'application/msword', docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xls: 'application/vnd.ms-excel', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  ppt: 'application/vnd.ms-powerpoint', pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  odt: 'application/vnd.oasis.opendocument.text', ods: 'application/vnd.oasis.opendocument.spreadsheet',
  odp: 'application/vnd.oasis.opendocument.presentation', mp4: 'video/mp4', mpeg: 'video/mpeg',
};

/** The MIME type of a file name by its extension (application/octet-stream when unknown). */
export function mimeTypeOf(fileName: string): string {
  const ext = /\.([A-Za-z0-9]+)$/.exec(fileName)?.[1]?.toLowerCase();
  return (ext && MIME_BY_EXTENSION[ext]) ?? 'application/octet-stream';
}

/** A file extension for a MIME type (`bin` when unknown). */
export function extensionOf(mimeType: string): string {
  return Object.entries(MIME_BY_EXTENSION).find(([, m]) => m === mimeType)?.[0] ?? 'bin';
}

/** A `SimulatedFile` from a test's description; undefined when it is not one. */
export function toSimulatedFile(input: unknown): SimulatedFile | undefined {
  if (isSimulatedFile(input)) return input;
  const described = typeof input === 'string' ? { file_name: input } : input;
  if (!described || typeof described !== 'object' || typeof (described as { file_name?: unknown }).file_name !== 'string') return undefined;
  const { file_name, mime_type, size } = described as { file_name: string; mime_type?: unknown; size?: unknown };
  if (file_name === '') return undefined;
  return {
    simulatedFile: true,
    file_name,
    mime_type: typeof mime_type === 'string' ? mime_type : mimeTypeOf(file_name),
    size: typeof size === 'number' && size >= 0 ? size : 1024,
    media_id: randomUuid(),
  };
}

export function isSimulatedFile(v: unknown): v is SimulatedFile {
  return typeof v === 'object' && v !== null && (v as { simulatedFile?: unknown }).simulatedFile === true;
}

/** A picked file as a `data_exchange` request carries it. */
export function exchangeItem(file: SimulatedFile): Record<string, unknown> {
  return {
    media_id: file.media_id,
    cdn_url: `https://mmg.whatsapp.net/simulated/${file.media_id}`,
    file_name: file.file_name,
    encryption_metadata: {
      encrypted_hash: randomBase64(32),
      iv: randomBase64(16),
      encryption_key: randomBase64(32),
      hmac_key: randomBase64(32),
      plaintext_hash: randomBase64(32),
    },
  };
}

/** A picked file as the completion message carries it. */
export function completionItem(file: SimulatedFile): Record<string, unknown> {
  return { file_name: file.file_name, mime_type: file.mime_type, sha256: randomBase64(32), id: String(1_000_000_000_000 + Math.floor(Math.random() * 1e12)) };
}

/** A picked file as `sim.form` shows it. */
export function describeFile(file: SimulatedFile): { file_name: string; mime_type: string; size: number } {
  return { file_name: file.file_name, mime_type: file.mime_type, size: file.size };
}

function randomBase64(bytes: number): string {
  return toBase64(globalThis.crypto.getRandomValues(new Uint8Array(bytes)));
}

function randomUuid(): string {
  return globalThis.crypto.randomUUID();
}
