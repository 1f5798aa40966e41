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

const rule = 'flow-json/navigation-list-screen';
const list = { type: 'NavigationList', name: 'n', 'list-items': [item('a')], 'on-click-action': go };

describe(rule, () => {
  it('accepts NavigationLists alone on a non-terminal screen', () => {
    expect(runRule(rule, baseFlow())).toEqual([]);
    expect(runRule(rule, navFlow([list, { ...list, name: 'm' }]))).toEqual([]);
  });

  it('reports every other top-level component on its screen', () => {
    const text = navFlow([{ type: 'TextHeading', text: 'Pick one' }, list]);
    expect(runRule(rule, text).map((d) => [d.error, d.message, d.line_start])).toEqual([
      ['INVALID_PROPERTY_VALUE', 'Invalid value found for property type at $root/screens/0/layout/children/0. A screen with a NavigationList cannot have other components.', lineOf(text, '"TextHeading"')],
    ]);
  });

  it('reports a NavigationList on a terminal screen', () => {
    const flow = JSON.parse(navFlow([list]));
    flow.screens = [{ ...flow.screens[0], terminal: true }];
    const found = runRule(rule, flow);
    expect(found.map((d) => [d.error, d.message])).toEqual([
      ['INVALID_PROPERTY_VALUE', 'Invalid value found for property type at $root/screens/0/layout/children/0. NavigationList is not allowed on a terminal screen.'],
    ]);
    expect(summary(found)).toEqual(['INVALID_PROPERTY_VALUE@12']);
  });
});
