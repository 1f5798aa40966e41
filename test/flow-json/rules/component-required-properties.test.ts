import { describe, expect, it } from 'vitest';
import { baseFlow, runRule, summary } from '../helpers.js';

/** A one-screen terminal flow with these components before its Footer, as text. */
function flowWith(version: string, ...children: object[]): string {
  const footer = { type: 'Footer', label: 'Done', 'on-click-action': { name: 'complete', payload: {} } };
  const screen = { id: 'ONLY', title: 'Only', terminal: true, data: {}, layout: { type: 'SingleColumnLayout', children: [...children, footer] } };
  return JSON.stringify({ version, screens: [screen] }, null, 2);
}
const lineOf = (text: string, needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length;

const rule = 'flow-json/component-required-properties';

describe(rule, () => {
  it('accepts components that have their required properties', () => {
    expect(runRule(rule, baseFlow())).toEqual([]);
    // CheckboxGroup `label` is optional before 4.0.
    expect(runRule(rule, flowWith('3.1', { type: 'Form', name: 'f', children: [{ type: 'CheckboxGroup', name: 'c', 'data-source': [{ id: 'a', title: 'A' }] }] }))).toEqual([]);
  });

  it('reports a missing required property on the component', () => {
    const text = flowWith('7.3', { type: 'TextInput', name: 'n' });
    expect(runRule(rule, text).map((d) => [d.error, d.message, d.line_start, d.path])).toEqual([
      ['MISSING_REQUIRED_TYPE_PROPERTY', "Required property 'label' is missing.", lineOf(text, '"type": "TextInput"') - 1, '/screens/0/layout/children/0'],
    ]);
    expect(runRule(rule, flowWith('4.0', { type: 'CheckboxGroup', name: 'c', 'data-source': [{ id: 'a', title: 'A' }] })).map((d) => d.message)).toEqual([
      "Required property 'label' is missing.",
    ]);
  });

  it('reports missing properties of nested items and objects', () => {
    const text = flowWith('7.3', { type: 'Dropdown', name: 'd', label: 'D', 'data-source': [{ id: 'a', title: 'A' }, { id: 'b' }] });
    expect(summary(runRule(rule, text))).toEqual([`MISSING_REQUIRED_TYPE_PROPERTY@${lineOf(text, '"id": "b"') - 1}`]);
    const range = { type: 'CalendarPicker', name: 'c', mode: 'range', label: { 'start-date': 'From' } };
    expect(runRule(rule, flowWith('7.3', range)).map((d) => [d.message, d.path])).toEqual([["Required property 'end-date' is missing.", '/screens/0/layout/children/0/label']]);
    const carousel = { type: 'ImageCarousel', images: [{ src: 'aGk=' }] };
    expect(runRule(rule, flowWith('7.3', carousel)).map((d) => d.message)).toEqual(["Required property 'alt-text' is missing."]);
  });
});
