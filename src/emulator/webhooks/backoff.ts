/** The sender's backoff, with the sender's option names: the formula is the SDK's one (internal/backoff.ts). */
import { backoffDelayMs as backoff } from '../../internal/backoff.js';

/**
 * Delay before retry number `retry` (1-based): `initialDelayMs` doubling each time, capped at `maxDelayMs`,
 * then reduced by up to 25 % of jitter (never above `maxDelayMs`).
 */
export function backoffDelayMs(retry: number, initialDelayMs: number, maxDelayMs: number, random: () => number = Math.random): number {
  return backoff(retry, { initialMs: initialDelayMs, maxMs: maxDelayMs }, random);
}
