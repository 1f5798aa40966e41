/**
 * Decrypting PhotoPicker / DocumentPicker media received by a flow's data endpoint
 * (AES-256-CBC + truncated HMAC-SHA256, Web Crypto only).
 */
export { decryptFlowMedia, decryptMediaBytes, DEFAULT_FLOW_MEDIA_MAX_BYTES } from './decrypt-media.js';
export { FlowMediaError, type FlowMediaErrorReason } from './flow-media-error.js';
export type {
  DecryptFlowMediaOptions,
  DecryptedFlowMedia,
  FlowMediaEncryptionMetadata,
  FlowMediaItem,
} from './types.js';
