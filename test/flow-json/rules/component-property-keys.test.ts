import { describe, expect, it } from 'vitest';
import { baseFlow, runRule, summary } from '../helpers.js';

/** A one-screen terminal flow with these components before its Footer, as text. */
function flowWith(version: string, ...children: object[]): string {
  const footer = { type: 'Footer', label: 'Done', 'on-click-action': { name: 'complete', payload: {} } };
  const screen = { id: 'ONLY', title: 'Only', terminal: true, data: {}, layout: { type: 'SingleColumnLayout', children: [...children, footer] } };
  return JSON.stringify({ version, screens: [screen] }, null, 2);
}
const lineOf = (text: string, needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length;

const rule = 'flow-json/component-property-keys';

describe(rule, () => {
  it('accepts the properties of each component in its version', () => {
    expect(runRule(rule, baseFlow())).toEqual([]);
    const input = { type: 'TextInput', name: 'n', label: 'L', 'input-type': 'text', pattern: '^a$', 'helper-text': 'h', 'label-variant': 'large', 'init-value': 'x', 'error-message': 'e', enabled: true, visible: true };
    expect(runRule(rule, flowWith('7.3', input))).toEqual([]);
    const radio = { type: 'RadioButtonsGroup', name: 'r', label: 'R', description: 'd', 'media-size': 'large', 'data-source': [{ id: 'a', title: 'A', image: 'aGk=', 'alt-text': 'a', color: '#ffffff' }] };
    expect(runRule(rule, flowWith('5.0', radio))).toEqual([]);
  });

  it('reports an unknown property on its key', () => {
    const text = flowWith('7.3', { type: 'TextBody', text: 'Hello', colour: 'red' });
    expect(runRule(rule, text).map((d) => [d.error, d.message, d.line_start, d.column_start])).toEqual([
      ['INVALID_PROPERTY_KEY', 'Property colour cannot be specified at $root/screens/0/layout/children/0.', lineOf(text, '"colour"'), 13],
    ]);
  });

  it('reports a property that is newer than the declared version', () => {
    const text = flowWith('6.1', { type: 'TextInput', name: 'n', label: 'L', pattern: '^a$', 'helper-text': 'h' });
    expect(runRule(rule, text).map((d) => [d.error, d.message, d.line_start])).toEqual([
      ['INVALID_PROPERTY_KEY', 'Property pattern cannot be specified at $root/screens/0/layout/children/0. It is available from Flow JSON version 6.2.', lineOf(text, '"pattern"')],
    ]);
    const group = { type: 'CheckboxGroup', name: 'c', label: 'C', description: 'd', 'data-source': [{ id: 'a', title: 'A' }] };
    expect(summary(runRule(rule, flowWith('3.1', group)))).toEqual(['INVALID_PROPERTY_KEY@16']);
  });

  it('checks the keys of nested items', () => {
    const text = flowWith('7.3', { type: 'ChipsSelector', name: 'c', label: 'C', 'data-source': [{ id: 'a', title: 'A' }, { id: 'b', title: 'B', description: 'no' }] });
    expect(runRule(rule, text).map((d) => [d.message, d.line_start])).toEqual([
      ['Property description cannot be specified at $root/screens/0/layout/children/0/data-source/1.', lineOf(text, '"description"')],
    ]);
    const nav = { type: 'NavigationList', name: 'n', 'list-items': [{ id: 'a', 'main-content': { title: 'A', subtitle: 'no' } }] };
    expect(runRule(rule, flowWith('7.3', nav)).map((d) => d.path)).toEqual(['/screens/0/layout/children/0/list-items/0/main-content/subtitle']);
  });

  it('leaves unknown components and actions to their rules', () => {
    expect(runRule(rule, flowWith('7.3', { type: 'Slider', anything: 1 }))).toEqual([]);
    expect(runRule(rule, flowWith('7.3', { type: 'EmbeddedLink', text: 'x', 'on-click-action': { name: 'navigate', extra: 1 } }))).toEqual([]);
  });
});
