/**
 * Flow JSON 5.1: markdown in TextBody / TextCaption and the `RichText` component.
 *
 * Markdown in TextBody / TextCaption: `**bold**`, `*italic*`, `~~strike~~`, ordered (`1.`) and unordered
 * (`-`, `+`) lists, links `[text](url)`; no headings, images or tables.
 */
import type { TextBodyV2_1, TextCaptionV2_1, Visibility } from '../v2/text.js';

/** `text` from 5.1: one string, or an array of strings (one line each; used with markdown). */
export type TextLinesV5_1 = string | readonly string[];

/**
 * Properties TextBody and TextCaption gained in 5.1.
 *
 * Note: the array form of `text` came with markdown, but Meta's own nested-expressions example (6.0
 * `math_operators`) uses an array without `markdown: true`, so arrays are accepted either way.
 */
export interface MarkdownTextV5_1 {
  text: TextLinesV5_1;
  /** Enable the markdown subset. Default `false`. */
  markdown?: boolean;
}

/** `TextBody` (5.1 shape). `text` max **4096** characters. */
export interface TextBodyV5_1 extends Omit<TextBodyV2_1, 'text'>, MarkdownTextV5_1 {}

/**
 * `TextCaption` (5.1 shape). `text` max **409** characters.
 * DISAGREE: the 2023 docs and pywa say 4096; the 2024–2026 docs say 409 (followed here).
 */
export interface TextCaptionV5_1 extends Omit<TextCaptionV2_1, 'text'>, MarkdownTextV5_1 {}

/**
 * `RichText` (≥ 5.1): long static or dynamic markdown text. Until 6.2 it must be the only component on its
 * screen; from 6.3 it may be combined with a Footer.
 *
 * Markdown: `#` heading, `##` subheading (h3 – h6 render as body text), `**bold**`, `*italic*`,
 * `~~strike~~`, single-level ordered (`1.`) and unordered (`-`, `+`) lists, links `[text](url)`, inline
 * images only as `data:image/(png|jpg|webp);base64,…` URIs, tables with a `---` header separator.
 */
export interface RichTextV5_1 extends Visibility {
  type: 'RichText';
  text: TextLinesV5_1;
}
