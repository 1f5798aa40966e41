/**
 * Flow JSON **2.1** — the baseline version (frozen for publishing since 2025-04-08; still sendable).
 *
 * - Input components (TextInput, TextArea, CheckboxGroup, RadioButtonsGroup, OptIn, Dropdown, DatePicker)
 *   must sit inside a `Form`; text components, Footer, EmbeddedLink and Image may sit outside.
 * - Actions: `navigate`, `data_exchange`, `complete`.
 * - The endpoint URL can be given in the JSON (`data_channel_uri`), only in this version.
 */
import type { Form } from './form.js';
import type { FlowDocument, Screen, SingleColumnLayout } from './document.js';
import type { TextBodyV2_1, TextCaptionV2_1, TextHeadingV2_1, TextSubheadingV2_1 } from './v2/text.js';
import type { DatePickerV2_1, TextAreaV2_1, TextInputV2_1 } from './v2/inputs.js';
import type { CheckboxGroupV2_1, DropdownV2_1, RadioButtonsGroupV2_1 } from './v2/selection.js';
import type { EmbeddedLinkV2_1, FooterV2_1, OptInV2_1 } from './v2/interactive.js';
import type { ImageV2_1 } from './v2/media.js';

export type * from './v2/text.js';
export type * from './v2/inputs.js';
export type * from './v2/selection.js';
export type * from './v2/interactive.js';
export type * from './v2/media.js';

/** Text components of 2.1 – 5.0 (string `text` only). */
export type TextComponentV2_1 = TextHeadingV2_1 | TextSubheadingV2_1 | TextBodyV2_1 | TextCaptionV2_1;

/** Components that may sit outside a Form in 2.1 – 3.1. */
export type DisplayComponentV2_1 = TextComponentV2_1 | FooterV2_1 | EmbeddedLinkV2_1 | ImageV2_1;

/** Input components of 2.1 – 3.1; they must sit inside a Form. */
export type InputComponentV2_1 =
  | TextInputV2_1
  | TextAreaV2_1
  | CheckboxGroupV2_1
  | RadioButtonsGroupV2_1
  | DropdownV2_1
  | DatePickerV2_1
  | OptInV2_1;

/** A component directly inside a Form (2.1 – 3.1). */
export type FormChildV2_1 = DisplayComponentV2_1 | InputComponentV2_1;

/** `Form` of 2.1 – 3.1. */
export type FormV2_1 = Form<FormChildV2_1>;

/** A component directly in the layout (2.1 – 3.1): inputs only through a Form. */
export type LayoutChildV2_1 = DisplayComponentV2_1 | FormV2_1;

/** Any component of 2.1 – 3.1. */
export type ComponentV2_1 = FormChildV2_1 | FormV2_1;

export type LayoutV2_1 = SingleColumnLayout<readonly LayoutChildV2_1[]>;

export type ScreenV2_1 = Screen<LayoutV2_1>;

/** A Flow JSON 2.1 document. */
export type FlowJsonV2_1 = FlowDocument<'2.1', ScreenV2_1> & {
  /**
   * Endpoint URL (`uri` format); only before 3.0 — from 3.0 it is set through the API (`endpoint_uri`).
   */
  data_channel_uri?: string;
};
