/** Failures that speak: without onError the endpoint and webhook handlers log each failure once, redacted. */
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { createFlowEndpoint } from '../../src/endpoint/index-node.js';
import { createWebhookHandler } from '../../src/webhooks/index.js';
import { hubSignature, keys, post, sealRequest } from '../endpoint/whatsapp-side.js';
import { APP_SECRET, completionBody, post as postWebhook } from '../webhooks/helpers.js';

const FLOW_TOKEN = 'flow-token-5f1c2a9be3';
const ENDPOINT_SECRET = 'endpoint-app-secret-77aa';

let errorLog: MockInstance<typeof console.error>;
beforeEach(() => {
  errorLog = vi.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterEach(() => errorLog.mockRestore());

const logged = () => errorLog.mock.calls.map((args) => args.map(String).join(' '));

function signedExchange(payload: Record<string, unknown>): Request {
  const body = sealRequest(payload).body;
  return post(body, { 'x-hub-signature-256': hubSignature(body, ENDPOINT_SECRET) });
}

describe('flow endpoint failures', () => {
  const exchange = { version: '3.0', action: 'data_exchange', screen: 'PAY', flow_token: FLOW_TOKEN, data: { card: '4111111111111111' } };

  it('logs a throwing handler once to console.error: class and message, never a secret, the flow token or the payload', async () => {
    const endpoint = createFlowEndpoint({
      privateKey: keys.privateKey,
      appSecret: ENDPOINT_SECRET,
      screens: { PAY: () => { throw new TypeError(`card declined for ${FLOW_TOKEN} (secret ${ENDPOINT_SECRET})`); } },
    });
    const response = await endpoint(signedExchange(exchange));
    expect(response.status).toBe(500);
    expect(await response.text()).toBe('');
    expect(errorLog).toHaveBeenCalledTimes(1);
    const [line] = logged();
    expect(line).toMatch(/^meta-cloud-api flow endpoint: TypeError: card declined for \[REDACTED\]/);
    expect(line).toContain('action data_exchange');
    for (const secret of [FLOW_TOKEN, ENDPOINT_SECRET, '4111111111111111', 'BEGIN']) expect(line).not.toContain(secret);
    expect(line).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('logs a handler past the deadline (504) and a request no handler serves (400), once each', async () => {
    const endpoint = createFlowEndpoint({ privateKey: keys.privateKey, deadlineMs: 20, screens: { SLOW: () => new Promise<never>(() => undefined) } });
    expect((await endpoint(post(sealRequest({ ...exchange, screen: 'SLOW' }).body))).status).toBe(504);
    expect((await endpoint(post(sealRequest({ ...exchange, screen: 'OTHER' }).body))).status).toBe(400);
    const lines = logged();
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/EndpointError \(504\): The flow handler did not answer within 20 ms/);
    expect(lines[1]).toMatch(/EndpointError \(400\): No handler for action data_exchange/);
  });

  it('onError replaces the log: called once per failure, nothing printed', async () => {
    const onError = vi.fn();
    const endpoint = createFlowEndpoint({ privateKey: keys.privateKey, onError, screens: { PAY: () => { throw new Error('boom'); } } });
    expect((await endpoint(post(sealRequest(exchange).body))).status).toBe(500);
    expect(onError).toHaveBeenCalledTimes(1);
    expect(onError.mock.calls[0]![0]).toBeInstanceOf(Error);
    expect(errorLog).not.toHaveBeenCalled();
  });

  it('does not log what is not a failure of the endpoint (a good answer, a 432, a FlowTokenInvalidError)', async () => {
    const endpoint = createFlowEndpoint({ privateKey: keys.privateKey, appSecret: ENDPOINT_SECRET, onRequest: () => ({ screen: 'DONE', data: {} }) });
    expect((await endpoint(signedExchange(exchange))).status).toBe(200);
    expect((await endpoint(post(sealRequest(exchange).body))).status).toBe(432);
    expect(errorLog).not.toHaveBeenCalled();
  });
});

describe('webhook handler failures', () => {
  it('logs a throwing callback once (answered 500, empty body), with the phase and event kind, never the payload', async () => {
    const handler = createWebhookHandler({ appSecret: APP_SECRET, onFlowCompletion: () => { throw new RangeError(`could not store it (${APP_SECRET})`); } });
    const answer = await postWebhook(handler, completionBody());
    expect(answer.status).toBe(500);
    expect(answer.text).toBe('');
    expect(errorLog).toHaveBeenCalledTimes(1);
    const [line] = logged();
    expect(line).toMatch(/^meta-cloud-api webhook handler: RangeError: could not store it \(\[REDACTED\]\) \(callback, event flow_completion\)/);
    for (const secret of [APP_SECRET, 'order-1234', 'Great']) expect(line).not.toContain(secret);
  });

  it('onError replaces the log', async () => {
    const onError = vi.fn();
    const handler = createWebhookHandler({ appSecret: APP_SECRET, onError, onFlowCompletion: () => { throw new Error('down'); } });
    expect((await postWebhook(handler, completionBody())).status).toBe(500);
    expect(onError).toHaveBeenCalledTimes(1);
    expect(onError.mock.calls[0]![1]).toMatchObject({ phase: 'callback' });
    expect(errorLog).not.toHaveBeenCalled();
  });

  it('logs a failing de-duplication store (the item is not handed over; 500, so Meta delivers it again)', async () => {
    const handled = vi.fn();
    const dedupe = { claim: () => Promise.reject(new Error('redis down')), complete: async () => undefined, release: async () => undefined };
    const handler = createWebhookHandler({ appSecret: APP_SECRET, onFlowCompletion: handled, dedupe });
    expect((await postWebhook(handler, completionBody())).status).toBe(500);
    expect(handled).not.toHaveBeenCalled();
    expect(logged()).toEqual([expect.stringMatching(/Error: redis down \(dedupe, event flow_completion\)/)]);
  });
});
