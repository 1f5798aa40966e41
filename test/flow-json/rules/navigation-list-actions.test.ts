import { describe, expect, it } from 'vitest';
import { baseFlow, runRule, summary } from '../helpers.js';

const lineOf = (text: string, needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length;

const go = { name: 'navigate', next: { type: 'screen', name: 'DONE' }, payload: {} };
const item = (id: string, extra: object = {}) => ({ id, 'main-content': { title: id }, ...extra });

/** A menu screen with these components, leading to a terminal screen. */
function navFlow(children: object[], version = '7.3'): string {
  const done = { type: 'Footer', label: 'Done', 'on-click-action': { name: 'complete', payload: {} } };
  const menu = { id: 'MENU', title: 'Menu', data: {}, layout: { type: 'SingleColumnLayout', children } };
  const last = { id: 'DONE', title: 'Done', terminal: true, data: {}, layout: { type: 'SingleColumnLayout', children: [done] } };
  return JSON.stringify({ version, screens: [menu, last] }, null, 2);
}

const rule = 'flow-json/navigation-list-actions';

describe(rule, () => {
  it('accepts the action on the component or on every item, and dynamic items', () => {
    expect(runRule(rule, baseFlow())).toEqual([]);
    expect(runRule(rule, navFlow([{ type: 'NavigationList', name: 'n', 'list-items': [item('a'), item('b')], 'on-click-action': go }]))).toEqual([]);
    expect(runRule(rule, navFlow([{ type: 'NavigationList', name: 'n', 'list-items': [item('a', { 'on-click-action': go }), item('b', { 'on-click-action': go })] }]))).toEqual([]);
    expect(runRule(rule, navFlow([{ type: 'NavigationList', name: 'n', 'list-items': '${data.items}' }]))).toEqual([]);
  });

  it('reports an item action when the component has one (INVALID_PROPERTY_KEY)', () => {
    const text = navFlow([{ type: 'NavigationList', name: 'n', 'list-items': [item('a'), item('b', { 'on-click-action': go })], 'on-click-action': go }]);
    expect(runRule(rule, text).map((d) => [d.error, d.message, d.line_start])).toEqual([
      [
        'INVALID_PROPERTY_KEY',
        'Property on-click-action cannot be specified at $root/screens/0/layout/children/0/list-items/1. The NavigationList has an on-click-action already: set it on the component or on every item, not both.',
        lineOf(text, '"on-click-action"'),
      ],
    ]);
  });

  it('reports items without an action when others have one, or none anywhere (MISSING_REQUIRED_TYPE_PROPERTY)', () => {
    const text = navFlow([{ type: 'NavigationList', name: 'n', 'list-items': [item('a', { 'on-click-action': go }), item('b')] }]);
    expect(runRule(rule, text).map((d) => [d.error, d.message, d.path])).toEqual([
      ['MISSING_REQUIRED_TYPE_PROPERTY', "Required property 'on-click-action' is missing.", '/screens/0/layout/children/0/list-items/1'],
    ]);
    expect(summary(runRule(rule, text))).toEqual([`MISSING_REQUIRED_TYPE_PROPERTY@${lineOf(text, '"id": "b"') - 1}`]);
    const none = navFlow([{ type: 'NavigationList', name: 'n', 'list-items': [item('a'), item('b')] }]);
    expect(runRule(rule, none).map((d) => d.path)).toEqual(['/screens/0/layout/children/0']);
  });
});
