// Evidence: flows-platform §6.8 (an atomic claim with SET NX PX before processing is the known fix for the race).
/**
 * `redisDedupe`: the webhook de-duplication store on Redis, shared by every instance. One key per item:
 * a claim (`SET key <owner> NX PX claimTtl`) holds it while one instance runs the callback;
 * `done` replaces it for the de-duplication window once the callback succeeded; a failed callback deletes the
 * claim, but only if this store still owns it. Each operation is one round trip (a Lua script or one command).
 */
import { checkTtl, DEFAULT_CLAIM_TTL_MS, DEFAULT_DEDUPE_TTL_MS, type ClaimResult, type DedupeStore } from '../../webhooks/dedupe.js';
import { checkPrefix, redisCommand, redisScript } from './client.js';

/** Options of {@link redisDedupe}. */
export interface RedisDedupeOptions {
  /** A connected node-redis (`redis` v4/v5) or ioredis client. */
  client: unknown;
  /** How long one command may take before it fails, in ms (default 5 000). */
  commandTimeoutMs?: number;
  /** Start of every key (default `'mca:dedupe:'`). */
  prefix?: string;
  /** How long a handled item is remembered, in ms (default 24 hours). */
  ttlMs?: number;
  /** How long a claim holds before another instance may take the item, in ms (default 60 000; longer than your slowest callback). */
  claimTtlMs?: number;
}

/** Takes the item when free; otherwise says whether it is done or held. */
const CLAIM = `
if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then return 'claimed' end
if redis.call('GET', KEYS[1]) == 'done' then return 'done' end
return 'in-progress'`;

/** Deletes the claim only when this owner still holds it (it may have lapsed and been taken by another instance). */
const RELEASE = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`;

/** The de-duplication store on Redis, for `createWebhookHandler({ dedupe })`. */
export function redisDedupe(options: RedisDedupeOptions): DedupeStore {
  const owner = 'redisDedupe';
  const command = redisCommand(options?.client, owner, options.commandTimeoutMs);
  const prefix = checkPrefix(owner, options.prefix, 'mca:dedupe:');
  const ttl = String(Math.ceil(checkTtl(owner, 'ttlMs', options.ttlMs ?? DEFAULT_DEDUPE_TTL_MS)));
  const claimTtl = checkTtl(owner, 'claimTtlMs', options.claimTtlMs ?? DEFAULT_CLAIM_TTL_MS);
  // Who holds a claim: this store object (one per process), so a lapsed claim taken over elsewhere is never deleted here.
  const holder = `claim:${globalThis.crypto.randomUUID()}`;
  const claim = redisScript(command, CLAIM);
  const release = redisScript(command, RELEASE);
  return {
    async claim(id, ttlMs) {
      const answer = await claim.run([prefix + id], [holder, String(Math.ceil(ttlMs ?? claimTtl))]);
      return String(answer) as ClaimResult;
    },
    async complete(id) {
      await command(['SET', prefix + id, 'done', 'PX', ttl]);
    },
    async release(id) {
      await release.run([prefix + id], [holder]);
    },
  };
}
