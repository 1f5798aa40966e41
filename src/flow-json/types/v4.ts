/**
 * Flow JSON **4.0** (frozen for publishing since 2025-04-08; still sendable). Changes from 3.1:
 *
 * - `Form` is optional; inputs outside a Form may have `init-value` / `error-message` (not inside one).
 * - Global references `${screen.<ID>.form.<name>}` / `${screen.<ID>.data.<field>}`.
 * - New components: `If`, `Switch`, `PhotoPicker`, `DocumentPicker`.
 * - CheckboxGroup / RadioButtonsGroup: `label` required, `description` added.
 */
import type { LayoutChildOf, FormChildOf } from './assemble.js';
import type { FlowDocument, Screen, SingleColumnLayout } from './document.js';
import type { Form } from './form.js';
import type { TextComponentV2_1 } from './v2.js';
import type { EmbeddedLinkV2_1, FooterV2_1 } from './v2/interactive.js';
import type { ImageV2_1 } from './v2/media.js';
import type { DatePickerV4_0, OptInV4_0, TextAreaV4_0, TextInputV4_0 } from './v4/inputs.js';
import type { CheckboxGroupV4_0, DropdownV4_0, RadioButtonsGroupV4_0 } from './v4/selection.js';
import type { DocumentPickerV4_0, PhotoPickerV4_0 } from './v4/media-upload.js';

export type * from './v4/standalone.js';
export type * from './v4/inputs.js';
export type * from './v4/selection.js';
export type * from './v4/media-upload.js';

/** Components allowed in If/Switch branches in 4.0 – 7.0 (besides Footer, If and Switch). */
export type BranchComponentV4_0 =
  | TextComponentV2_1
  | TextInputV4_0
  | TextAreaV4_0
  | CheckboxGroupV4_0
  | RadioButtonsGroupV4_0
  | DropdownV4_0
  | DatePickerV4_0
  | OptInV4_0
  | EmbeddedLinkV2_1
  | ImageV2_1;

/** Components allowed directly in a 4.0 layout besides Form/If/Switch. */
export type StandaloneComponentV4_0 = BranchComponentV4_0 | FooterV2_1 | PhotoPickerV4_0 | DocumentPickerV4_0;

export type FormChildV4_0 = FormChildOf<StandaloneComponentV4_0, BranchComponentV4_0, FooterV2_1>;
export type FormV4_0 = Form<FormChildV4_0>;
export type LayoutChildV4_0 = LayoutChildOf<StandaloneComponentV4_0, BranchComponentV4_0, FooterV2_1>;

/** Any component of 4.0 (inside a Form, components drop `init-value` / `error-message`). */
export type ComponentV4_0 = LayoutChildV4_0;

export type LayoutV4_0 = SingleColumnLayout<readonly LayoutChildV4_0[]>;
export type ScreenV4_0 = Screen<LayoutV4_0>;

/** A Flow JSON 4.0 document. */
export type FlowJsonV4_0 = FlowDocument<'4.0', ScreenV4_0>;
