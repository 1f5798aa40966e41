import { describe, expect, it } from 'vitest';
import { runRule, summary } from '../helpers.js';

const rule = 'flow-json/routing-model-branches';
const lineOf = (text: string, needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length;

/** HUB plus n terminal screens; HUB navigates to each of them through NavigationList items when `navigate`. */
function hub(n: number, navigate: boolean): any {
  const ids = Array.from({ length: n }, (_, i) => `END_${String.fromCharCode(65 + i)}`);
  const items = ids.map((id) => ({ id, 'main-content': { title: id }, 'on-click-action': { name: 'navigate', next: { type: 'screen', name: id }, payload: {} } }));
  const hubChildren = navigate ? [{ type: 'NavigationList', name: 'pick', 'list-items': items }] : [{ type: 'Footer', label: 'Go', 'on-click-action': { name: 'data_exchange', payload: {} } }];
  const ends = ids.map((id) => ({
    id,
    title: id,
    terminal: true,
    data: {},
    layout: { type: 'SingleColumnLayout', children: [{ type: 'Footer', label: 'Done', 'on-click-action': { name: 'complete', payload: {} } }] },
  }));
  return { version: '7.3', screens: [{ id: 'HUB', title: 'Hub', data: {}, layout: { type: 'SingleColumnLayout', children: hubChildren } }, ...ends], ids };
}

describe(rule, () => {
  it('accepts up to 10 branches', () => {
    const { ids, ...flow } = hub(10, false);
    expect(runRule(rule, { ...flow, data_api_version: '3.0', routing_model: { HUB: ids } })).toEqual([]);
    const { ids: _ids, ...nav } = hub(10, true);
    expect(runRule(rule, nav)).toEqual([]);
  });

  it('reports more than 10 routes in the routing model', () => {
    const { ids, ...flow } = hub(11, false);
    const text = JSON.stringify({ ...flow, data_api_version: '3.0', routing_model: { HUB: ids } }, null, 2);
    const found = runRule(rule, text);
    expect(found.map((d) => [d.error, d.message])).toEqual([['INVALID_ROUTING_MODEL', 'Number of branches exceeds the max limit of 10 for screen: HUB.']]);
    expect(summary(found)).toEqual([`INVALID_ROUTING_MODEL@${lineOf(text, '"HUB": [')}`]);
  });

  it('reports more than 10 navigate destinations in endpoint-less flows', () => {
    const { ids: _ids, ...flow } = hub(11, true);
    const text = JSON.stringify(flow, null, 2);
    const found = runRule(rule, text);
    expect(found.map((d) => d.message)).toEqual(['Number of branches exceeds the max limit of 10 for screen: HUB. Reduce navigate actions for the screen.']);
    expect(summary(found)).toEqual([`INVALID_ROUTING_MODEL@${lineOf(text, '"id": "HUB"')}`]);
  });
});
