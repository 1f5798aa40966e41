/**
 * Flow JSON **5.0** (frozen for publishing since 2025-09-10) and **5.1**.
 *
 * 5.0: DatePicker uses `"YYYY-MM-DD"`; options of CheckboxGroup / RadioButtonsGroup / Dropdown gain
 * `image`, `alt-text`, `color`; CheckboxGroup / RadioButtonsGroup gain `media-size`.
 *
 * 5.1: `RichText` (alone on its screen); `markdown` and array `text` on TextBody / TextCaption; screen
 * `sensitive`.
 */
import type { FormChildOf, LayoutChildOf } from './assemble.js';
import type { FlowDocument, Screen, ScreenWithSensitive, SingleColumnLayout } from './document.js';
import type { Form } from './form.js';
import type { TextComponentV2_1 } from './v2.js';
import type { TextHeadingV2_1, TextSubheadingV2_1 } from './v2/text.js';
import type { EmbeddedLinkV2_1, FooterV2_1 } from './v2/interactive.js';
import type { ImageV2_1 } from './v2/media.js';
import type { OptInV4_0, TextAreaV4_0, TextInputV4_0 } from './v4/inputs.js';
import type { DocumentPickerV4_0, PhotoPickerV4_0 } from './v4/media-upload.js';
import type { CheckboxGroupV5_0, DropdownV5_0, RadioButtonsGroupV5_0 } from './v5/selection.js';
import type { DatePickerV5_0 } from './v5/date.js';
import type { RichTextV5_1, TextBodyV5_1, TextCaptionV5_1 } from './v5/text.js';

export type * from './v5/selection.js';
export type * from './v5/date.js';
export type * from './v5/text.js';

// ---- 5.0 ------------------------------------------------------------------------------------------------

/** Components allowed in If/Switch branches in 5.0 (besides Footer, If and Switch). */
export type BranchComponentV5_0 =
  | TextComponentV2_1
  | TextInputV4_0
  | TextAreaV4_0
  | CheckboxGroupV5_0
  | RadioButtonsGroupV5_0
  | DropdownV5_0
  | DatePickerV5_0
  | OptInV4_0
  | EmbeddedLinkV2_1
  | ImageV2_1;

/** Components allowed directly in a 5.0 layout besides Form/If/Switch. */
export type StandaloneComponentV5_0 = BranchComponentV5_0 | FooterV2_1 | PhotoPickerV4_0 | DocumentPickerV4_0;

export type FormChildV5_0 = FormChildOf<StandaloneComponentV5_0, BranchComponentV5_0, FooterV2_1>;
export type FormV5_0 = Form<FormChildV5_0>;
export type LayoutChildV5_0 = LayoutChildOf<StandaloneComponentV5_0, BranchComponentV5_0, FooterV2_1>;

/** Any component of 5.0 (inside a Form, components drop `init-value` / `error-message`). */
export type ComponentV5_0 = LayoutChildV5_0;

export type LayoutV5_0 = SingleColumnLayout<readonly LayoutChildV5_0[]>;
export type ScreenV5_0 = Screen<LayoutV5_0>;

/** A Flow JSON 5.0 document. */
export type FlowJsonV5_0 = FlowDocument<'5.0', ScreenV5_0>;

// ---- 5.1 ------------------------------------------------------------------------------------------------

/** Text components of 5.1 – 7.3 (TextBody / TextCaption with markdown). */
export type TextComponentV5_1 = TextHeadingV2_1 | TextSubheadingV2_1 | TextBodyV5_1 | TextCaptionV5_1;

/** Components allowed in If/Switch branches in 5.1 (RichText is not). */
export type BranchComponentV5_1 = Exclude<BranchComponentV5_0, TextComponentV2_1> | TextComponentV5_1;

/** Components allowed directly in a 5.1 layout besides Form/If/Switch (RichText only alone). */
export type StandaloneComponentV5_1 = BranchComponentV5_1 | FooterV2_1 | PhotoPickerV4_0 | DocumentPickerV4_0;

export type FormChildV5_1 = FormChildOf<StandaloneComponentV5_1, BranchComponentV5_1, FooterV2_1>;
export type FormV5_1 = Form<FormChildV5_1>;
export type LayoutChildV5_1 = LayoutChildOf<StandaloneComponentV5_1, BranchComponentV5_1, FooterV2_1>;

/** Any component of 5.1 (inside a Form, components drop `init-value` / `error-message`). */
export type ComponentV5_1 = LayoutChildV5_1 | RichTextV5_1;

/** 5.1 layout: any components, or a single RichText. */
export type LayoutV5_1 = SingleColumnLayout<readonly LayoutChildV5_1[] | readonly [RichTextV5_1]>;
export type ScreenV5_1 = ScreenWithSensitive<LayoutV5_1>;

/** A Flow JSON 5.1 document. */
export type FlowJsonV5_1 = FlowDocument<'5.1', ScreenV5_1>;
