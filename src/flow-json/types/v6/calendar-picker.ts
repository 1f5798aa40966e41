/** `CalendarPicker`, new in Flow JSON 6.1 (Meta: Flow JSON components, Dates). */
import type { DataExchangeAction } from '../actions.js';
import type { Binding } from '../common.js';
import type { Visibility } from '../v2/text.js';
import type { DateValueV5_0 } from '../v5/date.js';

/** Day of the week for `include-days`. */
export type Weekday = 'Mon' | 'Tue' | 'Wed' | 'Thu' | 'Fri' | 'Sat' | 'Sun';

/** A pair of values for the start and end of a range. */
export interface DateRangeOf<T> {
  'start-date'?: T;
  'end-date'?: T;
}

/** Properties shared by both modes. */
export interface CalendarPickerBase extends Visibility {
  type: 'CalendarPicker';
  name: string;
  enabled?: boolean | Binding;
  'min-date'?: DateValueV5_0;
  'max-date'?: DateValueV5_0;
  /** `"YYYY-MM-DD"` dates within min/max. */
  'unavailable-dates'?: readonly DateValueV5_0[] | Binding;
  /** Selectable week days; default all. */
  'include-days'?: readonly Weekday[] | Binding;
  /** `data_exchange` only; the value is a date string, or `{ "start-date", "end-date" }` in range mode. */
  'on-select-action'?: DataExchangeAction;
}

/**
 * `CalendarPicker` in `single` mode (the default). Limits: `label` **40** chars, `helper-text` **80**,
 * `error-message` **80**.
 */
export interface CalendarPickerSingleV6_1 extends CalendarPickerBase {
  mode?: 'single';
  label: string;
  'helper-text'?: string;
  /** Default `false`. */
  required?: boolean | Binding;
  /** Only outside a Form. */
  'init-value'?: DateValueV5_0;
  /** Only outside a Form. */
  'error-message'?: string;
  /** Range mode only. */
  title?: never;
  /** Range mode only. */
  description?: never;
  /** Range mode only. */
  'min-days'?: never;
  /** Range mode only. */
  'max-days'?: never;
}

/**
 * `CalendarPicker` in `range` mode: start/end labels, helper texts, requirements and errors.
 * Limits: `title` **80** chars, `description` **300**, labels **40**, helper texts **80**, errors **80**.
 */
export interface CalendarPickerRangeV6_1 extends CalendarPickerBase {
  mode: 'range';
  title?: string;
  description?: string;
  label: { 'start-date': string; 'end-date': string };
  'helper-text'?: DateRangeOf<string>;
  required?: DateRangeOf<boolean>;
  /** Minimum number of days in the range. */
  'min-days'?: number | Binding;
  /** Maximum number of days in the range. */
  'max-days'?: number | Binding;
  /** Only outside a Form. */
  'init-value'?: DateRangeOf<DateValueV5_0> | Binding;
  /** Only outside a Form. */
  'error-message'?: DateRangeOf<string> | Binding;
}

/** `CalendarPicker` (≥ 6.1): pick a date or a date range on a full-screen calendar. */
export type CalendarPickerV6_1 = CalendarPickerSingleV6_1 | CalendarPickerRangeV6_1;
