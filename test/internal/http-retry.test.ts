/** The client's HTTP layer waits what the one backoff formula says: Retry-After up to 60 s, the backoff otherwise. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { RateLimitError } from '../../src/core/errors.js';
import { requestJson } from '../../src/internal/http.js';
import { recordingContext, throttled } from '../helpers/recorded-sleep.js';
import { startGraphServer, type GraphServer } from '../helpers/graph-server.js';

let server: GraphServer;
beforeAll(async () => {
  server = await startGraphServer();
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
});


describe('waits between attempts', () => {
  it('exactly what Retry-After asks, up to 60 s', async () => {
    server.enqueue(throttled('7'), throttled('60'));
    server.handle(() => ({ json: { id: '1' } }));
    const slept: number[] = [];
    await requestJson(recordingContext(server.url, slept), { method: 'GET', path: '/1', retry: 'idempotent' });
    expect(slept).toEqual([7_000, 60_000]);
  });

  it('the backoff (0.5 s then 1 s, minus up to 25 % jitter) without Retry-After', async () => {
    server.enqueue(throttled(), throttled());
    server.handle(() => ({ json: { id: '1' } }));
    const slept: number[] = [];
    await requestJson(recordingContext(server.url, slept), { method: 'GET', path: '/1', retry: 'idempotent' });
    expect(slept).toHaveLength(2);
    expect(slept[0]).toBeGreaterThanOrEqual(375);
    expect(slept[0]).toBeLessThanOrEqual(500);
    expect(slept[1]).toBeGreaterThanOrEqual(750);
    expect(slept[1]).toBeLessThanOrEqual(1_000);
  });

  it('gives the error back, without retrying early, when Retry-After asks for more than 60 s', async () => {
    server.handle(() => throttled('61'));
    const slept: number[] = [];
    await expect(requestJson(recordingContext(server.url, slept), { method: 'GET', path: '/1', retry: 'idempotent' })).rejects.toBeInstanceOf(RateLimitError);
    expect(slept).toEqual([]);
    expect(server.requests).toHaveLength(1);
  });
});
