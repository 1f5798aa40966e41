import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { closeFlow, createFlowEndpoint, FlowTokenInvalidError, type FlowEndpointOptions, type FlowHandler } from '../../src/endpoint/index-node.js';
import { FlowSimulator, FlowTokenExpiredError, SimulatorProtocolError, type FlowSimulatorOptions } from '../../src/simulator/index.js';
import { keys, pizzaFlow, serve } from './endpoint-fixture.js';

const START = { greeting: 'Hi', sizes: [{ id: 'small', title: 'Small' }] };
const DETAILS = { size_label: 'Small', price: 8, toppings: [{ id: 'cheese', title: 'Cheese' }], show_note: false, note: 'n' };

/** A simulator whose endpoint answers INIT correctly and the START screen's data_exchange with `answer`. */
function simulator(answer: FlowHandler, extra: Partial<FlowEndpointOptions> = {}, options: Partial<FlowSimulatorOptions> = {}) {
  const onErrorNotification = vi.fn();
  const endpoint = createFlowEndpoint({ privateKey: keys.privateKey, onInit: () => ({ screen: 'START', data: START }), screens: { START: answer }, onErrorNotification, ...extra });
  const sim = new FlowSimulator({ flowJson: pizzaFlow, endpoint, publicKey: keys.publicKey, flowToken: 'tok', ...options });
  return { sim, onErrorNotification };
}

async function failure(sim: FlowSimulator, work: (sim: FlowSimulator) => Promise<unknown>): Promise<SimulatorProtocolError> {
  const error = await work(sim).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SimulatorProtocolError);
  return error as SimulatorProtocolError;
}

const submitStart = async (sim: FlowSimulator) => {
  await sim.open({ action: 'data_exchange' });
  await sim.select('size', 'small');
  return sim.submit();
};

describe('answers the client rejects', () => {
  it('an unknown screen → invalid-screen-transition, and the endpoint hears about it', async () => {
    const { sim, onErrorNotification } = simulator(() => ({ screen: 'NOPE', data: {} }));
    const error = await failure(sim, submitStart);
    expect(error.error).toBe('invalid-screen-transition');
    expect(error.message).toMatch(/"NOPE" is not in the Flow JSON/);
    expect(error.screen).toBe('START');
    expect(sim.screen).toBe('START');
    expect(onErrorNotification).toHaveBeenCalledWith(expect.objectContaining({ error: 'invalid-screen-transition', screen: 'START', flow_token: 'tok' }));
  });

  it('a screen the routing model does not allow from here → invalid-screen-transition', async () => {
    const { sim } = simulator(() => ({ screen: 'DONE', data: { summary: 's' } }));
    expect((await failure(sim, submitStart)).message).toMatch(/routing model allows START → \[DETAILS\], not DONE/);
  });

  it('data of the wrong type or a null → payload-schema-error (a missing field only under strict)', async () => {
    for (const [data, why, options] of [
      [{ ...DETAILS, price: '8' }, /data.price should be number, got string/, {}],
      [{ ...DETAILS, toppings: [{ id: 1, title: 'x' }] }, /data.toppings\[0\].id should be string, got number/, {}],
      [{ size_label: 'Small', price: 8, toppings: [], show_note: false }, /data.note is left out \(declared string on DETAILS\).*\(a warning, failing because strict\)/, { strict: true }],
      [{ ...DETAILS, note: null }, /data.note is null/, {}],
    ] as const) {
      const { sim, onErrorNotification } = simulator(() => ({ screen: 'DETAILS', data: data as Record<string, unknown> }), {}, options);
      const error = await failure(sim, submitStart);
      expect(error.error).toBe('payload-schema-error');
      expect(error.message).toMatch(why);
      expect(onErrorNotification).toHaveBeenCalledWith(expect.objectContaining({ error: 'payload-schema-error' }));
    }
  });

  it('SUCCESS without extension_message_response.params → payload-schema-error', async () => {
    const { sim } = simulator(() => ({ screen: 'SUCCESS', data: { acknowledged: true } }));
    expect((await failure(sim, submitStart)).message).toMatch(/needs data.extension_message_response.params/);
    const ok = simulator((r) => closeFlow(r.flow_token!, { a: 1 }));
    await submitStart(ok.sim);
    expect(ok.sim.completion?.response).toEqual({ flow_token: 'tok', a: 1 });
  });
});

