/**
 * Flow JSON 4.0 makes `Form` optional: an input outside a Form may carry its own `init-value` and
 * `error-message` (inside a Form use the Form's `init-values` / `error-messages` instead).
 */
import type { Binding } from '../common.js';

/** Properties of an input that sits outside a Form (≥ 4.0). */
export interface OutsideFormProps<Value> {
  /** Initial value; only outside a Form. */
  'init-value'?: Value;
  /** Error text shown under the input; only outside a Form. */
  'error-message'?: string;
}

/** `init-value` of a multiple choice: option ids, or a binding. */
export type StringArrayInitValue = readonly string[] | Binding;

/** `init-value` of an OptIn: checked or not, or a binding. */
export type BooleanInitValue = boolean | Binding;
