import { describe, expect, it } from 'vitest';
import { baseFlow, runRule, summary } from '../helpers.js';

/** A one-screen terminal flow with these components before its Footer, as text. */
function flowWith(version: string, ...children: object[]): string {
  const footer = { type: 'Footer', label: 'Done', 'on-click-action': { name: 'complete', payload: {} } };
  const screen = { id: 'ONLY', title: 'Only', terminal: true, data: {}, layout: { type: 'SingleColumnLayout', children: [...children, footer] } };
  return JSON.stringify({ version, screens: [screen] }, null, 2);
}
const lineOf = (text: string, needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length;

const rule = 'flow-json/rich-text-screen';

/** A flow whose only screen holds these components (Meta's 5.1 example has such a screen). */
function richFlow(version: string, ...children: object[]): string {
  return JSON.stringify({ version, screens: [{ id: 'READ', title: 'Read', data: {}, layout: { type: 'SingleColumnLayout', children } }] }, null, 2);
}

describe(rule, () => {
  it('accepts a RichText alone, and with a Footer from 6.3', () => {
    expect(runRule(rule, baseFlow())).toEqual([]);
    expect(runRule(rule, richFlow('5.1', { type: 'RichText', text: '# Terms' }))).toEqual([]);
    expect(runRule(rule, flowWith('6.3', { type: 'RichText', text: '# Terms' }))).toEqual([]);
  });

  it('reports every other top-level component on the screen', () => {
    const text = flowWith('7.3', { type: 'TextHeading', text: 'Terms' }, { type: 'RichText', text: '# Terms' });
    expect(runRule(rule, text).map((d) => [d.error, d.message, d.line_start])).toEqual([
      [
        'INVALID_PROPERTY_VALUE',
        'Invalid value found for property type at $root/screens/0/layout/children/0. A screen with a RichText may only have a Footer besides.',
        lineOf(text, '"TextHeading"'),
      ],
    ]);
  });

  it('does not allow even a Footer before 6.3', () => {
    const text = flowWith('6.2', { type: 'RichText', text: '# Terms' });
    expect(runRule(rule, text).map((d) => d.message)).toEqual([
      'Invalid value found for property type at $root/screens/0/layout/children/1. RichText must be the only component on its screen before Flow JSON 6.3.',
    ]);
    expect(summary(runRule(rule, text))).toEqual([`INVALID_PROPERTY_VALUE@${lineOf(text, '"Footer"')}`]);
  });
});
