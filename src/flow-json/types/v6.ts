/**
 * Flow JSON **6.0 – 6.3**.
 *
 * 6.0: nested expressions in backticks; `update_data` (selection components, OptIn, options) and
 * `open_url` (EmbeddedLink, OptIn) actions; `on-unselect-action`. Component string properties may no
 * longer be empty or blank; list images max 100 KB.
 *
 * 6.1: `CalendarPicker`. 6.2: `NavigationList` (alone on its screen); TextInput `pattern`.
 * 6.3: `ChipsSelector`; `RichText` may share its screen with a Footer.
 */
import type { FormChildOf, LayoutChildOf } from './assemble.js';
import type { FlowDocument, ScreenWithSensitive, SingleColumnLayout } from './document.js';
import type { Form } from './form.js';
import type { FooterV2_1 } from './v2/interactive.js';
import type { ImageV2_1 } from './v2/media.js';
import type { TextAreaV4_0, TextInputV4_0 } from './v4/inputs.js';
import type { DocumentPickerV4_0, PhotoPickerV4_0 } from './v4/media-upload.js';
import type { TextComponentV5_1 } from './v5.js';
import type { DatePickerV5_0 } from './v5/date.js';
import type { RichTextV5_1 } from './v5/text.js';
import type { CheckboxGroupV6_0, DropdownV6_0, RadioButtonsGroupV6_0 } from './v6/selection.js';
import type { EmbeddedLinkV6_0, OptInV6_0 } from './v6/interactive.js';
import type { CalendarPickerV6_1 } from './v6/calendar-picker.js';
import type { NavigationListV6_2 } from './v6/navigation-list.js';
import type { TextInputV6_2 } from './v6/text-input.js';
import type { ChipsSelectorV6_3 } from './v6/chips-selector.js';

export type * from './v6/selection.js';
export type * from './v6/interactive.js';
export type * from './v6/calendar-picker.js';
export type * from './v6/navigation-list.js';
export type * from './v6/text-input.js';
export type * from './v6/chips-selector.js';

/** Screen children that must stand alone: one or two NavigationLists (≥ 6.2). */
export type NavigationListChildrenV6_2 = readonly [NavigationListV6_2] | readonly [NavigationListV6_2, NavigationListV6_2];

// ---- 6.0 ------------------------------------------------------------------------------------------------

/** Components allowed in If/Switch branches in 6.0 and 6.1 (besides Footer, If and Switch). */
export type BranchComponentV6_0 =
  | TextComponentV5_1
  | TextInputV4_0
  | TextAreaV4_0
  | CheckboxGroupV6_0
  | RadioButtonsGroupV6_0
  | DropdownV6_0
  | DatePickerV5_0
  | OptInV6_0
  | EmbeddedLinkV6_0
  | ImageV2_1;

export type StandaloneComponentV6_0 = BranchComponentV6_0 | FooterV2_1 | PhotoPickerV4_0 | DocumentPickerV4_0;
export type FormChildV6_0 = FormChildOf<StandaloneComponentV6_0, BranchComponentV6_0, FooterV2_1>;
export type FormV6_0 = Form<FormChildV6_0>;
export type LayoutChildV6_0 = LayoutChildOf<StandaloneComponentV6_0, BranchComponentV6_0, FooterV2_1>;
/** Any component of 6.0 (inside a Form, components drop `init-value` / `error-message`). */
export type ComponentV6_0 = LayoutChildV6_0 | RichTextV5_1;
export type LayoutV6_0 = SingleColumnLayout<readonly LayoutChildV6_0[] | readonly [RichTextV5_1]>;
export type ScreenV6_0 = ScreenWithSensitive<LayoutV6_0>;
/** A Flow JSON 6.0 document. */
export type FlowJsonV6_0 = FlowDocument<'6.0', ScreenV6_0>;

// ---- 6.1: + CalendarPicker --------------------------------------------------------------------------------

export type StandaloneComponentV6_1 = StandaloneComponentV6_0 | CalendarPickerV6_1;
export type FormChildV6_1 = FormChildOf<StandaloneComponentV6_1, BranchComponentV6_0, FooterV2_1>;
export type FormV6_1 = Form<FormChildV6_1>;
export type LayoutChildV6_1 = LayoutChildOf<StandaloneComponentV6_1, BranchComponentV6_0, FooterV2_1>;
/** Any component of 6.1. */
export type ComponentV6_1 = LayoutChildV6_1 | RichTextV5_1;
export type LayoutV6_1 = SingleColumnLayout<readonly LayoutChildV6_1[] | readonly [RichTextV5_1]>;
export type ScreenV6_1 = ScreenWithSensitive<LayoutV6_1>;
/** A Flow JSON 6.1 document. */
export type FlowJsonV6_1 = FlowDocument<'6.1', ScreenV6_1>;

// ---- 6.2: + NavigationList, TextInput pattern -------------------------------------------------------------

/** Components allowed in If/Switch branches in 6.2 and 6.3. */
export type BranchComponentV6_2 = Exclude<BranchComponentV6_0, TextInputV4_0> | TextInputV6_2;

export type StandaloneComponentV6_2 =
  | BranchComponentV6_2
  | FooterV2_1
  | PhotoPickerV4_0
  | DocumentPickerV4_0
  | CalendarPickerV6_1;
export type FormChildV6_2 = FormChildOf<StandaloneComponentV6_2, BranchComponentV6_2, FooterV2_1>;
export type FormV6_2 = Form<FormChildV6_2>;
export type LayoutChildV6_2 = LayoutChildOf<StandaloneComponentV6_2, BranchComponentV6_2, FooterV2_1>;
/** Any component of 6.2. */
export type ComponentV6_2 = LayoutChildV6_2 | RichTextV5_1 | NavigationListV6_2;
export type LayoutV6_2 = SingleColumnLayout<
  readonly LayoutChildV6_2[] | readonly [RichTextV5_1] | NavigationListChildrenV6_2
>;
export type ScreenV6_2 = ScreenWithSensitive<LayoutV6_2>;
/** A Flow JSON 6.2 document. */
export type FlowJsonV6_2 = FlowDocument<'6.2', ScreenV6_2>;

// ---- 6.3: + ChipsSelector, RichText with Footer -----------------------------------------------------------

/** Screen children built around a RichText from 6.3: alone or followed by a Footer. */
export type RichTextChildrenV6_3 = readonly [RichTextV5_1] | readonly [RichTextV5_1, FooterV2_1];

export type StandaloneComponentV6_3 = StandaloneComponentV6_2 | ChipsSelectorV6_3;
export type FormChildV6_3 = FormChildOf<StandaloneComponentV6_3, BranchComponentV6_2, FooterV2_1>;
export type FormV6_3 = Form<FormChildV6_3>;
export type LayoutChildV6_3 = LayoutChildOf<StandaloneComponentV6_3, BranchComponentV6_2, FooterV2_1>;
/** Any component of 6.3. */
export type ComponentV6_3 = LayoutChildV6_3 | RichTextV5_1 | NavigationListV6_2;
export type LayoutV6_3 = SingleColumnLayout<
  readonly LayoutChildV6_3[] | RichTextChildrenV6_3 | NavigationListChildrenV6_2
>;
export type ScreenV6_3 = ScreenWithSensitive<LayoutV6_3>;
/** A Flow JSON 6.3 document. */
export type FlowJsonV6_3 = FlowDocument<'6.3', ScreenV6_3>;
