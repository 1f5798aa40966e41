import { describe, expect, it } from 'vitest';
import { baseFlow, runRule } from '../helpers.js';

const rule = 'flow-json/refresh-on-back';

describe(rule, () => {
  it('accepts refresh_on_back false, or true in an endpoint flow', () => {
    const flow = baseFlow();
    flow.screens[0].refresh_on_back = false;
    expect(runRule(rule, flow)).toEqual([]);
    const endpoint = { ...baseFlow(), data_api_version: '3.0', routing_model: { ASK: ['CONFIRM'] } };
    endpoint.screens[0].refresh_on_back = true;
    expect(runRule(rule, endpoint)).toEqual([]);
  });

  it('reports refresh_on_back true without data_api_version', () => {
    const flow = baseFlow();
    flow.screens[0].refresh_on_back = true; // line 33
    expect(runRule(rule, flow).map((d) => [d.error, d.message, d.line_start, d.path])).toEqual([
      ['INVALID_PROPERTY_VALUE', "Property 'refresh_on_back' can be true only when property 'data_api_version' is set.", 33, '/screens/0/refresh_on_back'],
    ]);
  });
});
