/**
 * Remembers the webhook items already handed to a callback, so a delivery Meta repeats (it retries until it gets
 * a 2xx, and sometimes sends the same event twice) reaches the callbacks once, even across several instances.
 *
 * The store is claim-based: `claim` answers atomically whether this caller may handle the item, so two instances
 * that receive the same delivery cannot both run the callback. A check-then-set store (`has`, then `add` after the
 * callback) lets both pass `has`: the race production systems report (flows-platform §6.8).
 */
import { InvalidArgumentError } from '../core/base-errors.js';

/** Awaitable. */
type MaybePromise<T> = T | Promise<T>;

/**
 * What `claim` found: `'claimed'` (this caller holds the item now and must `complete` or `release` it),
 * `'in-progress'` (someone else holds it: answer so Meta retries later), `'done'` (already handled).
 */
export type ClaimResult = 'claimed' | 'in-progress' | 'done';

/**
 * Where item ids are kept. The default is in memory, per process; for several instances behind a load balancer use
 * a shared store (`redisDedupe` from `meta-cloud-api/stores/redis`, or your own).
 */
export interface DedupeStore {
  /**
   * Takes `id` atomically if nobody holds it and it is not done. A claim lapses after `ttlMs` (default: the
   * store's own claim TTL), so the items of an instance that died are taken by another one.
   */
  claim(id: string, ttlMs?: number): MaybePromise<ClaimResult>;
  /** Marks `id` handled (kept for the de-duplication window); called after its callback succeeded. */
  complete(id: string): MaybePromise<void>;
  /** Gives `id` back after its callback failed, so Meta's retry can take it at once. */
  release(id: string): MaybePromise<void>;
}

/**
 * The earlier, check-then-set store: still accepted, with a one-time warning that it is not atomic across
 * instances (two instances can both pass `has`, a race production systems report).
 */
export interface LegacyDedupeStore {
  /** Whether `id` was added (and has not expired). */
  has(id: string): MaybePromise<boolean>;
  /** Remembers `id`; called only after the callback for it succeeded. */
  add(id: string): MaybePromise<void>;
}

/** Options of {@link memoryDedupe}. */
export interface MemoryDedupeOptions {
  /** How long a handled id is remembered, in ms (default 24 hours; Meta retries for up to 7 days with falling frequency). */
  ttlMs?: number;
  /** How long a claim holds before another caller may take the item, in ms (default 60 000; longer than your slowest callback). */
  claimTtlMs?: number;
  /** Most ids kept; past it the oldest are forgotten first (default 10 000). */
  maxSize?: number;
  /** The clock (tests). */
  now?: () => number;
}

/** 24 hours. */
export const DEFAULT_DEDUPE_TTL_MS = 24 * 60 * 60 * 1000;
/** How long a claim holds by default: one minute, well past the quick answer Meta expects from a webhook. */
export const DEFAULT_CLAIM_TTL_MS = 60 * 1000;
/** Ids kept by the default store. */
export const DEFAULT_DEDUPE_MAX_SIZE = 10_000;

/** Checks a TTL option: a positive, finite number of milliseconds. */
export function checkTtl(owner: string, name: string, value: number): number {
  if (typeof value !== 'number' || !(value > 0) || !Number.isFinite(value)) {
    throw new InvalidArgumentError(`${owner}: ${name} must be a positive number of milliseconds; got ${String(value)}.`);
  }
  return value;
}

/**
 * An in-memory {@link DedupeStore} for one process: handled ids expire `ttlMs` after they were completed, claims
 * `claimTtlMs` after they were taken, and at most `maxSize` ids are kept (the oldest go first).
 */
export function memoryDedupe(options: MemoryDedupeOptions = {}): DedupeStore & LegacyDedupeStore {
  const ttl = checkTtl('memoryDedupe', 'ttlMs', options.ttlMs ?? DEFAULT_DEDUPE_TTL_MS);
  const claimTtl = checkTtl('memoryDedupe', 'claimTtlMs', options.claimTtlMs ?? DEFAULT_CLAIM_TTL_MS);
  const maxSize = options.maxSize ?? DEFAULT_DEDUPE_MAX_SIZE;
  const now = options.now ?? Date.now;
  if (!Number.isInteger(maxSize) || maxSize < 1) throw new InvalidArgumentError('memoryDedupe: maxSize must be an integer >= 1.');
  // Insertion order: every write deletes and re-inserts, so the first entries are the oldest writes.
  const entries = new Map<string, { done: boolean; expiry: number }>();

  const live = (id: string, at: number) => {
    const entry = entries.get(id);
    if (entry && entry.expiry <= at) {
      entries.delete(id);
      return undefined;
    }
    return entry;
  };
  const put = (id: string, done: boolean, expiry: number) => {
    entries.delete(id);
    entries.set(id, { done, expiry });
    // Expired entries at the front go first, then the oldest while over the limit.
    const at = now();
    for (const [first, entry] of entries) {
      if (entry.expiry > at && entries.size <= maxSize) break;
      entries.delete(first);
    }
  };

  return {
    claim(id, ttlMs) {
      const at = now();
      const entry = live(id, at);
      if (entry) return entry.done ? 'done' : 'in-progress';
      put(id, false, at + (ttlMs ?? claimTtl));
      return 'claimed';
    },
    complete(id) {
      put(id, true, now() + ttl);
    },
    release(id) {
      const entry = entries.get(id);
      if (entry && !entry.done) entries.delete(id);
    },
    has(id) {
      return live(id, now())?.done === true;
    },
    add(id) {
      put(id, true, now() + ttl);
    },
  };
}

/** Whether a value is a claim-based {@link DedupeStore}. */
export function isDedupeStore(value: unknown): value is DedupeStore {
  const v = value as DedupeStore | null;
  return !!v && typeof v.claim === 'function' && typeof v.complete === 'function' && typeof v.release === 'function';
}

/** Whether a value is a check-then-set {@link LegacyDedupeStore}. */
export function isLegacyDedupeStore(value: unknown): value is LegacyDedupeStore {
  const v = value as LegacyDedupeStore | null;
  return !!v && typeof v.has === 'function' && typeof v.add === 'function';
}

const warned = new WeakSet<object>();

/**
 * A claim-based view of a `has`/`add` store. Claims are atomic inside this process only (a set of items in hand);
 * across instances two can still both pass `has`, which the one-time warning says.
 */
export function claimingLegacyStore(store: LegacyDedupeStore, warn: (message: string) => void = console.warn): DedupeStore {
  if (!warned.has(store)) {
    warned.add(store);
    warn(
      'meta-cloud-api webhooks: the dedupe store has only has()/add(), which is not atomic: two instances that receive the same delivery can both handle it. Give it claim(id, ttlMs), complete(id) and release(id) (redisDedupe from meta-cloud-api/stores/redis does).',
    );
  }
  const inHand = new Set<string>();
  return {
    async claim(id) {
      if (inHand.has(id)) return 'in-progress';
      // Taken before the first await, so a concurrent copy in this process sees it.
      inHand.add(id);
      try {
        if (await store.has(id)) {
          inHand.delete(id);
          return 'done';
        }
      } catch (error) {
        inHand.delete(id);
        throw error;
      }
      return 'claimed';
    },
    async complete(id) {
      try {
        await store.add(id);
      } finally {
        inHand.delete(id);
      }
    },
    release(id) {
      inHand.delete(id);
    },
  };
}
