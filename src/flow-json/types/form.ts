/**
 * The `Form` component (Meta: Flow JSON reference, Forms). Mandatory around input components before 4.0, optional from
 * 4.0 (but if a screen has a Form, no input component may sit outside it).
 */
import type { Binding, JsonObject } from './common.js';

/** Initial value of one input in `init-values`. */
export type FormInitValue = string | boolean | readonly string[] | JsonObject;

/**
 * `Form`: groups input components; their values are read with `${form.<name>}`.
 *
 * - `name`: the Form's own name (`${form.<form name>}` cannot be bound).
 * - `init-values`: input name → initial value (CheckboxGroup/ChipsSelector: array of strings;
 *   RadioButtonsGroup, Dropdown and text entry: string; type-checked from 7.0). Must not contain
 *   PhotoPicker/DocumentPicker values.
 * - `error-messages`: input name → error text.
 * - Input `name`s must be unique within the Form, including across all If/Switch branches.
 */
export interface Form<Child> {
  type: 'Form';
  name: string;
  children: readonly Child[];
  'init-values'?: Readonly<Record<string, FormInitValue>> | Binding;
  'error-messages'?: Readonly<Record<string, string | JsonObject>> | Binding;
}

/** Properties an input may only have outside a Form (≥ 4.0); inside a Form use `init-values`/`error-messages`. */
export type OutsideFormOnlyKey = 'init-value' | 'error-message';

/** The shape of a component when it sits inside a Form: without `init-value` / `error-message`. */
export type InForm<C> = C extends unknown ? Omit<C, OutsideFormOnlyKey> : never;
