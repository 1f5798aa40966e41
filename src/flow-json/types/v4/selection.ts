/**
 * Selection components whose shape changed in Flow JSON 4.0: `label` becomes required on
 * CheckboxGroup/RadioButtonsGroup, `description` is added, and `init-value` / `error-message` outside a Form.
 */
import type { CheckboxGroupV2_1, DropdownV2_1, RadioButtonsGroupV2_1 } from '../v2/selection.js';
import type { OutsideFormProps, StringArrayInitValue } from './standalone.js';

/** Properties CheckboxGroup and RadioButtonsGroup gained in 4.0. */
export interface ChoiceGroupAdditionsV4_0 {
  /** Required from 4.0. Max **30** chars. */
  label: string;
  /** Max **300** chars. */
  description?: string;
}

/** `CheckboxGroup` (4.0 shape). Limits: `label` **30** chars, `description` **300**; **1 – 20** options. */
export interface CheckboxGroupV4_0
  extends Omit<CheckboxGroupV2_1, 'label'>,
    ChoiceGroupAdditionsV4_0,
    OutsideFormProps<StringArrayInitValue> {}

/** `RadioButtonsGroup` (4.0 shape). Limits: `label` **30** chars, `description` **300**; **1 – 20** options. */
export interface RadioButtonsGroupV4_0
  extends Omit<RadioButtonsGroupV2_1, 'label'>,
    ChoiceGroupAdditionsV4_0,
    OutsideFormProps<string> {}

/** `Dropdown` (4.0 shape). Limits: `label` **20** chars; **1 – 200** options. */
export interface DropdownV4_0 extends DropdownV2_1, OutsideFormProps<string> {}
