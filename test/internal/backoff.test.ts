/** The one backoff formula (internal/backoff.ts): bounds, jitter range, Retry-After up to 60 s. */
import { describe, expect, it } from 'vitest';
import { backoffDelayMs, JITTER, MAX_RETRY_AFTER_MS, parseRetryAfter, retryDelayMs } from '../../src/internal/backoff.js';
import { CLIENT_BACKOFF } from '../../src/internal/retry.js';

const schedule = { initialMs: 500, maxMs: 8_000 };

describe('backoffDelayMs', () => {
  it('doubles from initialMs and stops at maxMs (no jitter drawn)', () => {
    expect([1, 2, 3, 4, 5, 6, 7].map((n) => backoffDelayMs(n, schedule, () => 0))).toEqual([500, 1_000, 2_000, 4_000, 8_000, 8_000, 8_000]);
  });

  it('jitter only subtracts, by at most 25 %', () => {
    expect(JITTER).toBe(0.25);
    // random() is in [0, 1): the largest draw takes just under a quarter off.
    expect(backoffDelayMs(3, schedule, () => 0.999_999)).toBe(1_500);
    for (let retry = 1; retry <= 8; retry++) {
      const base = Math.min(500 * 2 ** (retry - 1), 8_000);
      for (let i = 0; i < 200; i++) {
        const delay = backoffDelayMs(retry, schedule);
        expect(delay).toBeGreaterThanOrEqual(base * 0.75);
        expect(delay).toBeLessThanOrEqual(base);
      }
    }
  });

  it('spreads concurrent retries (the jitter is random, not fixed)', () => {
    const delays = new Set(Array.from({ length: 50 }, () => backoffDelayMs(4, schedule)));
    expect(delays.size).toBeGreaterThan(10);
  });

  it('never exceeds the cap, however many retries', () => {
    expect(backoffDelayMs(60, { initialMs: 500, maxMs: 30_000 }, () => 0)).toBe(30_000);
    expect(backoffDelayMs(1_000, { initialMs: 500, maxMs: 30_000 }, () => 0)).toBe(30_000);
  });
});

describe('Retry-After', () => {
  it('parses delta-seconds and HTTP dates; ignores anything else', () => {
    expect(parseRetryAfter('3')).toBe(3_000);
    expect(parseRetryAfter('0.5')).toBe(500);
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:20 GMT', now)).toBe(20_000);
    expect(parseRetryAfter('Wed, 31 Dec 2025 23:59:00 GMT', now)).toBe(0);
    for (const bad of [undefined, null, '', 'soon', '-1']) expect(parseRetryAfter(bad)).toBeUndefined();
  });

  it('is honoured up to 60 s, even above the backoff cap', () => {
    expect(MAX_RETRY_AFTER_MS).toBe(60_000);
    expect(retryDelayMs(1, '3', CLIENT_BACKOFF, () => 0)).toBe(3_000);
    expect(retryDelayMs(1, '0', CLIENT_BACKOFF, () => 0)).toBe(0);
    expect(retryDelayMs(1, '60', CLIENT_BACKOFF, () => 0)).toBe(60_000);
  });

  it('past 60 s, or malformed, falls back to the backoff', () => {
    expect(retryDelayMs(2, '61', CLIENT_BACKOFF, () => 0)).toBe(1_000);
    expect(retryDelayMs(2, 'later', CLIENT_BACKOFF, () => 0)).toBe(1_000);
    expect(retryDelayMs(2, undefined, CLIENT_BACKOFF, () => 0)).toBe(1_000);
  });
});
