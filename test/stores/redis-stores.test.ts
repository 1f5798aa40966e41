/**
 * The Redis stores against a real redis-server, with both clients (node-redis and ioredis): every operation, its
 * round trips, expiry, the Lua scripts (claim, release) and what a Redis failure looks like.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { redisDedupe, redisFlowSessions, redisFlowTokens, RedisStoreError } from '../../src/stores/redis/index.js';
import { InvalidArgumentError } from '../../src/core/base-errors.js';
import { startRedisServer, type RedisServer } from '../helpers/redis-server.js';
import { CLIENT_KINDS, connectClient, type TestClient } from './clients.js';

let server: RedisServer;
beforeAll(async () => {
  server = await startRedisServer();
});
afterAll(async () => {
  await server?.stop();
});

/** Resolves once `check` holds, polling Redis (key expiry is Redis's clock); fails after `ms`. */
async function eventually(check: () => Promise<boolean>, ms = 3_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not reached in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe.each(CLIENT_KINDS)('with %s', (kind) => {
  let c: TestClient;
  beforeAll(async () => {
    c = await connectClient(kind, server.url);
  });
  afterAll(async () => {
    await c?.close();
  });

  it('redisDedupe: claim, in-progress, release, claim again, complete, done; one round trip each', async () => {
    const prefix = `${kind}:d1:`;
    const a = redisDedupe({ client: c.client, prefix });
    const b = redisDedupe({ client: c.client, prefix }); // another instance
    c.commands.length = 0;
    expect(await a.claim('item')).toBe('claimed');
    expect(c.commands).toHaveLength(1);
    expect(await b.claim('item')).toBe('in-progress');
    await b.release('item'); // not b's claim: kept
    expect(await a.claim('item')).toBe('in-progress');
    await a.release('item');
    expect(await b.claim('item')).toBe('claimed');
    await b.complete('item');
    expect(await a.claim('item')).toBe('done');
    await a.release('item'); // done stays done
    expect(await b.claim('item')).toBe('done');
    // claim, claim, release, claim, release, claim, complete, claim, release, claim
    expect(c.commands).toHaveLength(10);
    expect(await c.raw(['GET', `${prefix}item`])).toBe('done');
    const ttl = Number(await c.raw(['PTTL', `${prefix}item`]));
    expect(ttl).toBeGreaterThan(24 * 3600 * 1000 - 60_000);
  });

  it('redisDedupe: a claim lapses after claimTtlMs, and another instance takes the item', async () => {
    const prefix = `${kind}:d2:`;
    const dead = redisDedupe({ client: c.client, prefix, claimTtlMs: 100 });
    const alive = redisDedupe({ client: c.client, prefix, claimTtlMs: 100 });
    expect(await dead.claim('x')).toBe('claimed');
    expect(await alive.claim('x')).toBe('in-progress');
    await eventually(async () => (await alive.claim('x')) === 'claimed');
    // The first instance comes back late: its release must not drop the new holder's claim.
    await dead.release('x');
    expect(await dead.claim('x')).toBe('in-progress');
  });

  it('redisDedupe: the Lua scripts are loaded again after SCRIPT FLUSH (EVALSHA falls back to EVAL)', async () => {
    const store = redisDedupe({ client: c.client, prefix: `${kind}:d3:` });
    expect(await store.claim('y')).toBe('claimed');
    await c.raw(['SCRIPT', 'FLUSH']);
    c.commands.length = 0;
    expect(await store.claim('y')).toBe('in-progress');
    expect(c.commands).toEqual(['EVALSHA', 'EVAL']); // NOSCRIPT, then the script again
    c.commands.length = 0;
    expect(await store.claim('y')).toBe('in-progress');
    expect(c.commands).toEqual(['EVALSHA']);
  });

  it('redisFlowSessions: get, set (with TTL), delete; one command each', async () => {
    const store = redisFlowSessions({ client: c.client, prefix: `${kind}:s:`, ttlMs: 200 });
    c.commands.length = 0;
    expect(await store.get('k')).toBeUndefined();
    await store.set('k', { step: 2, cart: ['a'] });
    expect(await store.get('k')).toEqual({ step: 2, cart: ['a'] });
    await store.delete('k');
    expect(await store.get('k')).toBeUndefined();
    expect(c.commands).toEqual(['GET', 'SET', 'GET', 'DEL', 'GET']);
    await store.set('k', { step: 3 });
    await eventually(async () => (await store.get('k')) === undefined);
    await c.raw(['SET', `${kind}:s:bad`, 'not json']);
    await expect(store.get('bad')).rejects.toThrow(/not a JSON object/);
  });

  it('redisFlowTokens: markUsed is atomic (second caller false), isUsed, expiry', async () => {
    const store = redisFlowTokens({ client: c.client, prefix: `${kind}:t:` });
    expect(await store.isUsed('n1')).toBe(false);
    const both = await Promise.all([store.markUsed('n1', 60_000), store.markUsed('n1', 60_000)]);
    expect(both.sort()).toEqual([false, true]);
    expect(await store.isUsed('n1')).toBe(true);
    expect(await store.markUsed('n2', 100)).toBe(true);
    await eventually(async () => !(await store.isUsed('n2')));
  });

  it('redisFlowTokens: firstUse records the first time and returns it after, shared by every caller, until keepMs', async () => {
    const store = redisFlowTokens({ client: c.client, prefix: `${kind}:t:` });
    const firsts = await Promise.all([store.firstUse!('r1', 1_000, 60_000), store.firstUse!('r1', 2_000, 60_000)]);
    expect(firsts).toEqual([1_000, 1_000]);
    expect(await store.firstUse!('r1', 9_000, 60_000)).toBe(1_000);
    expect(await store.firstUse!('r2', 5_000, 100)).toBe(5_000);
    await eventually(async () => (await store.firstUse!('r2', 7_000, 100)) === 7_000);
  });
});

describe('client detection and failures', () => {
  it('refuses what is not a node-redis or ioredis client, saying what to pass', () => {
    for (const make of [redisDedupe, redisFlowSessions, redisFlowTokens] as Array<(o: { client: unknown }) => unknown>) {
      expect(() => make({ client: {} })).toThrow(InvalidArgumentError);
      expect(() => make({ client: undefined })).toThrow(/connected node-redis client/);
    }
    expect(() => redisDedupe({ client: { sendCommand: () => null }, claimTtlMs: -1 })).toThrow(/claimTtlMs must be a positive/);
  });

  it('a Redis failure is a RedisStoreError naming the command, never the arguments', async () => {
    const failing = {
      sendCommand: () => Promise.reject(Object.assign(new Error('Connection is closed.'), { command: { args: ['mca:session:secret-key', '{"pin":"1234"}'] } })),
    };
    const sessions = redisFlowSessions({ client: failing });
    const error = await Promise.resolve(sessions.set('secret-key', { pin: '1234' })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RedisStoreError);
    expect((error as Error).message).toBe('redisFlowSessions: Redis SET failed (Error: Connection is closed.).');
    expect((error as Error).cause).toBeUndefined();
  });

  it('with the server gone, every store rejects (the handlers turn that into a 500)', async () => {
    const own = await startRedisServer();
    const c = await connectClient('node-redis', own.url);
    // node-redis queues commands while it reconnects: the store's command timeout turns that into a failure.
    const store = redisDedupe({ client: c.client, commandTimeoutMs: 300 });
    expect(await store.claim('z')).toBe('claimed');
    await own.stop();
    const error = await Promise.resolve(store.claim('z2')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RedisStoreError);
    expect((error as Error).message).toMatch(/^redisDedupe: Redis (did not answer EVAL(SHA)?|EVAL(SHA)? failed)/);
    await c.close().catch(() => undefined);
  });
});
