/**
 * The retry schedule, proven instantly with an injected clock and random source: exact delays, jitter bounds,
 * Retry-After honoured (seconds or an HTTP date) and capped at 60 s, and the client following it end to end.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { RateLimitError } from '../../src/core/errors.js';
import { backoffDelayMs, JITTER, MAX_RETRY_AFTER_MS, parseRetryAfter, retryDelayMs } from '../../src/internal/backoff.js';
import { requestJson } from '../../src/internal/http.js';
import { recordingContext, throttled } from '../helpers/recorded-sleep.js';
import { CLIENT_BACKOFF } from '../../src/internal/retry.js';
import { startGraphServer, type GraphServer } from '../helpers/graph-server.js';

const NOW = Date.UTC(2026, 0, 1, 12, 0, 0);
const clock = () => NOW;
const noJitter = () => 0;
/** The largest value Math.random can return: the most jitter there is. */
const fullJitter = () => 1 - Number.EPSILON;

describe('backoff (CLIENT_BACKOFF: 0.5 s doubling to 8 s)', () => {
  it('doubles from 500 ms and stops at the 8 s cap', () => {
    const delays = [1, 2, 3, 4, 5, 6, 7].map((retry) => backoffDelayMs(retry, CLIENT_BACKOFF, noJitter));
    expect(delays).toEqual([500, 1_000, 2_000, 4_000, 8_000, 8_000, 8_000]);
  });

  it('jitter removes at most 25 % and never adds', () => {
    expect(JITTER).toBe(0.25);
    const most = [1, 2, 3, 4, 5].map((retry) => backoffDelayMs(retry, CLIENT_BACKOFF, fullJitter));
    expect(most).toEqual([375, 750, 1_500, 3_000, 6_000]);
    for (let i = 0; i <= 100; i++) {
      const r = i / 100 - (i === 100 ? Number.EPSILON : 0);
      for (let retry = 1; retry <= 6; retry++) {
        const base = Math.min(500 * 2 ** (retry - 1), 8_000);
        const delay = backoffDelayMs(retry, CLIENT_BACKOFF, () => r);
        expect(delay).toBeGreaterThanOrEqual(base * 0.75);
        expect(delay).toBeLessThanOrEqual(base);
      }
    }
  });

  it('is a pure function of the random source: the same draws replay the same schedule', () => {
    const draws = [0.1, 0.9, 0.5];
    const run = () => {
      let i = 0;
      return [1, 2, 3].map((retry) => backoffDelayMs(retry, CLIENT_BACKOFF, () => draws[i++]!));
    };
    expect(run()).toEqual(run());
    expect(run()).toEqual([488, 775, 1_750]);
  });
});

describe('Retry-After', () => {
  it('is honoured exactly up to 60 s, in seconds or as an HTTP date read against the injected clock', () => {
    expect(retryDelayMs(1, '7', CLIENT_BACKOFF, noJitter, clock)).toBe(7_000);
    expect(retryDelayMs(1, '0', CLIENT_BACKOFF, noJitter, clock)).toBe(0);
    expect(retryDelayMs(1, '60', CLIENT_BACKOFF, noJitter, clock)).toBe(MAX_RETRY_AFTER_MS);
    expect(retryDelayMs(1, new Date(NOW + 30_000).toUTCString(), CLIENT_BACKOFF, noJitter, clock)).toBe(30_000);
    expect(retryDelayMs(1, new Date(NOW - 5_000).toUTCString(), CLIENT_BACKOFF, noJitter, clock)).toBe(0);
  });

  it('is capped at 60 s: a longer one (or a malformed one) falls back to the backoff', () => {
    expect(MAX_RETRY_AFTER_MS).toBe(60_000);
    expect(retryDelayMs(2, '61', CLIENT_BACKOFF, noJitter, clock)).toBe(1_000);
    expect(retryDelayMs(2, new Date(NOW + 120_000).toUTCString(), CLIENT_BACKOFF, noJitter, clock)).toBe(1_000);
    expect(retryDelayMs(2, 'soon', CLIENT_BACKOFF, noJitter, clock)).toBe(1_000);
    expect(retryDelayMs(2, '-3', CLIENT_BACKOFF, noJitter, clock)).toBe(1_000);
    expect(parseRetryAfter('61', NOW)).toBe(61_000);
  });
});

describe('the client follows the schedule (real HTTP server, injected sleep, clock and random source)', () => {
  let server: GraphServer;
  beforeAll(async () => {
    server = await startGraphServer();
  });
  afterAll(() => server.close());
  beforeEach(() => {
    server.requests.length = 0;
  });
  afterEach(() => vi.restoreAllMocks());

  const get = (slept: number[], maxRetries: number) => requestJson(recordingContext(server.url, slept, maxRetries), { method: 'GET', path: '/1', retry: 'idempotent' });

  it('waits exactly 0.5, 1, 2, 4 s with no jitter, and 75 % of that with full jitter', async () => {
    vi.spyOn(Math, 'random').mockImplementation(noJitter);
    server.enqueue(throttled(), throttled(), throttled(), throttled());
    server.handle(() => ({ json: { id: '1' } }));
    const slept: number[] = [];
    await get(slept, 4);
    expect(slept).toEqual([500, 1_000, 2_000, 4_000]);

    vi.spyOn(Math, 'random').mockImplementation(fullJitter);
    server.enqueue(throttled(), throttled());
    const jittered: number[] = [];
    await get(jittered, 2);
    expect(jittered).toEqual([375, 750]);
  });

  it('waits what Retry-After asks (seconds, or an HTTP date against the clock), instead of the backoff', async () => {
    vi.spyOn(Math, 'random').mockImplementation(noJitter);
    vi.spyOn(Date, 'now').mockImplementation(clock);
    server.enqueue(throttled('13'), throttled(new Date(NOW + 42_000).toUTCString()));
    server.handle(() => ({ json: { id: '1' } }));
    const slept: number[] = [];
    await get(slept, 2);
    expect(slept).toEqual([13_000, 42_000]);
  });

  it('gives the error back at once when Retry-After asks for more than 60 s', async () => {
    vi.spyOn(Date, 'now').mockImplementation(clock);
    server.handle(() => throttled(new Date(NOW + 61_000).toUTCString()));
    const slept: number[] = [];
    await expect(get(slept, 2)).rejects.toBeInstanceOf(RateLimitError);
    expect(slept).toEqual([]);
    expect(server.requests).toHaveLength(1);
  });
});