describe('HTTP statuses', () => {
  const other = generateKeyPairSync('rsa', { modulusLength: 2048, publicKeyEncoding: { type: 'spki', format: 'pem' }, privateKeyEncoding: { type: 'pkcs8', format: 'pem' } });

  it('421 twice → business-decryption-error, after fetching the public key again', async () => {
    const endpoint = createFlowEndpoint({ privateKey: keys.privateKey, onRequest: () => ({ screen: 'START', data: START }) });
    const calls = { endpoint: 0, key: 0 };
    const sim = new FlowSimulator({
      flowJson: pizzaFlow,
      endpoint: (req) => (calls.endpoint++, endpoint(req)),
      publicKey: () => (calls.key++, other.publicKey),
    });
    const error = await failure(sim, (s) => s.open({ action: 'data_exchange' }));
    expect(error).toMatchObject({ error: 'business-decryption-error', status: 421 });
    expect(calls).toEqual({ endpoint: 2, key: 2 });
  });

  it('421 once, then the refreshed key works (a rotated key)', async () => {
    const endpoint = createFlowEndpoint({ privateKey: keys.privateKey, onRequest: () => ({ screen: 'START', data: START }) });
    let call = 0;
    const sim = new FlowSimulator({ flowJson: pizzaFlow, endpoint, publicKey: () => (call++ === 0 ? other.publicKey : keys.publicKey) });
    await sim.open({ action: 'data_exchange' });
    expect(sim.screen).toBe('START');
  });

  it('427 → FlowTokenExpiredError with the message, plain JSON or encrypted', async () => {
    for (const tokenErrorBody of ['plain', 'encrypted'] as const) {
      const endpoint = createFlowEndpoint({ privateKey: keys.privateKey, tokenErrorBody, onRequest: () => { throw new FlowTokenInvalidError('This order was already placed'); } });
      const sim = new FlowSimulator({ flowJson: pizzaFlow, endpoint, publicKey: keys.publicKey });
      const error = await failure(sim, (s) => s.open({ action: 'data_exchange' }));
      expect(error).toBeInstanceOf(FlowTokenExpiredError);
      expect(error).toMatchObject({ error: 'flow-token-expired', status: 427, errorMessage: 'This order was already placed', name: 'FlowTokenExpiredError' });
    }
  });

  it('500 → unexpected_http_status_code; an unencrypted 200 → response-decryption-error', async () => {
    const broken = new FlowSimulator({ flowJson: pizzaFlow, endpoint: async () => new Response('oops', { status: 500 }), publicKey: keys.publicKey });
    expect(await failure(broken, (s) => s.open({ action: 'data_exchange' }))).toMatchObject({ error: 'unexpected_http_status_code', status: 500 });
    const plain = new FlowSimulator({ flowJson: pizzaFlow, endpoint: async () => Response.json({ screen: 'START', data: START }), publicKey: keys.publicKey });
    const unencrypted = await failure(plain, (s) => s.open({ action: 'data_exchange' }));
    expect(unencrypted).toMatchObject({ error: 'response-decryption-error', status: 200, message: expect.stringMatching(/the body is plain JSON: encrypt the response/) });
    expect(unencrypted.message).not.toMatch(/greeting|Hi/); // a response is never quoted in an error
  });

  it('no answer in time → timeout_error; nothing listening → no_http_response_error', async () => {
    const slow = new FlowSimulator({ flowJson: pizzaFlow, endpoint: () => new Promise<Response>(() => {}), publicKey: keys.publicKey, timeoutMs: 50 });
    expect(await failure(slow, (s) => s.open({ action: 'data_exchange' }))).toMatchObject({ error: 'timeout_error' });
    const server = await serve(async () => new Response(null, { status: 204 }));
    const url = server.url;
    await server.close();
    const gone = new FlowSimulator({ flowJson: pizzaFlow, endpoint: url, publicKey: keys.publicKey });
    expect(await failure(gone, (s) => s.open({ action: 'data_exchange' }))).toMatchObject({ error: 'no_http_response_error' });
  });

  it('a slow HTTP endpoint times out too', async () => {
    const server = await serve(() => new Promise<Response>((resolve) => setTimeout(() => resolve(new Response('late')), 500)));
    const sim = new FlowSimulator({ flowJson: pizzaFlow, endpoint: server.url, publicKey: keys.publicKey, timeoutMs: 100 });
    expect(await failure(sim, (s) => s.open({ action: 'data_exchange' }))).toMatchObject({ error: 'timeout_error' });
    await server.close();
  });
});

describe('a response body that breaks off', () => {
  it('is no_http_response_error, not a crash', async () => {
    const { FlowSimulator: Sim } = await import('../../src/simulator/index.js');
    const { generateKeyPairSync } = await import('node:crypto');
    const { publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048, publicKeyEncoding: { type: 'spki', format: 'pem' }, privateKeyEncoding: { type: 'pkcs8', format: 'pem' } });
    const broken = async () => new Response(new ReadableStream({ start: (c) => c.error(new TypeError('terminated')) }));
    const flowJson = {
      version: '7.3',
      data_api_version: '3.0',
      routing_model: { A: [] },
      screens: [{ id: 'A', title: 'A', terminal: true, data: {}, layout: { type: 'SingleColumnLayout', children: [{ type: 'Footer', label: 'Go', 'on-click-action': { name: 'data_exchange', payload: {} } }] } }],
    };
    const sim = new Sim({ flowJson, endpoint: broken, publicKey });
    const error = await sim.open({ action: 'data_exchange' }).catch((e: unknown) => e);
    expect((error as { error?: string }).error).toBe('no_http_response_error');
  });
});
