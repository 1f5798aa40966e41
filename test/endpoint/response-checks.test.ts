import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../src/core/errors.js';
import { responseChecks } from '../../src/endpoint/response-checks.js';
import type { FlowRequest, FlowResponse } from '../../src/endpoint/types.js';
import { CASE_FLOW, ENDPOINT_RESPONSE_CASES } from '../platform/endpoint-response-cases.js';

const flowJson = {
  version: '7.3',
  data_api_version: '4.0',
  routing_model: { START: ['DETAILS'], DETAILS: ['DONE'] },
  screens: [
    { id: 'START', data: { greeting: { type: 'string', __example__: 'Hi' } } },
    { id: 'DETAILS', data: { slots: { type: 'array', items: { type: 'string' }, __example__: ['9:00'] }, count: { type: 'number', __example__: 1 } } },
    { id: 'DONE', terminal: true, data: {} },
  ],
};
const req = (screen: string): FlowRequest => ({ version: '3.0', action: 'data_exchange', screen, data: {}, flowTokenSignatureVerified: false });

describe('responseChecks', () => {
  it('accepts responses that follow the routing model and the data model', () => {
    const warnings: string[] = [];
    const check = responseChecks({ flowJson, warn: (m) => warnings.push(m) });
    check(req('START'), { screen: 'DETAILS', data: { slots: ['9:00'], count: 2 } });
    check(req('DETAILS'), { screen: 'DETAILS', data: { slots: [], count: 0, error_message: 'Pick a slot' } });
    check(req('DETAILS'), { screen: 'SUCCESS', data: { extension_message_response: { params: { flow_token: 't' } } } });
    expect(warnings).toEqual([]);
  });

  it('warns about what WhatsApp would reject later, or throws when asked', () => {
    const warnings: string[] = [];
    const check = responseChecks({ flowJson: JSON.stringify(flowJson), warn: (m) => warnings.push(m) });
    check(req('START'), { screen: 'DONE', data: {} });
    check(req('START'), { screen: 'DETAILS', data: { slots: 'nine', count: 2 } });
    check(req('START'), { screen: 'NOWHERE', data: {} });
    check(req('DETAILS'), { screen: 'DETAILS', data: { count: 1 } });
    expect(warnings).toHaveLength(4);
    expect(warnings[0]).toMatch(/invalid-screen-transition: the routing model allows START → \[DETAILS\], not DONE/);
    expect(warnings[1]).toMatch(/payload-schema-error: data\.slots should be array, got string/);
    expect(warnings[2]).toMatch(/"NOWHERE" is not in the Flow JSON/);
    // flows-platform §6.5: Meta's own sample endpoints leave declared fields out; WhatsApp goes on.
    expect(warnings[3]).toMatch(/warning, payload-schema-error: data\.slots is left out \(declared array on DETAILS\)/);
    expect(() => responseChecks({ flowJson, mode: 'throw' })(req('START'), { screen: 'DONE', data: {} })).toThrow(/invalid-screen-transition/);
  });

  it('mode throw: only errors throw; warnings still go to warn', () => {
    const warnings: string[] = [];
    const check = responseChecks({ flowJson, mode: 'throw', warn: (m) => warnings.push(m) });
    expect(() => check(req('DETAILS'), { screen: 'SUCCESS', data: { extension_message_response: { params: { order: 1 } } } })).not.toThrow();
    expect(warnings).toEqual([expect.stringMatching(/^Flow endpoint response to data_exchange on DETAILS: warning, payload-schema-error: the SUCCESS params have no flow_token/)]);
  });

  it('a Flow JSON that is not JSON is a clear InvalidArgumentError at setup', () => {
    expect(() => responseChecks({ flowJson: '{ nope' })).toThrow(InvalidArgumentError);
    expect(() => responseChecks({ flowJson: '{ nope' })).toThrow(/responseChecks: flowJson is not JSON/);
    expect(() => responseChecks({ flowJson: {} })).toThrow(/`screens` array/);
  });
});

describe('responseChecks decides the shared endpoint response cases like the simulator', () => {
  // The endpoint does not see the client's back stack: it passes none, and BACK answers are checked against the
  // routing model (src/endpoint/response-checks.ts). Every case's stack is one a session can have.
  const warnings: string[] = [];
  const check = responseChecks({ flowJson: CASE_FLOW, mode: 'throw', warn: (m) => warnings.push(m) });
  for (const c of ENDPOINT_RESPONSE_CASES) {
    it(`${c.name} → ${c.verdict}`, () => {
      warnings.length = 0;
      const request: FlowRequest = { version: '3.0', action: c.request.action, data: {}, flowTokenSignatureVerified: false, ...(c.request.screen ? { screen: c.request.screen } : {}) };
      const run = () => check(request, c.answer as FlowResponse);
      if (c.verdict === 'error') {
        expect(run).toThrow(`${c.error}: `);
        return;
      }
      expect(run).not.toThrow();
      expect(warnings).toEqual(c.verdict === 'warning' ? [expect.stringContaining(`warning, ${c.error}: `)] : []);
    });
  }
});
