/** Selection components of Flow JSON 2.1 (Meta: Flow JSON components, Selection). */
import type { Binding } from '../common.js';
import type { SelectActionV2_1 } from '../actions.js';
import type { Visibility } from './text.js';
import type { Requirable } from './inputs.js';

/**
 * An option of CheckboxGroup / RadioButtonsGroup / Dropdown (2.1 – 4.0 shape).
 *
 * Limits: `title` **30** chars, `description` **300** chars, `metadata` **20** chars.
 */
export interface DataSourceItemV2_1 {
  id: string;
  title: string;
  description?: string;
  metadata?: string;
  enabled?: boolean;
}

/** Properties shared by the selection components of one version. */
export interface SelectionBase<Item, SelectAction> extends Visibility, Requirable {
  /** Unique within the Form / screen; read with `${form.<name>}`. */
  name: string;
  /** The options, or a binding to an array of `{ id, title, … }` objects. */
  'data-source': readonly Item[] | Binding;
  enabled?: boolean | Binding;
  'on-select-action'?: SelectAction;
}

/**
 * `CheckboxGroup` (2.1 shape): pick several options. Must be inside a Form before 4.0.
 *
 * Limits: `label` **30** chars; **1 – 20** options.
 */
export interface CheckboxGroupV2_1 extends SelectionBase<DataSourceItemV2_1, SelectActionV2_1> {
  type: 'CheckboxGroup';
  /** Optional before 4.0. */
  label?: string;
  'min-selected-items'?: number | Binding;
  'max-selected-items'?: number | Binding;
}

/**
 * `RadioButtonsGroup` (2.1 shape): pick one option. Must be inside a Form before 4.0.
 *
 * Limits: `label` **30** chars; **1 – 20** options.
 */
export interface RadioButtonsGroupV2_1 extends SelectionBase<DataSourceItemV2_1, SelectActionV2_1> {
  type: 'RadioButtonsGroup';
  /** Optional before 4.0. */
  label?: string;
}

/**
 * `Dropdown` (2.1 shape): pick one option from a list. Must be inside a Form before 4.0.
 *
 * Limits: `label` **20** chars (Meta's table; pywa says 30); **1 – 200** options.
 */
export interface DropdownV2_1 extends SelectionBase<DataSourceItemV2_1, SelectActionV2_1> {
  type: 'Dropdown';
  label: string;
}
