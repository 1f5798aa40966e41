/**
 * `x-emulator-fault` (src/emulator/faults.ts): the request carrying the header fails as documented and changes
 * nothing. The SDK's retries are proven with a wrapper `fetch` that adds the header to the first attempt only
 * (the per-call `options.headers` would send it on every attempt).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APIConnectionTimeoutError, InternalServerError, RateLimitError, BadRequestError } from '../../src/index.js';
import { expectRawError, simpleFlowJson, startEmulator, uniqueName, WABA, type ExpectedGraphError, type Harness } from './helpers/emulator.js';

const TIMEOUT_FAULT_MS = 400;

let h: Harness;
beforeAll(async () => {
  h = await startEmulator({ timeoutFaultMs: TIMEOUT_FAULT_MS });
});
afterAll(async () => {
  await h.close();
});

const documented: Record<string, ExpectedGraphError & { retryAfter?: string }> = {
  '429': { status: 429, code: 130429, message: '(#130429) Rate limit hit', isTransient: true, retryAfter: '1' },
  throttle: {
    status: 400,
    code: 80007,
    message: '(#80007) There have been too many calls to this WhatsApp Business account. Wait a bit and try again.',
    isTransient: true,
    retryAfter: '1',
  },
  '500': { status: 500, code: 2, message: 'An unexpected error has occurred. Please retry your request later.', isTransient: true },
  '503': { status: 503, code: 2, message: 'Service temporarily unavailable', isTransient: true },
};

/** A `fetch` that adds `x-emulator-fault` to the first request it sends after `arm()`, and records every attempt. */
function faultOnce(fault: string) {
  let armed = false;
  const attempts: Array<'fault' | 'clean'> = [];
  const wrapped: typeof fetch = (input, init) => {
    const headers = new Headers(init?.headers);
    if (armed) {
      armed = false;
      headers.set('x-emulator-fault', fault);
      attempts.push('fault');
    } else {
      attempts.push('clean');
    }
    return fetch(input, { ...init, headers });
  };
  return {
    fetch: wrapped,
    attempts,
    arm() {
      armed = true;
      attempts.length = 0;
    },
  };
}

describe('each fault fails that one request as documented and changes nothing', () => {
  let flowId: string;
  beforeAll(async () => {
    flowId = (await h.client.flows.createFlow({ name: uniqueName('target'), categories: ['OTHER'], flow_json: simpleFlowJson() })).id;
  });

  it.each(Object.keys(documented))('%s', async (fault) => {
    const { retryAfter, ...expected } = documented[fault]!;
    const before = h.snapshot();
    const requests = [
      h.raw(`/${WABA}/flows`, { json: { name: uniqueName('never'), categories: ['OTHER'] }, headers: { 'x-emulator-fault': fault } }),
      h.raw(`/${flowId}`, { json: { name: uniqueName('renamed') }, headers: { 'x-emulator-fault': fault } }),
      h.raw(`/${flowId}/publish`, { method: 'POST', headers: { 'x-emulator-fault': fault } }),
      h.raw(`/${flowId}`, { method: 'DELETE', headers: { 'x-emulator-fault': fault } }),
      h.raw(`/${flowId}?fields=preview.invalidate(true)`, { headers: { 'x-emulator-fault': fault } }),
      h.raw(`/200000000000002/messages`, {
        json: { messaging_product: 'whatsapp', to: '15551234567', type: 'interactive', interactive: { type: 'flow', body: { text: 'x' }, action: { name: 'flow', parameters: { flow_message_version: '3', flow_cta: 'Go', flow_id: flowId, mode: 'draft' } } } },
        headers: { 'x-emulator-fault': ` ${fault.toUpperCase()} ` }, // trimmed and case-insensitive
      }),
    ];
    for (const res of await Promise.all(requests)) {
      expectRawError(res, expected);
      expect(res.headers.get('retry-after')).toBe(retryAfter ?? null);
    }
    expect(h.snapshot()).toEqual(before);
    // Without the header the same request goes through.
    expect((await h.raw(`/${flowId}?fields=status`)).body).toEqual({ status: 'DRAFT', id: flowId });
  });

  it('timeout: held for timeoutFaultMs, then 504 (code 2, transient); nothing changes', async () => {
    const before = h.snapshot();
    const res = await h.raw(`/${WABA}/flows`, { json: { name: uniqueName('never'), categories: ['OTHER'] }, headers: { 'x-emulator-fault': 'timeout' } });
    expectRawError(res, { status: 504, code: 2, message: 'Request timed out (x-emulator-fault: timeout).', isTransient: true });
    expect(h.snapshot()).toEqual(before);
  });

  it('the emulator routes ignore the header', async () => {
    const res = await h.raw('/_emulator/health', { headers: { 'x-emulator-fault': '500' } });
    expect(res).toMatchObject({ status: 200, body: { status: 'ok' } });
  });
});

