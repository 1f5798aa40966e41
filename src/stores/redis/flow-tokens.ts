/**
 * `redisFlowTokens`: which `once` flow tokens are used up, on Redis, shared by every instance. One key per used
 * token id (the token's random nonce, never the token), set with `SET NX PX` so two completions at once cannot
 * both use it; it expires when the token would have anyway. Each operation is one command.
 */
import type { FlowTokenStore } from '../../endpoint/flow-tokens/store.js';
import { checkPrefix, redisCommand } from './client.js';

/** Options of {@link redisFlowTokens}. */
export interface RedisFlowTokensOptions {
  /** A connected node-redis (`redis` v4/v5) or ioredis client. */
  client: unknown;
  /** How long one command may take before it fails, in ms (default 5 000). */
  commandTimeoutMs?: number;
  /** Start of every key (default `'mca:token:'`). */
  prefix?: string;
}

/** The used-token store on Redis, for `createFlowEndpoint({ flowTokens: { secret, store } })`. */
export function redisFlowTokens(options: RedisFlowTokensOptions): FlowTokenStore {
  const owner = 'redisFlowTokens';
  const command = redisCommand(options?.client, owner, options.commandTimeoutMs);
  const prefix = checkPrefix(owner, options.prefix, 'mca:token:');
  return {
    async isUsed(id) {
      return Number(await command(['EXISTS', prefix + id])) === 1;
    },
    async firstUse(id, now, keepMs) {
      // SET NX records the first use; a later request reads it back (two round trips only after the first request).
      const key = `${prefix}start:${id}`;
      const set = await command(['SET', key, String(now), 'NX', 'PX', String(Math.max(1, Math.ceil(keepMs)))]);
      if (set !== null && set !== undefined) return now;
      const recorded = Number(await command(['GET', key]));
      return Number.isFinite(recorded) && recorded > 0 ? recorded : now;
    },
    async markUsed(id, ttlMs) {
      const answer = await command(['SET', prefix + id, '1', 'NX', 'PX', String(Math.max(1, Math.ceil(ttlMs)))]);
      return answer !== null && answer !== undefined;
    },
  };
}
