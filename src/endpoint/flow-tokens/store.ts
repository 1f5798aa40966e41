/**
 * Where the endpoint remembers which `once` flow tokens have been used up, by the token's random id (never the
 * token). In memory for one process by default; `redisFlowTokens` (meta-cloud-api/stores/redis) for several.
 */
import type { Awaitable } from '../types.js';

/** A store of used token ids. Each operation is one round trip in the Redis store. */
export interface FlowTokenStore {
  /** Whether the token with this id has been used up. */
  isUsed(id: string): Awaitable<boolean>;
  /**
   * Marks it used, atomically, for `ttlMs` (until the token expires anyway). Resolves true for the caller that
   * marked it, false when it was already used (two completions at once: the second is refused).
   */
  markUsed(id: string, ttlMs: number): Awaitable<boolean>;
  /**
   * When the token was first used (ms since the epoch): records `now` the first time and returns the recorded time
   * ever after, for `keepMs`. Needed by the endpoint option `flowTokens.runTtlMs` (a run's lifetime measured from
   * its first request, as Meta advises); a store without it cannot serve that option.
   */
  firstUse?(id: string, now: number, keepMs: number): Awaitable<number>;
}

/** Options of {@link memoryFlowTokens}. */
export interface MemoryFlowTokensOptions {
  /** Most ids kept; past it the oldest are forgotten first (default 100 000). */
  maxSize?: number;
  /** The clock (tests). */
  now?: () => number;
}

/** An in-memory {@link FlowTokenStore} for one process. */
export function memoryFlowTokens(options: MemoryFlowTokensOptions = {}): FlowTokenStore {
  const maxSize = options.maxSize ?? 100_000;
  const now = options.now ?? Date.now;
  const used = new Map<string, number>();
  const started = new Map<string, { at: number; until: number }>();
  const isUsed = (id: string) => {
    const expiry = used.get(id);
    if (expiry === undefined) return false;
    if (expiry > now()) return true;
    used.delete(id);
    return false;
  };
  return {
    isUsed,
    firstUse(id, at, keepMs) {
      const known = started.get(id);
      if (known && known.until > now()) return known.at;
      started.set(id, { at, until: now() + keepMs });
      for (const first of started.keys()) {
        if (started.size <= maxSize) break;
        started.delete(first);
      }
      return at;
    },
    markUsed(id, ttlMs) {
      if (isUsed(id)) return false;
      used.set(id, now() + ttlMs);
      for (const first of used.keys()) {
        if (used.size <= maxSize) break;
        used.delete(first);
      }
      return true;
    },
  };
}

