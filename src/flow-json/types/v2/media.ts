/** The Image component (all versions; Meta: Flow JSON components, Media display). */
import type { Binding, ScaleType } from '../common.js';
import type { Visibility } from './text.js';

/**
 * `Image`: a base64-encoded JPEG or PNG. Max **3** per screen; about 300 KB recommended; the whole
 * data-channel payload is limited to 1 MB. On Android the default height with `contain` is 400.
 */
export interface ImageV2_1 extends Visibility {
  type: 'Image';
  /** Base64 image data (no `data:` prefix), or a binding. */
  src: string;
  width?: number | Binding;
  height?: number | Binding;
  /** Default `contain`. */
  'scale-type'?: ScaleType;
  /** Default 1. */
  'aspect-ratio'?: number | Binding;
  'alt-text'?: string;
}
