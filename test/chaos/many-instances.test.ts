/**
 * Chaos (issue 16): 4 receiver processes (test/chaos/receiver.mjs: the built webhook handler with the Redis dedupe
 * behind the node adapter) share one redis-server. 200 distinct signed deliveries, each sent to all 4 at once, then
 * retried Meta's way until answered 200, then sent again: every item reaches a callback exactly once. Then one
 * instance is SIGKILLed while it is inside callbacks: the items it held are processed by another instance once
 * their claims lapse (500 ms here), none lost, none twice, and copies sent after completion change nothing.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createClient } from 'redis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRedisServer, type RedisServer } from '../helpers/redis-server.js';

const APP_SECRET = 'chaos-app-secret';
const PREFIX = 'chaos:';
const CLAIM_TTL_MS = 500;
const RECEIVER = join(dirname(fileURLToPath(import.meta.url)), 'receiver.mjs');

interface Instance {
  name: string;
  child: ChildProcess;
  port: number;
}

let server: RedisServer;
let redis: ReturnType<typeof createClient>;
const instances: Instance[] = [];

/** Starts one receiver and resolves with its port once it listens. */
function startReceiver(name: string): Promise<Instance> {
  const child = spawn(process.execPath, [RECEIVER], {
    env: { ...process.env, REDIS_URL: server.url, APP_SECRET, CLAIM_TTL_MS: String(CLAIM_TTL_MS), NAME: name, HANG_ON: 'r0', PREFIX },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => {
      const match = /listening (\d+)/.exec(d.toString());
      if (match) resolve({ name, child, port: Number(match[1]) });
    });
    child.once('exit', (code) => reject(new Error(`receiver ${name} exited (${code}) before listening: ${stderr}`)));
  });
}

function delivery(messageId: string): string {
  return JSON.stringify({
    object: 'whatsapp_business_account',
    entry: [
      {
        id: '102290129340398',
        changes: [
          {
            field: 'messages',
            value: {
              messaging_product: 'whatsapp',
              metadata: { display_phone_number: '15550783881', phone_number_id: '106540352242922' },
              contacts: [{ profile: { name: 'Kerry' }, wa_id: '16505551234' }],
              messages: [
                {
                  from: '16505551234',
                  id: messageId,
                  timestamp: '1714510003',
                  type: 'interactive',
                  interactive: { type: 'nfm_reply', nfm_reply: { name: 'flow', body: 'Sent', response_json: JSON.stringify({ flow_token: messageId }) } },
                },
              ],
            },
          },
        ],
      },
    ],
  });
}

/** POSTs one signed delivery; resolves with the status, or 0 when the connection failed (a killed instance). */
async function send(instance: Instance, messageId: string): Promise<number> {
  const body = delivery(messageId);
  const signature = `sha256=${createHmac('sha256', APP_SECRET).update(body).digest('hex')}`;
  try {
    const res = await fetch(`http://127.0.0.1:${instance.port}/webhook`, { method: 'POST', body, headers: { 'content-type': 'application/json', 'x-hub-signature-256': signature } });
    await res.arrayBuffer();
    return res.status;
  } catch {
    return 0;
  }
}

/** Meta's retries: the delivery goes to the live instances in turn until one answers 200 (bounded by a deadline). */
async function deliverUntil200(messageId: string, live: Instance[], deadlineMs = 20_000): Promise<number> {
  const deadline = Date.now() + deadlineMs;
  for (let attempt = 0; ; attempt++) {
    const status = await send(live[attempt % live.length]!, messageId);
    if (status === 200) return attempt + 1;
    if (Date.now() > deadline) throw new Error(`${messageId} was never answered 200 (last ${status})`);
    // Meta backs off between retries; a short pause keeps the loop from spinning while a claim is held.
    await new Promise((r) => setTimeout(r, 25));
  }
}

async function doneCounts(): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (const id of await redis.lRange(`${PREFIX}done`, 0, -1)) counts.set(id, (counts.get(id) ?? 0) + 1);
  return counts;
}

/** Polls Redis until `check` holds (bounded). */
async function eventually(check: () => Promise<boolean>, ms: number, what: string): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`not reached within ${ms} ms: ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

beforeAll(async () => {
  server = await startRedisServer();
  redis = createClient({ url: server.url });
  redis.on('error', () => undefined);
  await redis.connect();
  instances.push(...(await Promise.all(['r0', 'r1', 'r2', 'r3'].map(startReceiver))));
}, 60_000);

afterAll(async () => {
  for (const { child } of instances) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  redis?.destroy();
  await server?.stop();
});

describe('4 instances, one Redis', () => {
  it('200 deliveries, each sent to all 4 at once plus retries: every item reaches a callback exactly once', async () => {
    const ids = Array.from({ length: 200 }, (_, i) => `wamid.CHAOS_${i}`);
    const statuses = new Map<number, number>();
    for (let i = 0; i < ids.length; i += 25) {
      await Promise.all(
        ids.slice(i, i + 25).map(async (id) => {
          const answers = await Promise.all(instances.map((instance) => send(instance, id)));
          for (const s of answers) statuses.set(s, (statuses.get(s) ?? 0) + 1);
          // Every copy not answered 200 is retried, as Meta does, until one is.
          await Promise.all(answers.map((s, k) => (s === 200 ? undefined : deliverUntil200(id, [instances[k]!, ...instances]))));
        }),
      );
    }
    // Meta sends some deliveries again after a 200.
    await Promise.all(ids.slice(0, 50).map((id, k) => send(instances[k % 4]!, id)));
    const counts = await doneCounts();
    expect(counts.size).toBe(200);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
    // The race really happened: copies found the item held (503) or done (200 without a callback).
    expect(statuses.get(503) ?? 0).toBeGreaterThan(0);
    expect([...statuses.keys()].every((s) => s === 200 || s === 503)).toBe(true);
  }, 120_000);

  it('an instance SIGKILLed inside callbacks: its items are taken by others after the claim TTL, none lost, none twice', async () => {
    const [victim, ...live] = instances as [Instance, ...Instance[]];
    const ids = Array.from({ length: 20 }, (_, i) => `wamid.HANG_${i}`);
    // The victim claims every item and hangs inside each callback.
    const inFlight = ids.map((id) => send(victim, id));
    await eventually(async () => (await redis.lLen(`${PREFIX}started`)) === ids.length, 20_000, 'the victim started every callback');
    const killedAt = Date.now();
    victim.child.kill('SIGKILL');
    expect(await Promise.all(inFlight)).toEqual(ids.map(() => 0));
    // Meta retries on the live instances: 503 while the dead instance's claims hold, then one instance takes each.
    await Promise.all(ids.map((id) => deliverUntil200(id, live)));
    expect(Date.now() - killedAt).toBeGreaterThanOrEqual(CLAIM_TTL_MS - 50);
    // More copies after completion change nothing.
    await Promise.all(ids.map((id, k) => send(live[k % live.length]!, id)));
    const counts = await doneCounts();
    expect(ids.map((id) => counts.get(id))).toEqual(ids.map(() => 1));
    expect(counts.size).toBe(220);
  }, 120_000);
});
