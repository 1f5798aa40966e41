import { describe, expect, it } from 'vitest';
import { baseFlow, runRule, summary } from '../helpers.js';

/** A one-screen terminal flow with these components before its Footer, as text. */
function flowWith(version: string, ...children: object[]): string {
  const footer = { type: 'Footer', label: 'Done', 'on-click-action': { name: 'complete', payload: {} } };
  const screen = { id: 'ONLY', title: 'Only', terminal: true, data: {}, layout: { type: 'SingleColumnLayout', children: [...children, footer] } };
  return JSON.stringify({ version, screens: [screen] }, null, 2);
}
const lineOf = (text: string, needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length;

const rule = 'flow-json/text-input-pattern';
const input = (extra: object) => ({ type: 'TextInput', name: 'code', label: 'Code', ...extra });

describe(rule, () => {
  it('accepts a pattern with a helper text on text, number, password and passcode inputs', () => {
    expect(runRule(rule, baseFlow())).toEqual([]);
    const ok = ['text', 'number', 'password', 'passcode'].map((t, i) => input({ name: `c${i}`, 'input-type': t, pattern: '^[0-9]{3}$', 'helper-text': 'Three digits' }));
    expect(runRule(rule, flowWith('6.2', input({ pattern: '^a$', 'helper-text': 'a' }), ...ok))).toEqual([]);
  });

  it('reports a pattern on an email or phone input, on the pattern key', () => {
    const text = flowWith('7.3', input({ 'input-type': 'email', pattern: '^a@b$', 'helper-text': 'Email' }));
    expect(runRule(rule, text).map((d) => [d.error, d.message, d.line_start])).toEqual([
      [
        'INVALID_PROPERTY_KEY',
        'Property pattern cannot be specified at $root/screens/0/layout/children/0. A pattern can only be used with input-type text, number, password or passcode, not email.',
        lineOf(text, '"pattern"'),
      ],
    ]);
  });

  it('reports a pattern without a helper text', () => {
    const text = flowWith('7.3', input({ pattern: '^a$' }));
    expect(runRule(rule, text).map((d) => [d.error, d.message, d.path])).toEqual([
      ['MISSING_REQUIRED_TYPE_PROPERTY', "Required property 'helper-text' is missing.", '/screens/0/layout/children/0'],
    ]);
    expect(summary(runRule(rule, text))).toEqual(['MISSING_REQUIRED_TYPE_PROPERTY@12']);
  });

  it('leaves a pattern before 6.2 to the property-keys rule', () => {
    expect(runRule(rule, flowWith('6.1', input({ pattern: '^a$' })))).toEqual([]);
  });
});
