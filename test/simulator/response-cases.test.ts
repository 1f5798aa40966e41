import { describe, expect, it } from 'vitest';
import { createFlowEndpoint, responseChecks, type FlowHandler } from '../../src/endpoint/index-node.js';
import { checkResponse, FlowSimulator, loadFlow, SimulatorProtocolError } from '../../src/simulator/index.js';
import { CASE_FLOW, ENDPOINT_RESPONSE_CASES } from '../platform/endpoint-response-cases.js';
import { keys } from './endpoint-fixture.js';

const flow = loadFlow(CASE_FLOW);

function thrown(work: () => unknown): SimulatorProtocolError | undefined {
  try {
    work();
  } catch (error) {
    expect(error).toBeInstanceOf(SimulatorProtocolError);
    return error as SimulatorProtocolError;
  }
  return undefined;
}

describe('checkResponse decides the shared endpoint response cases like responseChecks', () => {
  for (const c of ENDPOINT_RESPONSE_CASES) {
    it(`${c.name} → ${c.verdict}; strict: ${c.verdict === 'ok' ? 'ok' : 'error'}`, () => {
      const request = { action: c.request.action, screen: c.request.screen, stack: c.request.stack };
      let checked: ReturnType<typeof checkResponse> | undefined;
      const error = thrown(() => (checked = checkResponse(flow, request, c.answer)));
      if (c.verdict === 'error') expect(error?.error).toBe(c.error);
      else expect(checked?.warnings.map((w) => w.rule)).toEqual(c.rules);
      const strict = thrown(() => checkResponse(flow, request, c.answer, { strict: true }));
      expect(strict?.error).toBe(c.verdict === 'ok' ? undefined : c.error);
    });
  }
});

describe('the drift cases end to end: the endpoint’s responseChecks and the simulator agree', () => {
  const DETAILS = { price: 8, slots: [{ id: 'a', title: 'A' }], profile: { name: 'Ana', age: 30 } };

  /** A simulator on CASE_FLOW whose endpoint answers START with `fromStart` and BACK on DETAILS with `back`. */
  function session(fromStart: FlowHandler, back?: FlowHandler) {
    const endpointSays: string[] = [];
    const endpoint = createFlowEndpoint({
      privateKey: keys.privateKey,
      onInit: () => ({ screen: 'START', data: { greeting: 'Hi' } }),
      ...(back ? { onBack: back } : {}),
      screens: { START: fromStart },
      checkResponse: responseChecks({ flowJson: CASE_FLOW, warn: (m) => endpointSays.push(m) }),
    });
    const sim = new FlowSimulator({ flowJson: CASE_FLOW, endpoint, publicKey: keys.publicKey, flowToken: 'drift' });
    return { sim, endpointSays };
  }

  it('a nested null and a nested wrong type: payload-schema-error from both', async () => {
    for (const data of [{ ...DETAILS, slots: [{ id: 'a', title: null }] }, { ...DETAILS, profile: { name: 'Ana', age: '30' } }]) {
      const { sim, endpointSays } = session(() => ({ screen: 'DETAILS', data }));
      await sim.open({ action: 'data_exchange' });
      await expect(sim.submit()).rejects.toMatchObject({ error: 'payload-schema-error' });
      expect(endpointSays).toEqual([expect.stringMatching(/^Flow endpoint response to data_exchange on START: payload-schema-error: data\.(slots\[0\]\.title is null|profile\.age should be number)/)]);
    }
  });

  it('BACK to a screen that is not under the current one: invalid-screen-transition from both', async () => {
    const { sim, endpointSays } = session(
      () => ({ screen: 'DETAILS', data: DETAILS }),
      () => ({ screen: 'CONFIRM', data: { summary: 's' } }),
    );
    await sim.open({ action: 'data_exchange' });
    await sim.submit();
    expect(sim.screen).toBe('DETAILS');
    await expect(sim.back()).rejects.toMatchObject({ error: 'invalid-screen-transition', message: expect.stringMatching(/BACK on DETAILS: a BACK answer must name a screen under DETAILS \(\[START\]\); got CONFIRM/) });
    expect(endpointSays).toEqual([expect.stringMatching(/BACK on DETAILS: invalid-screen-transition: a BACK answer must name a screen under DETAILS/)]);
  });
});

describe('a BACK answer that leaves fields out', () => {
  it('keeps the earlier values of the screen it returns to, and records the warnings', async () => {
    const DETAILS = { price: 8, slots: [{ id: 'a', title: 'A' }], profile: { name: 'Ana', age: 30 } };
    const endpoint = createFlowEndpoint({
      privateKey: keys.privateKey,
      onInit: () => ({ screen: 'START', data: { greeting: 'Hi' } }),
      onBack: () => ({ screen: 'DETAILS', data: { price: 10 } }),
      screens: { START: () => ({ screen: 'DETAILS', data: DETAILS }), DETAILS: () => ({ screen: 'CONFIRM', data: { summary: 's' } }) },
    });
    const sim = new FlowSimulator({ flowJson: CASE_FLOW, endpoint, publicKey: keys.publicKey });
    await sim.open({ action: 'data_exchange' });
    await sim.submit();
    await sim.select('slot', 'a');
    await sim.submit();
    expect(sim.screen).toBe('CONFIRM');
    await sim.back();
    expect(sim.screen).toBe('DETAILS');
    expect(sim.data).toEqual({ ...DETAILS, price: 10 });
    expect(sim.form).toEqual({ slot: 'a' });
    expect(sim.warnings.map((w) => `${w.action} ${w.screen} ${w.field}`)).toEqual(['BACK CONFIRM slots', 'BACK CONFIRM profile']);
  });
});
