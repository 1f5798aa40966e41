/**
 * Flow JSON **7.0 – 7.3**. 7.3 is the latest and recommended version.
 *
 * 7.0: `label-variant` on TextInput / TextArea; Form `init-values` / `error-messages` are type-checked.
 * 7.1: `ImageCarousel`; ChipsSelector allowed in If/Switch and gains `update_data` actions.
 * 7.2: variables used in nested expressions inside actions must exist in the data model (validation only).
 * 7.3: stricter routing-model and data-model validation (no shape change); with `data_api_version` 4.0 the
 * endpoint receives `flow_token_signature`.
 */
import type { FormChildOf, LayoutChildOf } from './assemble.js';
import type { FlowDocument, ScreenWithSensitive, SingleColumnLayout } from './document.js';
import type { Form } from './form.js';
import type { FooterV2_1 } from './v2/interactive.js';
import type { TextAreaV4_0 } from './v4/inputs.js';
import type { DocumentPickerV4_0, PhotoPickerV4_0 } from './v4/media-upload.js';
import type { RichTextV5_1 } from './v5/text.js';
import type { BranchComponentV6_2, NavigationListChildrenV6_2, RichTextChildrenV6_3 } from './v6.js';
import type { CalendarPickerV6_1 } from './v6/calendar-picker.js';
import type { NavigationListV6_2 } from './v6/navigation-list.js';
import type { TextInputV6_2 } from './v6/text-input.js';
import type { ChipsSelectorV6_3 } from './v6/chips-selector.js';
import type { TextAreaV7_0, TextInputV7_0 } from './v7/text-entry.js';
import type { ImageCarouselV7_1 } from './v7/image-carousel.js';
import type { ChipsSelectorV7_1 } from './v7/chips-selector.js';

export type * from './v7/text-entry.js';
export type * from './v7/image-carousel.js';
export type * from './v7/chips-selector.js';

// ---- 7.0: label-variant -----------------------------------------------------------------------------------

/** Components allowed in If/Switch branches in 7.0 (besides Footer, If and Switch). */
export type BranchComponentV7_0 =
  | Exclude<BranchComponentV6_2, TextInputV6_2 | TextAreaV4_0>
  | TextInputV7_0
  | TextAreaV7_0;

export type StandaloneComponentV7_0 =
  | BranchComponentV7_0
  | FooterV2_1
  | PhotoPickerV4_0
  | DocumentPickerV4_0
  | CalendarPickerV6_1
  | ChipsSelectorV6_3;
export type FormChildV7_0 = FormChildOf<StandaloneComponentV7_0, BranchComponentV7_0, FooterV2_1>;
export type FormV7_0 = Form<FormChildV7_0>;
export type LayoutChildV7_0 = LayoutChildOf<StandaloneComponentV7_0, BranchComponentV7_0, FooterV2_1>;
/** Any component of 7.0 (inside a Form, components drop `init-value` / `error-message`). */
export type ComponentV7_0 = LayoutChildV7_0 | RichTextV5_1 | NavigationListV6_2;
export type LayoutV7_0 = SingleColumnLayout<
  readonly LayoutChildV7_0[] | RichTextChildrenV6_3 | NavigationListChildrenV6_2
>;
export type ScreenV7_0 = ScreenWithSensitive<LayoutV7_0>;
/** A Flow JSON 7.0 document. */
export type FlowJsonV7_0 = FlowDocument<'7.0', ScreenV7_0>;

// ---- 7.1: ImageCarousel, ChipsSelector in branches and with update_data ----------------------------------

/** Components allowed in If/Switch branches in 7.1 – 7.3. */
export type BranchComponentV7_1 = BranchComponentV7_0 | ChipsSelectorV7_1;

export type StandaloneComponentV7_1 =
  | BranchComponentV7_1
  | FooterV2_1
  | PhotoPickerV4_0
  | DocumentPickerV4_0
  | CalendarPickerV6_1
  | ImageCarouselV7_1;
export type FormChildV7_1 = FormChildOf<StandaloneComponentV7_1, BranchComponentV7_1, FooterV2_1>;
export type FormV7_1 = Form<FormChildV7_1>;
export type LayoutChildV7_1 = LayoutChildOf<StandaloneComponentV7_1, BranchComponentV7_1, FooterV2_1>;
/** Any component of 7.1 – 7.3. */
export type ComponentV7_1 = LayoutChildV7_1 | RichTextV5_1 | NavigationListV6_2;
export type LayoutV7_1 = SingleColumnLayout<
  readonly LayoutChildV7_1[] | RichTextChildrenV6_3 | NavigationListChildrenV6_2
>;
export type ScreenV7_1 = ScreenWithSensitive<LayoutV7_1>;
/** A Flow JSON 7.1 document. */
export type FlowJsonV7_1 = FlowDocument<'7.1', ScreenV7_1>;

// ---- 7.2 and 7.3: same shapes as 7.1 (validation changes only) --------------------------------------------

export type ComponentV7_2 = ComponentV7_1;
export type FormV7_2 = FormV7_1;
export type LayoutChildV7_2 = LayoutChildV7_1;
export type LayoutV7_2 = LayoutV7_1;
export type ScreenV7_2 = ScreenV7_1;
/** A Flow JSON 7.2 document. */
export type FlowJsonV7_2 = FlowDocument<'7.2', ScreenV7_2>;

export type ComponentV7_3 = ComponentV7_1;
export type FormV7_3 = FormV7_1;
export type LayoutChildV7_3 = LayoutChildV7_1;
export type LayoutV7_3 = LayoutV7_1;
export type ScreenV7_3 = ScreenV7_1;
/** A Flow JSON 7.3 document (latest). */
export type FlowJsonV7_3 = FlowDocument<'7.3', ScreenV7_3>;
