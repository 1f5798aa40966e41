import { describe, expect, it } from 'vitest';
import { baseFlow, runRule, summary } from '../helpers.js';

const rule = 'flow-json/action-name';

/** A one-screen terminal flow with these components before its Footer. */
function flowWith(version: string, ...children: object[]): string {
  const footer = { type: 'Footer', label: 'Done', 'on-click-action': { name: 'complete', payload: {} } };
  const flow = { version, screens: [{ id: 'ONLY', title: 'Only', terminal: true, data: {}, layout: { type: 'SingleColumnLayout', children: [...children, footer] } }] };
  return JSON.stringify(flow, null, 2);
}
const lineOf = (text: string, needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length;
const link = (action: object) => ({ type: 'EmbeddedLink', text: 'More', 'on-click-action': action });

describe(rule, () => {
  it('accepts the actions each site allows', () => {
    expect(runRule(rule, baseFlow())).toEqual([]);
    expect(runRule(rule, flowWith('6.0', link({ name: 'open_url', url: 'https://example.com' })))).toEqual([]);
    const chips = { type: 'ChipsSelector', name: 'c', label: 'C', 'data-source': [{ id: 'a', title: 'A' }, { id: 'b', title: 'B' }] };
    const withUpdate = { ...chips, 'on-select-action': { name: 'update_data', payload: {} }, 'on-unselect-action': { name: 'update_data', payload: {} } };
    expect(runRule(rule, flowWith('7.1', withUpdate))).toEqual([]);
    const radio = { type: 'RadioButtonsGroup', name: 'r', label: 'R', 'data-source': [{ id: 'a', title: 'A', 'on-select-action': { name: 'update_data', payload: {} } }] };
    expect(runRule(rule, flowWith('6.0', radio))).toEqual([]);
    const nav = { type: 'NavigationList', name: 'n', 'list-items': [{ id: 'a', 'main-content': { title: 'A' }, 'on-click-action': { name: 'data_exchange', payload: {} } }] };
    expect(runRule(rule, flowWith('6.2', nav))).toEqual([]);
  });

  it('reports an action a site does not accept, listing what it does', () => {
    const text = flowWith('7.3', link({ name: 'complete', payload: {} }));
    const found = runRule(rule, text);
    expect(found.map((d) => [d.error, d.message, d.line_start])).toEqual([
      ['INVALID_ENUM_VALUE', 'Value should be one of: [data_exchange, navigate, open_url].', lineOf(text, '"name": "complete"')],
    ]);
    const old = flowWith('5.1', link({ name: 'open_url', url: 'https://example.com' }));
    expect(runRule(rule, old).map((d) => d.message)).toEqual(['Value should be one of: [data_exchange, navigate].']);
  });

  it('knows the version of update_data per site', () => {
    const date = { type: 'DatePicker', name: 'd', label: 'D', 'on-select-action': { name: 'update_data', payload: {} } };
    expect(runRule(rule, flowWith('7.3', date)).map((d) => d.message)).toEqual(['Value should be one of: [data_exchange].']);
    const chips = { type: 'ChipsSelector', name: 'c', label: 'C', 'data-source': [], 'on-select-action': { name: 'update_data', payload: {} } };
    expect(runRule(rule, flowWith('6.3', chips)).map((d) => d.message)).toEqual(['Value should be one of: [data_exchange].']);
    const drop = { type: 'Dropdown', name: 'd', label: 'D', 'data-source': [], 'on-unselect-action': { name: 'data_exchange', payload: {} } };
    expect(runRule(rule, flowWith('6.0', drop)).map((d) => d.message)).toEqual(['Value should be one of: [update_data].']);
    const nav = { type: 'NavigationList', name: 'n', 'list-items': [], 'on-click-action': { name: 'complete', payload: {} } };
    expect(runRule(rule, flowWith('6.2', nav)).map((d) => d.message)).toEqual(['Value should be one of: [data_exchange, navigate].']);
  });

  it('reports a missing or non-string name', () => {
    const text = flowWith('7.3', link({ payload: {} }), link({ name: 3 }));
    expect(runRule(rule, text).map((d) => [d.error, d.message])).toEqual([
      ['MISSING_REQUIRED_TYPE_PROPERTY', "Required property 'name' is missing."],
      ['INVALID_PROPERTY_TYPE', 'Expected property $root/screens/0/layout/children/1/on-click-action/name to be of type string, but found integer.'],
    ]);
    expect(summary(runRule(rule, text))).toEqual([`MISSING_REQUIRED_TYPE_PROPERTY@${lineOf(text, '"payload": {}') - 1}`, `INVALID_PROPERTY_TYPE@${lineOf(text, '"name": 3')}`]);
  });

  it('leaves sites the component does not have to the components family', () => {
    const footer = { type: 'TextBody', text: 'x', 'on-click-action': { name: 'nonsense' } };
    expect(runRule(rule, flowWith('7.3', footer))).toEqual([]);
    const opt = { type: 'OptIn', name: 'o', label: 'O', 'on-select-action': { name: 'data_exchange' } };
    expect(runRule(rule, flowWith('5.1', opt))).toEqual([]);
  });
});
