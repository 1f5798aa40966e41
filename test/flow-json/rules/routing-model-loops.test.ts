import { describe, expect, it } from 'vitest';
import { baseFlow, runRule, summary } from '../helpers.js';

const rule = 'flow-json/routing-model-loops';
const lineOf = (text: string, needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length;

/** Screens A..n: non-terminal ones navigate as given (endpoint-less), the last is terminal. */
function chain(ids: string[], navigates: Record<string, string[]>): any {
  return {
    version: '7.3',
    screens: ids.map((id, i) => {
      const links = (navigates[id] ?? []).map((to) => ({ type: 'EmbeddedLink', text: to, 'on-click-action': { name: 'navigate', next: { type: 'screen', name: to }, payload: {} } }));
      const last = i === ids.length - 1;
      return {
        id,
        title: id,
        ...(last ? { terminal: true } : {}),
        data: {},
        layout: { type: 'SingleColumnLayout', children: [...links, { type: 'Footer', label: 'Go', 'on-click-action': { name: 'complete', payload: {} } }] },
      };
    }),
  };
}

describe(rule, () => {
  it('accepts routing models and navigate graphs without loops', () => {
    expect(runRule(rule, { ...baseFlow(), routing_model: { ASK: ['CONFIRM'] } })).toEqual([]);
    expect(runRule(rule, baseFlow())).toEqual([]);
    expect(runRule(rule, chain(['A', 'B', 'C', 'D'], { A: ['B', 'C'], B: ['D'], C: ['D'] }))).toEqual([]);
  });

  it('reports a loop in the routing model, once per loop', () => {
    const flow = chain(['A', 'B', 'C', 'D'], {});
    flow.data_api_version = '3.0';
    flow.routing_model = { A: ['B'], B: ['C'], C: ['D'], D: ['B'] };
    const text = JSON.stringify(flow, null, 2);
    const found = runRule(rule, text);
    expect(found.map((d) => [d.error, d.message])).toEqual([['INVALID_ROUTING_MODEL', 'Loop detected in the routing model for screens: B, C, D.']]);
    expect(summary(found)).toEqual([`INVALID_ROUTING_MODEL@${lineOf(text, '"B": [')}`]);
  });

  it('leaves plain back-and-forth pairs to routing-model-forward-routes', () => {
    expect(runRule(rule, { ...baseFlow(), routing_model: { ASK: ['CONFIRM'], CONFIRM: ['ASK'] } })).toEqual([]);
    const three = chain(['A', 'B', 'C'], {});
    three.routing_model = { A: ['B', 'C'], B: ['C'], C: ['A'] };
    expect(runRule(rule, three).map((d) => d.message)).toEqual(['Loop detected in the routing model for screens: A, B, C.']);
  });

  it('reports loops through navigate actions when there is no routing model', () => {
    const text = JSON.stringify(chain(['A', 'B', 'C', 'D'], { A: ['B'], B: ['C'], C: ['B', 'D'] }), null, 2);
    const found = runRule(rule, text);
    expect(found.map((d) => d.message)).toEqual(['Loop detected in the routing model for screens: B, C.']);
    expect(summary(found)).toEqual([`INVALID_ROUTING_MODEL@${lineOf(text, '"id": "B"') - 1}`]);
  });
});
