/** Flow JSON 7.0: `label-variant` on TextInput and TextArea. */
import type { TextAreaV4_0 } from '../v4/inputs.js';
import type { TextInputV6_2 } from '../v6/text-input.js';

/** `label-variant` (≥ 7.0): `large` shows the label as a bigger, multi-line heading. */
export interface LabelVariantV7_0 {
  'label-variant'?: 'large';
}

/**
 * `TextInput` (7.0 shape). Limits: `label` **20** chars, `helper-text` **80**, `error-message` **30**,
 * `max-chars` default **80**.
 */
export type TextInputV7_0 = TextInputV6_2 & LabelVariantV7_0;

/** `TextArea` (7.0 shape). Limits: `label` **20** chars, `helper-text` **80**, `max-length` default **600**. */
export interface TextAreaV7_0 extends TextAreaV4_0, LabelVariantV7_0 {}
