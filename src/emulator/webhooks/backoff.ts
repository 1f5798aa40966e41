/** Share of a retry delay that jitter may remove (so concurrent retries spread out but delays still grow). */
const JITTER = 0.25;

/**
 * Delay before retry number `retry` (1-based): `initialDelayMs` doubling each time, capped at `maxDelayMs`,
 * then reduced by up to 25 % of jitter. Because jitter only subtracts, the delay never exceeds `maxDelayMs`
 * and keeps growing until the cap is reached.
 */
export function backoffDelayMs(retry: number, initialDelayMs: number, maxDelayMs: number, random: () => number = Math.random): number {
  const base = Math.min(initialDelayMs * 2 ** (retry - 1), maxDelayMs);
  return Math.round(base * (1 - JITTER * random()));
}
