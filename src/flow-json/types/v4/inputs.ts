/** Inputs whose shape changed in Flow JSON 4.0: `init-value` / `error-message` outside a Form. */
import type { DateValueV2_1, DatePickerV2_1, TextAreaV2_1, TextInputV2_1 } from '../v2/inputs.js';
import type { OptInV2_1 } from '../v2/interactive.js';
import type { BooleanInitValue, OutsideFormProps } from './standalone.js';

/**
 * `TextInput` (4.0 shape). Limits: `label` **20** chars, `helper-text` **80**, `error-message` **30**,
 * `max-chars` default **80**.
 */
export interface TextInputV4_0 extends TextInputV2_1, OutsideFormProps<string> {}

/** `TextArea` (4.0 shape). Limits: `label` **20** chars, `helper-text` **80**, `max-length` default **600**. */
export interface TextAreaV4_0 extends TextAreaV2_1, OutsideFormProps<string> {}

/**
 * `DatePicker` (4.0 shape): still epoch-millisecond strings. Limits: `label` **40** chars,
 * `helper-text` **80**, `error-message` **80**.
 */
export interface DatePickerV4_0 extends DatePickerV2_1, OutsideFormProps<DateValueV2_1> {}

/** `OptIn` (4.0 shape): `init-value` is a boolean. Limits: `label` **120** chars; max **5** per screen. */
export interface OptInV4_0 extends OptInV2_1 {
  /** Initial state; only outside a Form. */
  'init-value'?: BooleanInitValue;
}
