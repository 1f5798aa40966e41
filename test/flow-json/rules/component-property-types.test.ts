import { describe, expect, it } from 'vitest';
import { baseFlow, runRule, summary } from '../helpers.js';

/** A one-screen terminal flow with these components before its Footer, as text. */
function flowWith(version: string, ...children: object[]): string {
  const footer = { type: 'Footer', label: 'Done', 'on-click-action': { name: 'complete', payload: {} } };
  const screen = { id: 'ONLY', title: 'Only', terminal: true, data: {}, layout: { type: 'SingleColumnLayout', children: [...children, footer] } };
  return JSON.stringify({ version, screens: [screen] }, null, 2);
}
const lineOf = (text: string, needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length;

const rule = 'flow-json/component-property-types';

describe(rule, () => {
  it('accepts static values of the right type and dynamic values where allowed', () => {
    expect(runRule(rule, baseFlow())).toEqual([]);
    const input = { type: 'TextInput', name: 'n', label: '${data.label}', required: '${data.required}', 'max-chars': 20, visible: '`${form.x} == 1`' };
    expect(runRule(rule, flowWith('6.0', input))).toEqual([]);
    const drop = { type: 'Dropdown', name: 'd', label: 'D', 'data-source': '${screen.FIRST.data.options}' };
    expect(runRule(rule, flowWith('7.3', drop))).toEqual([]);
    expect(runRule(rule, flowWith('5.1', { type: 'TextBody', text: ['a', 'b'], markdown: true }))).toEqual([]);
  });

  it('reports a value of the wrong JSON type', () => {
    const text = flowWith('7.3', { type: 'TextInput', name: 'n', label: 'L', required: 1, 'max-chars': 1.5 });
    expect(runRule(rule, text).map((d) => [d.error, d.message, d.line_start])).toEqual([
      ['INVALID_PROPERTY_TYPE', 'Expected property $root/screens/0/layout/children/0/required to be of type boolean, but found integer.', lineOf(text, '"required"')],
      ['INVALID_PROPERTY_TYPE', 'Expected property $root/screens/0/layout/children/0/max-chars to be of type integer, but found number.', lineOf(text, '"max-chars"')],
    ]);
    const footer = { type: 'Footer', label: 'Go', 'on-click-action': 'complete' };
    expect(runRule(rule, flowWith('7.3', footer)).map((d) => d.message)).toEqual([
      'Expected property $root/screens/0/layout/children/0/on-click-action to be of type object, but found string.',
    ]);
    const calendar = { type: 'CalendarPicker', name: 'c', label: ['From'] };
    expect(runRule(rule, flowWith('7.3', calendar)).map((d) => d.message)).toEqual([
      'Expected property $root/screens/0/layout/children/0/label to be of type string or object, but found array.',
    ]);
  });

  it('reports a static string where a non-string value or a binding is expected (PATTERN_MISMATCH)', () => {
    const text = flowWith('7.3', { type: 'TextInput', name: 'n', label: 'L', 'min-chars': 'five' });
    expect(runRule(rule, text).map((d) => [d.error, d.message, d.line_start])).toEqual([
      ['PATTERN_MISMATCH', "Property min-chars should be of type 'integer' or have dynamic data format of the form ${screen.data.your_value} or ${data.your_value}.", lineOf(text, '"min-chars"')],
    ]);
    // Backtick expressions are dynamic from 6.0 only.
    expect(summary(runRule(rule, flowWith('5.1', { type: 'TextBody', text: 'x', visible: '`${data.a} == 1`' })))).toEqual(['PATTERN_MISMATCH@15']);
  });

  it('knows which types each version accepts', () => {
    const text = flowWith('5.0', { type: 'TextBody', text: ['a', 'b'] });
    expect(runRule(rule, text).map((d) => d.message)).toEqual([
      'Expected property $root/screens/0/layout/children/0/text to be of type string, but found array. The type array is available from Flow JSON version 5.1.',
    ]);
  });

  it('type-checks child lists and their items', () => {
    const text = flowWith('7.3', { type: 'If', condition: '${data.a}', then: { type: 'TextBody', text: 'x' }, else: ['text'] });
    expect(runRule(rule, text).map((d) => d.message)).toEqual([
      'Expected property $root/screens/0/layout/children/0/then to be of type array, but found object.',
      'Expected property $root/screens/0/layout/children/0/else/0 to be of type object, but found string.',
    ]);
    const cases = flowWith('7.3', { type: 'Switch', value: '${data.a}', cases: { a: 'x' } });
    expect(runRule(rule, cases).map((d) => d.path)).toEqual(['/screens/0/layout/children/0/cases/a']);
  });
});
