/** Flow JSON 5.0: DatePicker dates become time-zone independent `"YYYY-MM-DD"` strings. */
import type { Binding, IsoDateString } from '../common.js';
import type { DatePickerV4_0 } from '../v4/inputs.js';

/** A date value from 5.0: `"YYYY-MM-DD"` or a binding. */
export type DateValueV5_0 = IsoDateString | Binding;

/**
 * `DatePicker` (5.0 shape): dates as `"YYYY-MM-DD"`. Default selectable range 1900-01-01 … 2100-12-31.
 * Limits: `label` **40** chars, `helper-text` **80**, `error-message` **80**.
 */
export interface DatePickerV5_0
  extends Omit<DatePickerV4_0, 'min-date' | 'max-date' | 'unavailable-dates' | 'init-value'> {
  'min-date'?: DateValueV5_0;
  'max-date'?: DateValueV5_0;
  'unavailable-dates'?: readonly DateValueV5_0[] | Binding;
  /** Only outside a Form. */
  'init-value'?: DateValueV5_0;
}
