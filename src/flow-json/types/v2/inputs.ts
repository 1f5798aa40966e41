/** Text entry and date components of Flow JSON 2.1 (Meta: Flow JSON components, Text entry, "Dates"). */
import type { Binding, EpochMillisString, TextInputType } from '../common.js';
import type { SelectActionV2_1 } from '../actions.js';
import type { Visibility } from './text.js';

/** `required`: boolean or binding. */
export interface Requirable {
  required?: boolean | Binding;
}

/**
 * `TextInput`: single-line text entry. Must be inside a Form before 4.0.
 *
 * Limits: `label` **20** chars, `helper-text` **80** chars, `max-chars` default **80**.
 */
export interface TextInputV2_1 extends Visibility, Requirable {
  type: 'TextInput';
  /** Unique within the Form / screen; read with `${form.<name>}`. */
  name: string;
  label: string;
  /** Default `text`. */
  'input-type'?: TextInputType;
  'min-chars'?: number | Binding;
  'max-chars'?: number | Binding;
  'helper-text'?: string;
  /** In pywa, not in Meta's table (Meta: Flow JSON components): accepted, as the component catalogue accepts it. */
  enabled?: boolean | Binding;
}

/**
 * `TextArea`: multi-line text entry. Must be inside a Form before 4.0.
 *
 * Limits: `label` **20** chars, `helper-text` **80** chars, `max-length` default **600**.
 */
export interface TextAreaV2_1 extends Visibility, Requirable {
  type: 'TextArea';
  name: string;
  label: string;
  'max-length'?: number | Binding;
  'helper-text'?: string;
  enabled?: boolean | Binding;
}

/** A date value of DatePicker before 5.0: epoch milliseconds as a string, or a binding. */
export type DateValueV2_1 = EpochMillisString | Binding;

/**
 * `DatePicker` (2.1 – 4.0 shape): dates are epoch-millisecond strings, e.g. `"1693569600000"` (business
 * and user must share a time zone; the endpoint receives a ms timestamp string). Must be inside a Form
 * before 4.0. Default selectable range 1900-01-01 … 2100-12-31.
 *
 * Limits: `label` **40** chars, `helper-text` **80** chars.
 */
export interface DatePickerV2_1 extends Visibility, Requirable {
  type: 'DatePicker';
  name: string;
  label: string;
  'min-date'?: DateValueV2_1;
  'max-date'?: DateValueV2_1;
  'unavailable-dates'?: readonly DateValueV2_1[] | Binding;
  'helper-text'?: string;
  enabled?: boolean | Binding;
  /** `data_exchange` only. */
  'on-select-action'?: SelectActionV2_1;
}
