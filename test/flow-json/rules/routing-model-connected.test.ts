import { describe, expect, it } from 'vitest';
import { baseFlow, runRule, summary } from '../helpers.js';

const rule = 'flow-json/routing-model-connected';
const lineOf = (text: string, needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length;

/** baseFlow plus terminal screens with these ids. */
function withScreens(...ids: string[]): any {
  const flow = baseFlow();
  for (const id of ids) flow.screens.push({ ...flow.screens[1], id });
  return flow;
}

describe(rule, () => {
  it('accepts connected routing models and navigate graphs', () => {
    expect(runRule(rule, baseFlow())).toEqual([]);
    expect(runRule(rule, { ...withScreens('EXTRA'), routing_model: { ASK: ['CONFIRM', 'EXTRA'] } })).toEqual([]);
    expect(runRule(rule, { ...withScreens('EXTRA'), routing_model: { ASK: ['CONFIRM'], EXTRA: ['CONFIRM'] } })).toEqual([]);
  });

  it('reports screens apart from the largest group in the routing model', () => {
    const text = JSON.stringify({ ...withScreens('X', 'Y', 'Z'), routing_model: { ASK: ['CONFIRM', 'Z'], X: ['Y'] } }, null, 2);
    const found = runRule(rule, text);
    expect(found.map((d) => [d.error, d.message])).toEqual([
      ['INVALID_ROUTING_MODEL', 'Following screens are not connected with the rest of the screens : X, Y. All screens should be connected.'],
    ]);
    expect(summary(found)).toEqual([`INVALID_ROUTING_MODEL@${lineOf(text, '"routing_model"')}`]);
  });

  it('reports screens no navigate action connects in endpoint-less flows', () => {
    const text = JSON.stringify(withScreens('LONELY'), null, 2);
    const found = runRule(rule, text);
    expect(found.map((d) => d.message)).toEqual([
      'Following screens are not connected to any of the screens: LONELY. A connection is formed by the navigate screen action.',
    ]);
    expect(summary(found)).toEqual([`INVALID_ROUTING_MODEL@${lineOf(text, '"id": "LONELY"') - 1}`]);
  });

  it('does not guess when a NavigationList takes its items, and their navigate actions, from data', () => {
    const flow = withScreens('LONELY');
    flow.screens[0].data = { items: { type: 'array', items: { type: 'object', properties: {} }, __example__: [] } };
    flow.screens[0].layout.children.unshift({ type: 'NavigationList', name: 'pick', 'list-items': '${data.items}' });
    expect(runRule(rule, flow)).toEqual([]);
  });

  it('leaves screens the routing model does not name to routing-model-screens', () => {
    expect(runRule(rule, { ...withScreens('EXTRA'), routing_model: { ASK: ['CONFIRM'] } })).toEqual([]);
  });
});
