import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createFlowEndpoint, FlowTokenInvalidError, type FlowEndpointOptions } from '../../src/endpoint/index-node.js';
import { createFlowEndpoint as createWebFlowEndpoint } from '../../src/endpoint/index.js';
import { EndpointMetrics } from '../../src/endpoint/metrics-recorder.js';
import type { EndpointMetricSample } from '../../src/endpoint/metrics.js';
import { errorKindOf, LATENCY_BUCKETS, latencyBucket } from '../../src/platform/endpoint-metrics.js';
import { keys, post, sealRequest } from './whatsapp-side.js';

describe('endpoint metric series (flows-platform §1.3.10)', () => {
  it("puts a latency in Meta's bucket: whole seconds rounded up, at least 1, past 10 s '10+'", () => {
    expect([0, 1, 999, 1000, 1001, 2000, 9999, 10_000, 10_001, 60_000].map(latencyBucket)).toEqual(['1', '1', '1', '1', '2', '2', '10', '10', '10+', '10+']);
    expect(LATENCY_BUCKETS).toHaveLength(11);
  });

  it('classifies answers as the client counts them', () => {
    expect(errorKindOf(200, 5)).toBeUndefined();
    expect(errorKindOf(427, 5)).toBeUndefined();
    expect(errorKindOf(421, 5)).toBe('decryption_error');
    expect(errorKindOf(504, 5)).toBe('timeout_error');
    expect(errorKindOf(200, 10_000)).toBe('timeout_error');
    for (const status of [400, 405, 413, 432, 500]) expect(errorKindOf(status, 5)).toBe('unexpected_http_status_code');
  });
});

