/**
 * `redisFlowSessions`: `req.session` on Redis, shared by every instance. One key per flow run (the endpoint passes
 * the SHA-256 of the flow token, never the token), a JSON string with a TTL counted again from each write. Each
 * operation is one command.
 */
import { DEFAULT_FLOW_SESSION_TTL_MS, type FlowSession, type FlowSessionStore } from '../../endpoint/sessions/store.js';
import { checkTtl } from '../../webhooks/dedupe.js';
import { checkPrefix, redisCommand, RedisStoreError } from './client.js';

/** Options of {@link redisFlowSessions}. */
export interface RedisFlowSessionsOptions {
  /** A connected node-redis (`redis` v4/v5) or ioredis client. */
  client: unknown;
  /** How long one command may take before it fails, in ms (default 5 000). */
  commandTimeoutMs?: number;
  /** Start of every key (default `'mca:session:'`). */
  prefix?: string;
  /** How long a session is kept after its last write, in ms (default 3 days, a flow token's default lifetime). */
  ttlMs?: number;
}

/** The session store on Redis, for `createFlowEndpoint({ flowSessions })`. */
export function redisFlowSessions(options: RedisFlowSessionsOptions): FlowSessionStore {
  const owner = 'redisFlowSessions';
  const command = redisCommand(options?.client, owner, options.commandTimeoutMs);
  const prefix = checkPrefix(owner, options.prefix, 'mca:session:');
  const ttl = String(Math.ceil(checkTtl(owner, 'ttlMs', options.ttlMs ?? DEFAULT_FLOW_SESSION_TTL_MS)));
  return {
    async get(key) {
      const json = await command(['GET', prefix + key]);
      if (json === null || json === undefined) return undefined;
      try {
        const session: unknown = JSON.parse(String(json));
        if (session && typeof session === 'object' && !Array.isArray(session)) return session as FlowSession;
      } catch {
        // fall through: not written by this store
      }
      throw new RedisStoreError(`${owner}: the key under ${prefix} holds something that is not a JSON object; is another program using this prefix?`);
    },
    async set(key, session) {
      await command(['SET', prefix + key, JSON.stringify(session), 'PX', ttl]);
    },
    async delete(key) {
      await command(['DEL', prefix + key]);
    },
  };
}
