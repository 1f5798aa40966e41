import { describe, expect, it } from 'vitest';
import { validateFlowJson } from '../../../src/flow-json/validate.js';
import { baseFlow, runRule } from '../helpers.js';

/** A one-screen terminal flow with these components before its Footer, as text. */
function flowWith(version: string, ...children: object[]): string {
  const footer = { type: 'Footer', label: 'Done', 'on-click-action': { name: 'complete', payload: {} } };
  const screen = { id: 'ONLY', title: 'Only', terminal: true, data: {}, layout: { type: 'SingleColumnLayout', children: [...children, footer] } };
  return JSON.stringify({ version, screens: [screen] }, null, 2);
}
const lineOf = (text: string, needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length;

const rule = 'flow-json/component-max-limits';
const options = (n: number, extra: object = {}) => Array.from({ length: n }, (_, i) => ({ id: `o${i}`, title: `Option ${i}`, ...extra }));

describe(rule, () => {
  it('accepts values within the documented maxima, and any dynamic value', () => {
    expect(runRule(rule, baseFlow())).toEqual([]);
    const input = { type: 'TextInput', name: 'n', label: 'x'.repeat(20), 'helper-text': '${data.a_very_long_helper_text_binding_that_is_over_eighty_characters_long_really}' };
    const emoji = { type: 'TextHeading', text: '🙂'.repeat(80) };
    const drop = { type: 'Dropdown', name: 'd', label: 'D', 'data-source': options(200) };
    expect(runRule(rule, flowWith('7.3', input, emoji, drop))).toEqual([]);
  });

  // flows-platform §6.5: a flow with a 21-character TextInput label (documented limit 20) was published, and §2.12
  // has no maximum-length code: a warning saying WhatsApp may cut it, and the flow stays valid.
  it('warns on a 21-character TextInput label (§6.5: Meta published one): valid, with the documented limit in the message', () => {
    const text = flowWith('7.3', { type: 'TextInput', name: 'n', label: 'x'.repeat(21) });
    expect(runRule(rule, text).map((d) => [d.error, d.severity, d.message, d.line_start])).toEqual([
      [
        'INVALID_PROPERTY_VALUE',
        'warning',
        'Invalid value found for property label at $root/screens/0/layout/children/0. It is 21 characters, longer than the documented 20: WhatsApp may cut it.',
        lineOf(text, '"label"'),
      ],
    ]);
    const all = validateFlowJson(text);
    expect(all.valid).toBe(true);
    expect(all.warnings.map((d) => d.rule)).toEqual([rule]);
  });

  it('names the larger limit other sources give (§2.10 DISAGREE rows), still a warning', () => {
    const text = flowWith('7.3', { type: 'EmbeddedLink', text: 'x'.repeat(30), 'on-click-action': { name: 'navigate' } });
    expect(runRule(rule, text).map((d) => [d.severity, d.message])).toEqual([
      ['warning', 'Invalid value found for property text at $root/screens/0/layout/children/0. It is 30 characters, longer than the documented 25 (other sources allow up to 35): WhatsApp may cut it.'],
    ]);
    expect(runRule(rule, flowWith('7.3', { type: 'TextCaption', text: 'x'.repeat(4097) })).map((d) => d.severity)).toEqual(['warning']);
  });

  // §2.10 gives the maximum item counts; §2.12 has no code for them: warnings like the lengths.
  it('warns on more items than documented (§2.10 numbers, no §2.12 code)', () => {
    const images = flowWith('7.3', { type: 'Dropdown', name: 'd', label: 'D', 'data-source': options(101, { image: 'aGk=' }) });
    expect(runRule(rule, images).map((d) => [d.error, d.severity, d.message])).toEqual([
      ['INVALID_PROPERTY_VALUE', 'warning', 'Invalid value found for property data-source at $root/screens/0/layout/children/0. It has 101 items, more than the documented 100 when items have images: WhatsApp may not show the rest.'],
    ]);
    const tags = flowWith('7.3', { type: 'NavigationList', name: 'n', 'list-items': [{ id: 'a', 'main-content': { title: 'A' }, tags: ['a', 'b', 'c', 'd'] }] });
    expect(runRule(rule, tags).map((d) => d.path)).toEqual(['/screens/0/layout/children/0/list-items/0/tags']);
  });

  it("can be made an error with the rules option (a team that wants Meta's numbers enforced)", () => {
    const text = flowWith('7.3', { type: 'TextInput', name: 'n', label: 'x'.repeat(21) });
    const strict = validateFlowJson(text, { rules: { [rule]: 'error' } });
    expect(strict.errors.map((d) => [d.rule, d.severity])).toEqual([[rule, 'error']]);
    expect(strict.valid).toBe(false);
    expect(validateFlowJson(text, { rules: { [rule]: 'off' } }).warnings).toEqual([]);
  });
});
