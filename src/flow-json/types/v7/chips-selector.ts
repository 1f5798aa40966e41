/** Flow JSON 7.1: ChipsSelector gains `update_data` actions (and may sit in If/Switch branches). */
import type { SelectActionV6_0, UnselectAction } from '../actions.js';
import type { Binding } from '../common.js';
import type { ItemActionsV6_0 } from '../v6/selection.js';
import type { ChipsSelectorItemV6_3, ChipsSelectorV6_3 } from '../v6/chips-selector.js';

/** A chip (7.1 shape): may carry `update_data` actions. */
export interface ChipsSelectorItemV7_1 extends ChipsSelectorItemV6_3, ItemActionsV6_0 {}

/** `ChipsSelector` (7.1 shape). Limits: `label` **80** chars, `description` **300**; **2 – 20** options. */
export interface ChipsSelectorV7_1 extends Omit<ChipsSelectorV6_3, 'data-source' | 'on-select-action'> {
  'data-source': readonly ChipsSelectorItemV7_1[] | Binding;
  /** `data_exchange` or `update_data`. Without `on-unselect-action` it also handles unselecting. */
  'on-select-action'?: SelectActionV6_0;
  /** `update_data` only. */
  'on-unselect-action'?: UnselectAction;
}
