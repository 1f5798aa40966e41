/**
 * Where `req.session` lives between the screens of one flow run: a small JSON object per flow token, kept for a
 * TTL. The endpoint keys it by the SHA-256 of the token (never the token itself). In memory for one process here;
 * `redisFlowSessions` (meta-cloud-api/stores/redis) for several instances.
 */
import { InvalidArgumentError } from '../../core/base-errors.js';
import { DEFAULT_FLOW_TOKEN_TTL_MS } from '../../platform/flow-tokens.js';
import type { Awaitable } from '../types.js';

/** The state kept between screens: a JSON object. */
export type FlowSession = Record<string, unknown>;

/** A session store. Each operation is one round trip in the Redis store. */
export interface FlowSessionStore {
  /** The session kept under `key`, or undefined (never written, or expired). */
  get(key: string): Awaitable<FlowSession | undefined>;
  /** Keeps `session` under `key` for the store's TTL (counted again from each write). */
  set(key: string, session: FlowSession): Awaitable<void>;
  /** Forgets `key`. */
  delete(key: string): Awaitable<void>;
}

/** Default session lifetime: 3 days, as long as a flow token lives by default. */
export const DEFAULT_FLOW_SESSION_TTL_MS = DEFAULT_FLOW_TOKEN_TTL_MS;

/** Options of {@link memoryFlowSessions}. */
export interface MemoryFlowSessionsOptions {
  /** How long a session is kept after its last write, in ms (default 3 days). */
  ttlMs?: number;
  /** Most sessions kept; past it the least recently written go first (default 10 000). */
  maxSize?: number;
  /** The clock (tests). */
  now?: () => number;
}

/** An in-memory {@link FlowSessionStore} for one process. Sessions are copied in and out (JSON), as Redis would. */
export function memoryFlowSessions(options: MemoryFlowSessionsOptions = {}): FlowSessionStore {
  const ttl = options.ttlMs ?? DEFAULT_FLOW_SESSION_TTL_MS;
  if (typeof ttl !== 'number' || !(ttl > 0) || !Number.isFinite(ttl)) throw new InvalidArgumentError(`memoryFlowSessions: ttlMs must be a positive number of milliseconds; got ${String(ttl)}.`);
  const maxSize = options.maxSize ?? 10_000;
  if (!Number.isInteger(maxSize) || maxSize < 1) throw new InvalidArgumentError('memoryFlowSessions: maxSize must be an integer >= 1.');
  const now = options.now ?? Date.now;
  const sessions = new Map<string, { json: string; expiry: number }>();
  return {
    get(key) {
      const entry = sessions.get(key);
      if (!entry) return undefined;
      if (entry.expiry <= now()) {
        sessions.delete(key);
        return undefined;
      }
      return JSON.parse(entry.json) as FlowSession;
    },
    set(key, session) {
      sessions.delete(key);
      sessions.set(key, { json: JSON.stringify(session), expiry: now() + ttl });
      for (const first of sessions.keys()) {
        if (sessions.size <= maxSize) break;
        sessions.delete(first);
      }
    },
    delete(key) {
      sessions.delete(key);
    },
  };
}

