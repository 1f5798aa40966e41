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

const rule = 'flow-json/navigation-list-items';

describe(rule, () => {
  it('accepts one badge, and end with the regular media size', () => {
    expect(runRule(rule, baseFlow())).toEqual([]);
    const list = { type: 'NavigationList', name: 'n', 'media-size': 'regular', 'on-click-action': go, 'list-items': [item('a', { badge: 'New', end: { title: '$1' } }), item('b', { end: { title: '$2' } })] };
    expect(runRule(rule, navFlow([list]))).toEqual([]);
  });

  it('reports a second badge on its key', () => {
    const text = navFlow([{ type: 'NavigationList', name: 'n', 'on-click-action': go, 'list-items': [item('a', { badge: 'New' }), item('b', { badge: 'Hot' })] }]);
    expect(runRule(rule, text).map((d) => [d.error, d.message, d.line_start])).toEqual([
      ['INVALID_PROPERTY_KEY', 'Property badge cannot be specified at $root/screens/0/layout/children/0/list-items/1. Only one item of a NavigationList may have a badge.', lineOf(text, '"Hot"')],
    ]);
  });

  it('reports end with media-size large', () => {
    const text = navFlow([{ type: 'NavigationList', name: 'n', 'media-size': 'large', 'on-click-action': go, 'list-items': [item('a', { end: { title: '$1' } })] }]);
    expect(runRule(rule, text).map((d) => [d.error, d.message])).toEqual([
      ['INVALID_PROPERTY_KEY', 'Property end cannot be specified at $root/screens/0/layout/children/0/list-items/0. An item cannot have an end when media-size is large.'],
    ]);
    expect(summary(runRule(rule, text))).toEqual([`INVALID_PROPERTY_KEY@${lineOf(text, '"end"')}`]);
  });
});
