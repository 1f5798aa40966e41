/**
 * The one backoff formula: exponential delays with jitter, and Meta's `Retry-After`. Used by the client's retries
 * (internal/http.ts through retry.ts) and the emulator's webhook sender (emulator/webhooks/sender.ts).
 */

/** Share of a delay that jitter may remove (so concurrent retries spread out but delays still grow). */
export const JITTER = 0.25;
/** Longest `Retry-After` that is waited for; a longer one is given back to the caller instead. */
export const MAX_RETRY_AFTER_MS = 60_000;

export interface BackoffSchedule {
  /** Delay before the first retry. */
  initialMs: number;
  /** Cap on any delay. */
  maxMs: number;
}

/**
 * Delay before retry number `retry` (1-based): `initialMs` doubling each time, capped at `maxMs`, then reduced by
 * up to 25 % of jitter. Because jitter only subtracts, a delay never exceeds `maxMs` and keeps growing until the
 * cap is reached.
 */
export function backoffDelayMs(retry: number, schedule: BackoffSchedule, random: () => number = Math.random): number {
  const base = Math.min(schedule.initialMs * 2 ** (Math.max(1, retry) - 1), schedule.maxMs);
  return Math.round(base * (1 - JITTER * random()));
}

/** `Retry-After` in ms: delta-seconds or an HTTP date; undefined when absent or malformed. */
export function parseRetryAfter(value: string | null | undefined, now: number = Date.now()): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return seconds >= 0 ? Math.round(seconds * 1000) : undefined;
  const date = Date.parse(value);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}

/**
 * Delay before retry number `retry`: the server's `Retry-After` when it asks for at most {@link MAX_RETRY_AFTER_MS},
 * otherwise the backoff. (Whether to retry at all past that limit is the caller's choice.) `random` (in [0, 1))
 * and `now` (epoch ms, for an HTTP-date `Retry-After`) are injectable so tests replay a schedule exactly.
 */
export function retryDelayMs(
  retry: number,
  retryAfterHeader: string | null | undefined,
  schedule: BackoffSchedule,
  random: () => number = Math.random,
  now: () => number = Date.now,
): number {
  const fromHeader = parseRetryAfter(retryAfterHeader, now());
  if (fromHeader !== undefined && fromHeader <= MAX_RETRY_AFTER_MS) return fromHeader;
  return backoffDelayMs(retry, schedule, random);
}
