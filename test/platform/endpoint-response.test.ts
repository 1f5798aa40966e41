import { describe, expect, it } from 'vitest';
import { canBeUnder, checkEndpointResponse, RESPONSE_RULES, responseFlowModel } from '../../src/platform/endpoint-response/index.js';
import { CASE_FLOW, ENDPOINT_RESPONSE_CASES } from './endpoint-response-cases.js';

const model = responseFlowModel(CASE_FLOW);
const verdictOf = (v: ReturnType<typeof checkEndpointResponse>) => (v.errors.length ? 'error' : v.warnings.length ? 'warning' : 'ok');

describe('checkEndpointResponse: the case table (flows-platform §3.5, §6.5, §6.6)', () => {
  for (const c of ENDPOINT_RESPONSE_CASES) {
    it(`${c.name} → ${c.verdict}, with and without the back stack`, () => {
      for (const stack of [c.request.stack, undefined]) {
        const v = checkEndpointResponse(model, { ...c.request, stack }, c.answer);
        expect(verdictOf(v)).toBe(c.verdict);
        expect(v.findings.map((f) => f.rule)).toEqual(c.rules);
        if (c.error) expect(v.findings[0]!.error).toBe(c.error);
      }
    });
  }
});

describe('the rules as data', () => {
  it('only an omitted field and a SUCCESS without flow_token are warnings (flows-platform §6.5); every rule names its evidence', () => {
    const warnings = Object.entries(RESPONSE_RULES).filter(([, r]) => r.severity === 'warning').map(([id]) => id);
    expect(warnings.sort()).toEqual(['data-field-omitted', 'success-without-flow-token']);
    for (const rule of Object.values(RESPONSE_RULES)) expect(rule.evidence).toMatch(/flows-platform §\d/);
  });

  it('messages say what is wrong without the data values (decrypted payloads stay out of logs)', () => {
    const v = checkEndpointResponse(model, { action: 'data_exchange', screen: 'START' }, { screen: 'DETAILS', data: { price: 'secret-value', slots: [{ id: 'a', title: null }], profile: { name: 'Ana', age: 'x' } } });
    expect(v.findings.map((f) => f.message)).toEqual([
      'data.price should be number, got string.',
      'data.slots[0].title is null (Flow JSON has no null: leave the field out or send an empty value such as "").',
      'data.profile.age should be number, got string.',
    ]);
    expect(JSON.stringify(checkEndpointResponse(model, { action: 'INIT' }, ['secret-value']))).not.toMatch(/secret-value/);
  });
});

describe('the routing model', () => {
  it('BACK without the stack: a screen the routing model leads to the current one from', () => {
    expect(canBeUnder(model.routes, 'START', 'CONFIRM')).toBe(true);
    expect(canBeUnder(model.routes, 'DETAILS', 'CONFIRM')).toBe(true);
    expect(canBeUnder(model.routes, 'CONFIRM', 'DETAILS')).toBe(false);
    expect(canBeUnder(model.routes, 'CONFIRM', 'CONFIRM')).toBe(false);
    const v = checkEndpointResponse(model, { action: 'BACK', screen: 'DETAILS' }, { screen: 'CONFIRM', data: { summary: 's' } });
    expect(v.errors[0]!.message).toBe('a BACK answer must name a screen under DETAILS (the routing model leads to it from [START]); got CONFIRM.');
  });

  it('without routing_model, the routes are the navigate targets (flows-platform §2.9)', () => {
    const flow = {
      screens: [
        { id: 'A', layout: { type: 'SingleColumnLayout', children: [{ type: 'Form', name: 'f', children: [{ type: 'Footer', label: 'x', 'on-click-action': { name: 'navigate', next: { type: 'screen', name: 'B' } } }] }] } },
        { id: 'B', layout: { type: 'SingleColumnLayout', children: [{ type: 'NavigationList', name: 'l', 'list-items': [{ id: '1', 'on-click-action': { name: 'navigate', next: { type: 'screen', name: 'C' } } }] }] } },
        { id: 'C' },
      ],
    };
    const routes = responseFlowModel(flow).routes;
    expect(Object.fromEntries([...routes].map(([k, v]) => [k, [...v]]))).toEqual({ A: ['B'], B: ['C'], C: [] });
    expect(() => responseFlowModel({ screens: 'no' })).toThrow(/`screens` array/);
  });
});
