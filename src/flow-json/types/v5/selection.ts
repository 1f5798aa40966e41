/**
 * Flow JSON 5.0: options of CheckboxGroup / RadioButtonsGroup / Dropdown may carry an image, and
 * CheckboxGroup / RadioButtonsGroup get `media-size`.
 */
import type { Binding, MediaSize } from '../common.js';
import type { DataSourceItemV2_1 } from '../v2/selection.js';
import type { CheckboxGroupV4_0, DropdownV4_0, RadioButtonsGroupV4_0 } from '../v4/selection.js';

/**
 * An option (5.0 shape). Limits: `title` **30** chars, `description` **300**, `metadata` **20**; image max
 * 300 KB (100 KB from 6.0). WebP images are not supported before iOS 14.
 */
export interface DataSourceItemV5_0 extends DataSourceItemV2_1 {
  /** Base64 image data. */
  image?: string;
  'alt-text'?: string;
  /** 6-digit hex colour. */
  color?: string;
}

/** Options of a 5.0 selection component, or a binding. */
export type DataSourceV5_0 = readonly DataSourceItemV5_0[] | Binding;

/** `CheckboxGroup` (5.0 shape). Limits: `label` **30** chars, `description` **300**; **1 – 20** options. */
export interface CheckboxGroupV5_0 extends Omit<CheckboxGroupV4_0, 'data-source'> {
  'data-source': DataSourceV5_0;
  /** Default `regular`. */
  'media-size'?: MediaSize;
}

/** `RadioButtonsGroup` (5.0 shape). Limits: `label` **30** chars, `description` **300**; **1 – 20** options. */
export interface RadioButtonsGroupV5_0 extends Omit<RadioButtonsGroupV4_0, 'data-source'> {
  'data-source': DataSourceV5_0;
  /** Default `regular`. */
  'media-size'?: MediaSize;
}

/** `Dropdown` (5.0 shape). Limits: `label` **20** chars; **1 – 200** options, **1 – 100** with images. */
export interface DropdownV5_0 extends Omit<DropdownV4_0, 'data-source'> {
  'data-source': DataSourceV5_0;
}
