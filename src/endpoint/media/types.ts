/**
 * Shapes of the media a PhotoPicker or DocumentPicker sends to a flow's data endpoint.
 * Field names are exactly Meta's, so a decrypted `data_exchange` payload can be passed through unchanged.
 */

/** How one picked file was encrypted. Every value is standard base64. */
export interface FlowMediaEncryptionMetadata {
  /** base64 SHA-256 of the whole CDN file (ciphertext followed by the 10-byte HMAC). */
  encrypted_hash: string;
  /** base64 of the 16-byte AES-CBC initialisation vector. */
  iv: string;
  /** base64 of the 32-byte AES-256 key. */
  encryption_key: string;
  /** base64 of the 32-byte HMAC-SHA256 key. */
  hmac_key: string;
  /** base64 SHA-256 of the decrypted file. */
  plaintext_hash: string;
}

/** One picked file as found in a `data_exchange` request (an element of the picker's array value). */
export interface FlowMediaItem {
  /** Meta's id for the upload (a UUID). */
  media_id: string;
  /** Where the encrypted file can be downloaded; files stay on the CDN for up to 20 days. */
  cdn_url: string;
  /** The name the user's file had on the device, e.g. `IMG_5237.jpg`. */
  file_name: string;
  encryption_metadata: FlowMediaEncryptionMetadata;
}

/** Options of `decryptFlowMedia`. */
export interface DecryptFlowMediaOptions {
  /** The `fetch` used to download `cdn_url` (default: the global `fetch`). */
  fetch?: typeof fetch;
  /** Cancels the download; the call then rejects with the signal's reason. */
  signal?: AbortSignal;
  /** Largest CDN file accepted, in bytes (default 100 MiB). The download stops as soon as it is exceeded. */
  maxBytes?: number;
  /**
   * Which `cdn_url`s may be downloaded. The URL comes from the device's request, so by default only https URLs on
   * WhatsApp's media hosts (`*.whatsapp.net`) are fetched, and redirects are refused: a crafted item cannot make
   * your server call internal addresses. Pass your own check for tests or another CDN.
   */
  isAllowedUrl?: (url: URL) => boolean;
}

/** A downloaded, verified and decrypted picker file. */
export interface DecryptedFlowMedia {
  /** `file_name` of the item. */
  fileName: string;
  /** `media_id` of the item. */
  mediaId: string;
  /** The plaintext file content. */
  data: Uint8Array;
}
