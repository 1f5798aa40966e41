/**
 * Text components of Flow JSON 2.1 (Meta: Flow JSON components, Text family). Empty or blank text is not
 * accepted.
 */
import type { Binding, FontWeight } from '../common.js';

/** Shared `visible` property: boolean or binding, default `true`. */
export interface Visibility {
  visible?: boolean | Binding;
}

/** `TextHeading`: top-level title of a page. `text` max **80** characters. */
export interface TextHeadingV2_1 extends Visibility {
  type: 'TextHeading';
  text: string;
}

/** `TextSubheading`. `text` max **80** characters. */
export interface TextSubheadingV2_1 extends Visibility {
  type: 'TextSubheading';
  text: string;
}

/** Styling shared by TextBody and TextCaption. */
export interface TextStyle {
  'font-weight'?: FontWeight | Binding;
  strikethrough?: boolean | Binding;
}

/** `TextBody`. `text` max **4096** characters. */
export interface TextBodyV2_1 extends Visibility, TextStyle {
  type: 'TextBody';
  text: string;
}

/**
 * `TextCaption`. `text` max **409** characters.
 * DISAGREE: the 2023 docs and pywa say 4096; the 2024–2026 docs say 409 (followed here).
 */
export interface TextCaptionV2_1 extends Visibility, TextStyle {
  type: 'TextCaption';
  text: string;
}
