/**
 * Remembers the webhook items already handed to a callback, so a delivery Meta repeats (it retries until it gets
 * a 2xx, and sometimes sends the same event twice) reaches the callbacks once.
 */
import { InvalidArgumentError } from '../core/base-errors.js';

/** Awaitable. */
type MaybePromise<T> = T | Promise<T>;

/**
 * Where seen ids are kept. The default is in memory, per process; for several instances behind a load balancer
 * pass a shared store (Redis `SET id 1 NX EX 86400`, a database table with a unique key, ...).
 */
export interface DedupeStore {
  /** Whether `id` was added (and has not expired). */
  has(id: string): MaybePromise<boolean>;
  /** Remembers `id`; called only after the callback for it succeeded. */
  add(id: string): MaybePromise<void>;
}

/** Options of {@link memoryDedupe}. */
export interface MemoryDedupeOptions {
  /** How long an id is remembered, in ms (default 24 hours; Meta retries for up to 7 days with falling frequency). */
  ttlMs?: number;
  /** Most ids kept; past it the oldest are forgotten first (default 10 000). */
  maxSize?: number;
  /** The clock (tests). */
  now?: () => number;
}

/** 24 hours. */
export const DEFAULT_DEDUPE_TTL_MS = 24 * 60 * 60 * 1000;
/** Ids kept by the default store. */
export const DEFAULT_DEDUPE_MAX_SIZE = 10_000;

/**
 * An in-memory {@link DedupeStore}: ids expire `ttlMs` after they were added, and at most `maxSize` are kept
 * (the oldest go first). Memory stays bounded whatever Meta sends.
 */
export function memoryDedupe(options: MemoryDedupeOptions = {}): DedupeStore {
  const ttl = options.ttlMs ?? DEFAULT_DEDUPE_TTL_MS;
  const maxSize = options.maxSize ?? DEFAULT_DEDUPE_MAX_SIZE;
  const now = options.now ?? Date.now;
  if (!(ttl > 0)) throw new InvalidArgumentError('memoryDedupe: ttlMs must be a positive number of milliseconds.');
  if (!Number.isInteger(maxSize) || maxSize < 1) throw new InvalidArgumentError('memoryDedupe: maxSize must be an integer >= 1.');
  // Insertion order is expiry order (every id lives ttl ms), so the oldest entry is always the first.
  const expiries = new Map<string, number>();

  const prune = (at: number): void => {
    for (const [id, expiry] of expiries) {
      if (expiry > at) break;
      expiries.delete(id);
    }
  };

  return {
    has(id) {
      const at = now();
      prune(at);
      const expiry = expiries.get(id);
      return expiry !== undefined && expiry > at;
    },
    add(id) {
      const at = now();
      prune(at);
      expiries.delete(id);
      expiries.set(id, at + ttl);
      while (expiries.size > maxSize) {
        const oldest = expiries.keys().next().value as string;
        expiries.delete(oldest);
      }
    },
  };
}

/** Whether a value can serve as a {@link DedupeStore}. */
export function isDedupeStore(value: unknown): value is DedupeStore {
  return !!value && typeof (value as DedupeStore).has === 'function' && typeof (value as DedupeStore).add === 'function';
}