describe.concurrent('the SDK retries a fault sent once and succeeds on the next attempt', () => {
  it.each(['429', 'throttle'])('%s on a create (retried: Meta refused it before doing anything)', async (fault) => {
    const wrapper = faultOnce(fault);
    const client = h.newClient({ fetch: wrapper.fetch });
    const name = uniqueName(`retry_${fault}`);
    wrapper.arm();
    const res = await client.flows.createFlow({ name, categories: ['OTHER'] });
    expect(res.success).toBe(true);
    expect(wrapper.attempts).toEqual(['fault', 'clean']);
    expect(Object.values(h.emu.state().flows).filter((f) => f.name === name)).toHaveLength(1);
  });

  it.each(['500', '503'])('%s on a read', async (fault) => {
    const id = (await h.client.flows.createFlow({ name: uniqueName('read'), categories: ['OTHER'] })).id;
    const wrapper = faultOnce(fault);
    const client = h.newClient({ fetch: wrapper.fetch });
    wrapper.arm();
    expect(await client.flows.getFlow(id, { fields: 'status' })).toEqual({ status: 'DRAFT', id });
    expect(wrapper.attempts).toEqual(['fault', 'clean']);
    wrapper.arm();
    expect((await client.flows.listFlows({ limit: 1 })).data).toHaveLength(1);
    expect(wrapper.attempts).toEqual(['fault', 'clean']);
  });

  it('a 500 on a create is not retried (its effect is unknown to the client) and created nothing', async () => {
    const wrapper = faultOnce('500');
    const client = h.newClient({ fetch: wrapper.fetch });
    const name = uniqueName('no_retry');
    wrapper.arm();
    const error = await client.flows.createFlow({ name, categories: ['OTHER'] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InternalServerError);
    expect(error).toMatchObject({ status: 500, code: 2, isTransient: true });
    expect(wrapper.attempts).toEqual(['fault']);
    expect(Object.values(h.emu.state().flows).filter((f) => f.name === name)).toHaveLength(0);
  });

  it('a fault header sent on every attempt (options.headers) exhausts the retries', async () => {
    const name = uniqueName('always');
    const error = await h.client.flows
      .createFlow(WABA, { name, categories: ['OTHER'] }, { maxRetries: 1, headers: { 'x-emulator-fault': 'throttle' } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BadRequestError);
    expect(error).toMatchObject({ status: 400, code: 80007, isThrottled: true });
    const limited = await h.client.flows.listFlows(WABA, {}, { maxRetries: 0, headers: { 'x-emulator-fault': '429' } }).catch((e: unknown) => e);
    expect(limited).toBeInstanceOf(RateLimitError);
    expect(Object.values(h.emu.state().flows).filter((f) => f.name === name)).toHaveLength(0);
  });
});

describe('timeout fault and the SDK timeout', () => {
  let slow: Harness;
  beforeAll(async () => {
    slow = await startEmulator({ timeoutFaultMs: 10_000 });
  });
  afterAll(async () => {
    await slow.close();
  });

  it('an SDK timeout shorter than timeoutFaultMs gives APIConnectionTimeoutError; a create is not retried and created nothing', async () => {
    const before = slow.snapshot();
    const client = slow.newClient({ timeout: 300 });
    const name = uniqueName('timeout');
    const error = await client.flows.createFlow(WABA, { name, categories: ['OTHER'] }, { headers: { 'x-emulator-fault': 'timeout' } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(APIConnectionTimeoutError);
    expect((error as Error).message).toMatch(/^Request timed out after 300 ms: POST http:\/\/127\.0\.0\.1:\d+\/v25\.0\/100000000000001\/flows/);
    expect(slow.snapshot()).toEqual(before);
  });

  it('a read that times out once is retried and succeeds', async () => {
    const id = (await slow.client.flows.createFlow({ name: uniqueName('t_read'), categories: ['OTHER'] })).id;
    const wrapper = faultOnce('timeout');
    // A generous per-attempt timeout, far below the 10 s hold: the clean attempt never comes near it.
    const client = slow.newClient({ fetch: wrapper.fetch, timeout: 1_000 });
    wrapper.arm();
    expect(await client.flows.getFlow(id, { fields: 'name' })).toMatchObject({ id });
    expect(wrapper.attempts).toEqual(['fault', 'clean']);
  });
});
