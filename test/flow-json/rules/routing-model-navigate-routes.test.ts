import { describe, expect, it } from 'vitest';
import { baseFlow, runRule, summary } from '../helpers.js';

const rule = 'flow-json/routing-model-navigate-routes';
const lineOf = (text: string, needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length;

describe(rule, () => {
  it('accepts navigate actions whose route is in the model, and flows without a model', () => {
    expect(runRule(rule, baseFlow())).toEqual([]);
    expect(runRule(rule, { ...baseFlow(), routing_model: { ASK: ['CONFIRM'] } })).toEqual([]);
  });

  it('reports a navigate route missing from the model, once per route', () => {
    const flow = { ...baseFlow(), routing_model: { ASK: [], CONFIRM: [] } };
    flow.screens[0].layout.children.unshift({ type: 'EmbeddedLink', text: 'Skip', 'on-click-action': { name: 'navigate', next: { type: 'screen', name: 'CONFIRM' }, payload: {} } });
    const text = JSON.stringify(flow, null, 2);
    const found = runRule(rule, text);
    expect(found.map((d) => [d.error, d.message])).toEqual([
      [
        'INVALID_ROUTING_MODEL',
        "Missing direct route from screen 'ASK' to screen 'CONFIRM' in the routing model, while it exists in the navigate screen action of screen 'ASK'.",
      ],
    ]);
    expect(summary(found)).toEqual([`INVALID_ROUTING_MODEL@${lineOf(text, '"name": "CONFIRM"')}`]);
  });

  it('reports a source screen that is not a key', () => {
    expect(runRule(rule, { ...baseFlow(), routing_model: { CONFIRM: [] } }).map((d) => d.error)).toEqual(['INVALID_ROUTING_MODEL']);
  });

  it('leaves unknown and same-screen targets to navigate-next-screen', () => {
    const flow = { ...baseFlow(), routing_model: { ASK: ['CONFIRM'] } };
    flow.screens[0].layout.children[1]['on-click-action'].next.name = 'GONE';
    expect(runRule(rule, flow)).toEqual([]);
  });
});
