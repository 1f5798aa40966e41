/** `ChipsSelector`, new in Flow JSON 6.3 (Meta: Flow JSON components, Selection). */
import type { DataExchangeAction } from '../actions.js';
import type { Binding } from '../common.js';
import type { Visibility } from '../v2/text.js';
import type { Requirable } from '../v2/inputs.js';
import type { OutsideFormProps, StringArrayInitValue } from '../v4/standalone.js';

/** A chip (6.3 shape). */
export interface ChipsSelectorItemV6_3 {
  id: string;
  title: string;
  enabled?: boolean;
}

/**
 * `ChipsSelector` (≥ 6.3): pick several options shown as chips. Not allowed in If/Switch before 7.1.
 *
 * Limits: `label` **80** chars, `description` **300**; **2 – 20** options.
 */
export interface ChipsSelectorV6_3 extends Visibility, Requirable, OutsideFormProps<StringArrayInitValue> {
  type: 'ChipsSelector';
  name: string;
  label: string;
  description?: string;
  'data-source': readonly ChipsSelectorItemV6_3[] | Binding;
  'min-selected-items'?: number | Binding;
  'max-selected-items'?: number | Binding;
  enabled?: boolean | Binding;
  /** `data_exchange` only before 7.1. */
  'on-select-action'?: DataExchangeAction;
}
