import { describe, expect, it } from 'vitest';
import { baseFlow, runRule, summary } from '../helpers.js';

/** A one-screen terminal flow with these components before its Footer, as text. */
function flowWith(version: string, ...children: object[]): string {
  const footer = { type: 'Footer', label: 'Done', 'on-click-action': { name: 'complete', payload: {} } };
  const screen = { id: 'ONLY', title: 'Only', terminal: true, data: {}, layout: { type: 'SingleColumnLayout', children: [...children, footer] } };
  return JSON.stringify({ version, screens: [screen] }, null, 2);
}
const lineOf = (text: string, needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length;

const rule = 'flow-json/component-limits';
const options = (n: number, extra: object = {}) => Array.from({ length: n }, (_, i) => ({ id: `o${i}`, title: `Option ${i}`, ...extra }));

describe(rule, () => {
  it('accepts values within the limits, and any dynamic value', () => {
    expect(runRule(rule, baseFlow())).toEqual([]);
    const input = { type: 'TextInput', name: 'n', label: 'x'.repeat(20), 'helper-text': '${data.a_very_long_helper_text_binding_that_is_over_eighty_characters_long_really}' };
    const emoji = { type: 'TextHeading', text: '🙂'.repeat(80) };
    const drop = { type: 'Dropdown', name: 'd', label: 'D', 'data-source': options(200) };
    expect(runRule(rule, flowWith('7.3', input, emoji, drop))).toEqual([]);
  });

  // flows-platform §6.5: documented maximum lengths are not rejected by Meta; component-max-limits warns about them.
  it('leaves maximum lengths and item counts to component-max-limits (§6.5: no maximum-length code in §2.12)', () => {
    expect(runRule(rule, flowWith('7.3', { type: 'TextInput', name: 'n', label: 'x'.repeat(21) }))).toEqual([]);
    expect(runRule(rule, flowWith('7.3', { type: 'Dropdown', name: 'd', label: 'D', 'data-source': options(201) }))).toEqual([]);
  });

  // §2.12 MIN_CHARS_REQUIRED: minimum lengths stay errors (§6.5).
  it('reports empty text components before 6.0 as an error (§2.12 MIN_CHARS_REQUIRED)', () => {
    const text = flowWith('5.1', { type: 'TextHeading', text: '' });
    expect(runRule(rule, text).map((d) => [d.error, d.message, d.line_start])).toEqual([
      ['MIN_CHARS_REQUIRED', "Property 'text' should have at least '1' characters.", lineOf(text, '"text"')],
    ]);
    // From 6.0 the blank-string rule reports it instead.
    expect(runRule(rule, flowWith('6.0', { type: 'TextHeading', text: '' }))).toEqual([]);
  });

  // §2.12 MIN_ITEMS_REQUIRED: a catalogued error.
  it('reports too few items as an error (§2.12 MIN_ITEMS_REQUIRED)', () => {
    const text = flowWith('7.3', { type: 'ChipsSelector', name: 'c', label: 'C', 'data-source': options(1) });
    expect(runRule(rule, text).map((d) => [d.error, d.severity, d.message, d.line_start])).toEqual([
      ['MIN_ITEMS_REQUIRED', 'error', "Property 'data-source' should have at least '2' items.", lineOf(text, '"data-source"')],
    ]);
  });

  // §2.11/§2.12 MINIMUM_VALUE_REQUIRED / MAXIMUM_VALUE_REQUIRED: catalogued, so errors.
  it('reports numbers out of range as errors (§2.12 MINIMUM_VALUE_REQUIRED, MAXIMUM_VALUE_REQUIRED)', () => {
    const text = flowWith('7.3', { type: 'PhotoPicker', name: 'p', label: 'P', 'max-file-size-kb': 0, 'max-uploaded-photos': 31 });
    expect(runRule(rule, text).map((d) => [d.error, d.message, d.line_start])).toEqual([
      ['MINIMUM_VALUE_REQUIRED', "The minimum value allowed for property 'max-file-size-kb' is 1.", lineOf(text, '"max-file-size-kb"')],
      ['MAXIMUM_VALUE_REQUIRED', "The maximum value allowed for property 'max-uploaded-photos' is 30.", lineOf(text, '"max-uploaded-photos"')],
    ]);
    expect(summary(runRule(rule, flowWith('7.3', { type: 'DocumentPicker', name: 'd', label: 'D', 'min-uploaded-documents': -1 })))).toEqual(['MINIMUM_VALUE_REQUIRED@16']);
  });
});
