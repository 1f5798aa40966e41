import { describe, expect, it } from 'vitest';
import { baseFlow, runRule, summary } from '../helpers.js';

const rule = 'flow-json/data-exchange-requires-data-api-version';
const lineOf = (text: string, needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length;

describe(rule, () => {
  it('accepts flows without data_exchange, and endpoint flows with it', () => {
    expect(runRule(rule, baseFlow())).toEqual([]);
    const flow = baseFlow();
    flow.data_api_version = '3.0';
    flow.routing_model = { ASK: ['CONFIRM'] };
    flow.screens[0].layout.children[1]['on-click-action'] = { name: 'data_exchange', payload: {} };
    expect(runRule(rule, flow)).toEqual([]);
  });

  it('reports data_exchange without data_api_version once, at the first use', () => {
    const flow = baseFlow();
    flow.screens[0].layout.children[1]['on-click-action'] = { name: 'data_exchange', payload: {} };
    flow.screens[1].layout.children[1]['on-click-action'] = { name: 'data_exchange', payload: {} };
    const text = JSON.stringify(flow, null, 2);
    const found = runRule(rule, text);
    expect(found.map((d) => [d.error, d.message])).toEqual([['MISSING_REQUIRED_PROPERTY', "The property 'data_api_version' is required for data_exchange action."]]);
    expect(summary(found)).toEqual([`MISSING_REQUIRED_PROPERTY@${lineOf(text, '"data_exchange"')}`]);
  });
});
