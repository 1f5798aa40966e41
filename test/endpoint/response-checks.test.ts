import { describe, expect, it } from 'vitest';
import { responseChecks } from '../../src/endpoint/response-checks.js';
import type { FlowRequest } from '../../src/endpoint/types.js';

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
    expect(warnings[2]).toMatch(/'NOWHERE' is not in the Flow JSON/);
    expect(warnings[3]).toMatch(/data\.slots is missing/);
    expect(() => responseChecks({ flowJson, mode: 'throw' })(req('START'), { screen: 'DONE', data: {} })).toThrow(/invalid-screen-transition/);
  });
});