describe('createFlowEndpoint measures itself', () => {
  const other = generateKeyPairSync('rsa', { modulusLength: 2048, publicKeyEncoding: { type: 'spki', format: 'pem' }, privateKeyEncoding: { type: 'pkcs8', format: 'pem' } });
  const make = (options: Partial<FlowEndpointOptions> = {}) => {
    const samples: EndpointMetricSample[] = [];
    const endpoint = createFlowEndpoint({
      privateKey: keys.privateKey,
      deadlineMs: 50,
      onMetrics: (sample) => samples.push(sample),
      onInit: () => ({ screen: 'START', data: {} }),
      screens: {
        EXPIRED: () => { throw new FlowTokenInvalidError('Gone'); },
        BROKEN: () => { throw new Error('boom'); },
        SLOW: () => new Promise<never>(() => undefined),
      },
      ...options,
    });
    return { endpoint, samples };
  };
  const exchange = (screen: string) => sealRequest({ version: '3.0', action: 'data_exchange', screen, flow_token: 'secret-flow-token', data: { card: '4111 1111' } }).body;

  it('counts requests, errors by kind, statuses, actions and ping availability', async () => {
    const { endpoint } = make();
    const statuses = [];
    for (const body of [
      sealRequest({ version: '3.0', action: 'ping' }).body,
      sealRequest({ version: '3.0', action: 'ping' }).body,
      sealRequest({ version: '3.0', action: 'INIT', flow_token: 'secret-flow-token' }).body,
      exchange('EXPIRED'),
      exchange('BROKEN'),
      exchange('SLOW'),
      sealRequest({ version: '3.0', action: 'data_exchange', flow_token: 't', data: { error: 'payload-schema-error' } }).body,
      sealRequest({ version: '3.0', action: 'ping' }, other.publicKey).body,
      'not json',
      sealRequest({ version: '3.0', action: 'made-up-action' }).body,
    ]) {
      statuses.push((await endpoint(post(body))).status);
    }
    expect(statuses).toEqual([200, 200, 200, 427, 500, 504, 200, 421, 400, 400]);
    const m = endpoint.metrics();
    expect(m.requests).toBe(10);
    expect(m.errors).toEqual({ timeout_error: 1, unexpected_http_status_code: 3, decryption_error: 1 });
    expect(m.errorRate).toBeCloseTo(5 / 10);
    expect(m.statuses).toEqual({ '200': 4, '400': 2, '421': 1, '427': 1, '500': 1, '504': 1 });
    expect(m.actions).toEqual({ INIT: 1, BACK: 0, data_exchange: 3, ping: 2, error_notification: 1, other: 3 });
    expect(m.availability).toEqual({ succeeded: 2, failed: 0 });
    expect(Object.values(m.latency).reduce((a, b) => a + b, 0)).toBe(10);
    expect(m.latency['1']).toBe(10);
    expect(m.latencySumMs).toBeGreaterThan(0);
    expect(m.at).toBeGreaterThanOrEqual(m.since);
  });

  it('a ping answered late or not with 200 is a failed health check; latency goes to its bucket', () => {
    const samples: EndpointMetricSample[] = [];
    const recorder = new EndpointMetrics(Date.now(), (s) => samples.push(s));
    recorder.record('ping', 200, 120);
    recorder.record('ping', 200, 10_500);
    recorder.record('ping', 500, 30);
    recorder.record('INIT', 200, 2_500);
    const m = recorder.snapshot();
    expect(m.availability).toEqual({ succeeded: 1, failed: 2 });
    expect(m.errors).toEqual({ timeout_error: 1, unexpected_http_status_code: 1, decryption_error: 0 });
    expect([m.latency['1'], m.latency['3'], m.latency['10+']]).toEqual([2, 1, 1]);
    expect(samples[1]).toEqual({ action: 'ping', status: 200, latencyMs: 10_500, latencyBucket: '10+', error: 'timeout_error' });
  });

  it('a request that fails before it is decrypted is not known to be a ping', async () => {
    // A key that cannot load fails every request before its action is known. On node:crypto createFlowEndpoint
    // throws such a key at once, so this runs on the Web Crypto build, where the key loads asynchronously.
    const endpoint = createWebFlowEndpoint({ privateKey: '-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----', onInit: () => ({ screen: 'START', data: {} }), onError: () => undefined });
    expect((await endpoint(post(sealRequest({ version: '3.0', action: 'ping' }).body))).status).toBe(500);
    // The key never loaded, so the request was never known to be a ping: it counts as `other`, not availability.
    expect(endpoint.metrics()).toMatchObject({ requests: 1, actions: { other: 1 }, availability: { succeeded: 0, failed: 0 }, errors: { unexpected_http_status_code: 1 } });
  });

  it('calls onMetrics once per request with one sample, never with tokens, screens or data', async () => {
    const { endpoint, samples } = make();
    await endpoint(post(exchange('EXPIRED')));
    await endpoint(post(exchange('BROKEN')));
    expect(samples).toHaveLength(2);
    expect(samples[0]).toEqual({ action: 'data_exchange', status: 427, latencyMs: expect.any(Number), latencyBucket: '1' });
    expect(samples[1]).toMatchObject({ action: 'data_exchange', status: 500, error: 'unexpected_http_status_code' });
    const text = JSON.stringify([samples, endpoint.metrics()]);
    for (const secret of ['secret-flow-token', '4111', 'EXPIRED', 'BROKEN', 'Gone', 'boom']) expect(text).not.toContain(secret);
  });

  it('a throwing onMetrics changes nothing; metrics: false measures nothing', async () => {
    const throwing = createFlowEndpoint({ privateKey: keys.privateKey, onInit: () => ({ screen: 'START', data: {} }), onMetrics: () => { throw new Error('sink down'); } });
    const init = sealRequest({ version: '3.0', action: 'INIT', flow_token: 't' }).body;
    expect((await throwing(post(init))).status).toBe(200);
    expect(throwing.metrics().requests).toBe(1);

    const samples: EndpointMetricSample[] = [];
    const off = createFlowEndpoint({ privateKey: keys.privateKey, metrics: false, onMetrics: (s) => samples.push(s), onInit: () => ({ screen: 'START', data: {} }) });
    expect((await off(post(init))).status).toBe(200);
    expect([off.metrics().requests, samples.length]).toEqual([0, 0]);
  });

  it('refuses a metrics option of the wrong type, saying what is expected', () => {
    const base = { privateKey: keys.privateKey, onInit: () => ({ screen: 'START', data: {} }) };
    expect(() => createFlowEndpoint({ ...base, onMetrics: 'yes' as never })).toThrow(/onMetrics must be a function; got string/);
    expect(() => createFlowEndpoint({ ...base, metrics: 'off' as never })).toThrow(/metrics must be true or false/);
  });

  it('before its first request an endpoint reports the empty snapshot; its first request is counted', async () => {
    // The recorder loads with the endpoint (issue 12: off the startup path); nothing is lost while it loads.
    const { endpoint, samples } = make();
    const empty = endpoint.metrics();
    expect(empty).toMatchObject({ requests: 0, errorRate: 0, latencySumMs: 0, statuses: {}, availability: { succeeded: 0, failed: 0 } });
    expect(Object.values(empty.latency).every((n) => n === 0) && Object.values(empty.actions).every((n) => n === 0)).toBe(true);
    await endpoint(post(sealRequest({ version: '3.0', action: 'ping' }).body));
    expect(endpoint.metrics()).toMatchObject({ since: empty.since, requests: 1, actions: { ping: 1 }, availability: { succeeded: 1 } });
    expect(samples).toHaveLength(1);
  });

  it('snapshots are copies: changing one does not change the counters', async () => {
    const { endpoint } = make();
    await endpoint(post(sealRequest({ version: '3.0', action: 'ping' }).body));
    const first = endpoint.metrics();
    first.errors.timeout_error = 99;
    first.latency['1'] = 99;
    expect(endpoint.metrics()).toMatchObject({ requests: 1, errors: { timeout_error: 0 }, latency: { '1': 1 } });
  });
});
