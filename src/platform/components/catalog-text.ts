/** Text components (flows-platform §2.10 "Text family"): TextHeading, TextSubheading, TextBody, TextCaption, RichText. */
import { BOOLEAN, STRING, TYPE, VISIBLE, oneOf, since, text, type ComponentSpec, type PropertySpec } from './catalog-spec.js';

/** Text components are never empty (§2.10: "empty/blank not allowed"; from 6.0 the blank-string rule covers blanks). */
function textProperty(max: number, lenient?: number, arraysFrom?: string): PropertySpec {
  const spec = text(max, { required: true, minLength: 1 }, lenient);
  if (!arraysFrom) return spec;
  // From 5.1 `text` may be an array of lines (markdown). Limits apply to single strings only: Meta does not say how
  // lines count towards the limit.
  return { ...spec, kinds: ['string', 'array'], kindsSince: { array: arraysFrom }, items: STRING };
}

const FONT_WEIGHT = oneOf(['bold', 'italic', 'bold_italic', 'normal']);

/** TextBody and TextCaption share their properties. */
function styledText(type: string, max: number, lenient?: number): ComponentSpec {
  return {
    type,
    since: '2.1',
    properties: {
      type: TYPE,
      text: textProperty(max, lenient, '5.1'),
      'font-weight': FONT_WEIGHT,
      strikethrough: BOOLEAN,
      markdown: since('5.1', BOOLEAN),
      visible: VISIBLE,
    },
  };
}

export const TEXT_COMPONENTS: readonly ComponentSpec[] = [
  { type: 'TextHeading', since: '2.1', properties: { type: TYPE, text: textProperty(80), visible: VISIBLE } },
  { type: 'TextSubheading', since: '2.1', properties: { type: TYPE, text: textProperty(80), visible: VISIBLE } },
  styledText('TextBody', 4096),
  // DISAGREE: 409 in the 2024–2026 docs, 4096 in the 2023 docs and pywa: above 409 is a warning, above 4096 an error.
  styledText('TextCaption', 409, 4096),
  {
    type: 'RichText',
    since: '5.1',
    properties: { type: TYPE, text: { kinds: ['string', 'array'], items: STRING, required: true }, visible: VISIBLE },
  },
];
