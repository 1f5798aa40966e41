/**
 * Flow JSON 6.0: `update_data` on selection components (`on-select-action` / new `on-unselect-action`) and
 * on their options. List-component images max 100 KB (was 300 KB).
 */
import type { SelectActionV6_0, UnselectAction } from '../actions.js';
import type { Binding } from '../common.js';
import type { CheckboxGroupV5_0, DataSourceItemV5_0, DropdownV5_0, RadioButtonsGroupV5_0 } from '../v5/selection.js';

/** Option-level actions (≥ 6.0): `update_data` only. */
export interface ItemActionsV6_0 {
  'on-select-action'?: UnselectAction;
  'on-unselect-action'?: UnselectAction;
}

/** An option (6.0 shape). Limits: `title` **30** chars, `description` **300**, `metadata` **20**; image ≤ 100 KB. */
export interface DataSourceItemV6_0 extends DataSourceItemV5_0, ItemActionsV6_0 {}

/** Component-level select actions from 6.0. */
export interface SelectActionsV6_0 {
  /** `data_exchange` or `update_data`. Without `on-unselect-action` it also handles unselecting. */
  'on-select-action'?: SelectActionV6_0;
  /** `update_data` only; when present, `on-select-action` handles selecting only. */
  'on-unselect-action'?: UnselectAction;
}

/** Options of a 6.0 selection component, or a binding. */
export type DataSourceV6_0 = readonly DataSourceItemV6_0[] | Binding;

/** `CheckboxGroup` (6.0 shape). Limits: `label` **30** chars, `description` **300**; **1 – 20** options. */
export interface CheckboxGroupV6_0
  extends Omit<CheckboxGroupV5_0, 'data-source' | 'on-select-action'>,
    SelectActionsV6_0 {
  'data-source': DataSourceV6_0;
}

/** `RadioButtonsGroup` (6.0 shape). Limits: `label` **30** chars, `description` **300**; **1 – 20** options. */
export interface RadioButtonsGroupV6_0
  extends Omit<RadioButtonsGroupV5_0, 'data-source' | 'on-select-action'>,
    SelectActionsV6_0 {
  'data-source': DataSourceV6_0;
}

/** `Dropdown` (6.0 shape). Limits: `label` **20** chars; **1 – 200** options, **1 – 100** with images. */
export interface DropdownV6_0 extends Omit<DropdownV5_0, 'data-source' | 'on-select-action'>, SelectActionsV6_0 {
  'data-source': DataSourceV6_0;
}
