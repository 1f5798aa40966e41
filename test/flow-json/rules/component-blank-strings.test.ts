import { describe, expect, it } from 'vitest';
import { baseFlow, runRule, summary } from '../helpers.js';

/** A one-screen terminal flow with these components before its Footer, as text. */
function flowWith(version: string, ...children: object[]): string {
  const footer = { type: 'Footer', label: 'Done', 'on-click-action': { name: 'complete', payload: {} } };
  const screen = { id: 'ONLY', title: 'Only', terminal: true, data: {}, layout: { type: 'SingleColumnLayout', children: [...children, footer] } };
  return JSON.stringify({ version, screens: [screen] }, null, 2);
}
const lineOf = (text: string, needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length;

const rule = 'flow-json/component-blank-strings';

describe(rule, () => {
  it('accepts blank strings before 6.0, and non-blank ones', () => {
    expect(runRule(rule, baseFlow())).toEqual([]);
    expect(runRule(rule, flowWith('5.1', { type: 'TextInput', name: 'n', label: 'L', 'helper-text': '' }))).toEqual([]);
    // Lines of a text array may be empty (paragraph breaks in markdown).
    expect(runRule(rule, flowWith('7.3', { type: 'RichText', text: ['# Title', '', 'Body'] }))).toEqual([]);
  });

  it('reports an empty or blank string from 6.0', () => {
    const text = flowWith('6.0', { type: 'TextInput', name: 'n', label: 'L', 'helper-text': '' }, { type: 'TextBody', text: ' \n\t' });
    expect(runRule(rule, text).map((d) => [d.error, d.message, d.line_start])).toEqual([
      ['PATTERN_MISMATCH', 'Property helper-text should not be blank or empty string.', lineOf(text, '"helper-text"')],
      ['PATTERN_MISMATCH', 'Property text should not be blank or empty string.', lineOf(text, '"text": " ')],
    ]);
  });

  it('checks nested strings of items', () => {
    const text = flowWith('7.3', { type: 'RadioButtonsGroup', name: 'r', label: 'R', 'data-source': [{ id: 'a', title: ' ' }] });
    expect(summary(runRule(rule, text))).toEqual([`PATTERN_MISMATCH@${lineOf(text, '"title": " "')}`]);
    expect(runRule(rule, text)[0]!.path).toBe('/screens/0/layout/children/0/data-source/0/title');
  });
});
