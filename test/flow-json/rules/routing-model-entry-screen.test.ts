import { describe, expect, it } from 'vitest';
import { baseFlow, runRule, summary } from '../helpers.js';

const rule = 'flow-json/routing-model-entry-screen';
const lineOf = (text: string, needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length;

describe(rule, () => {
  it('accepts flows with a screen nothing leads to', () => {
    expect(runRule(rule, baseFlow())).toEqual([]);
    expect(runRule(rule, { ...baseFlow(), routing_model: { ASK: ['CONFIRM'] } })).toEqual([]);
    const single = baseFlow();
    single.screens = [single.screens[1]];
    expect(runRule(rule, { ...single, routing_model: {} })).toEqual([]);
  });

  it('reports a routing model where every screen has an inbound route', () => {
    const text = JSON.stringify({ ...baseFlow(), routing_model: { ASK: ['CONFIRM'], CONFIRM: ['ASK'] } }, null, 2);
    const found = runRule(rule, text);
    expect(found.map((d) => [d.error, d.message])).toEqual([
      ['INVALID_ROUTING_MODEL', 'No entry screen found in the routing model. Expected a screen with no inbound edges as the entry screen.'],
    ]);
    expect(summary(found)).toEqual([`INVALID_ROUTING_MODEL@${lineOf(text, '"routing_model"')}`]);
  });

  it('reports endpoint-less flows where every screen is a navigate target', () => {
    const flow = baseFlow();
    flow.screens[1].layout.children.unshift({ type: 'EmbeddedLink', text: 'Edit', 'on-click-action': { name: 'navigate', next: { type: 'screen', name: 'ASK' }, payload: {} } });
    const text = JSON.stringify(flow, null, 2);
    const found = runRule(rule, text);
    expect(found.map((d) => d.message)).toEqual([
      'No entry screen found in the routing model. Add a screen that is not used as the next screen in any of the navigate actions.',
    ]);
    expect(summary(found)).toEqual([`INVALID_ROUTING_MODEL@${lineOf(text, '"screens"')}`]);
  });

  it('does not derive a graph for endpoint flows without a routing model', () => {
    const flow = baseFlow();
    flow.data_api_version = '3.0';
    flow.screens[1].layout.children.unshift({ type: 'EmbeddedLink', text: 'Edit', 'on-click-action': { name: 'navigate', next: { type: 'screen', name: 'ASK' }, payload: {} } });
    expect(runRule(rule, flow)).toEqual([]);
  });
});
