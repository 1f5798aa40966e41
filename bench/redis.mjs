#!/usr/bin/env node
/**
 * The cost of the Redis path (issue 16), against the in-memory stores, in one run with interleaved rounds
 * (bench/lib/report.mjs): per webhook item (createWebhookHandler with redisDedupe vs memoryDedupe) and per endpoint
 * request (createFlowEndpoint with flowTokens + flowSessions on redisFlowTokens/redisFlowSessions vs the memory
 * stores). Round trips are counted with a wrapper around the client. Starts its own redis-server on 127.0.0.1 with
 * a temporary directory and stops it. Needs `npm run build` first and `redis-server` on PATH.
 *
 *   node bench/redis.mjs [--items 200] [--rounds 12] [--json] [--quick]
 */
import { spawn } from 'node:child_process';
import { constants, createCipheriv, createHmac, generateKeyPairSync, publicEncrypt, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createClient } from 'redis';
import { createFlowEndpoint, issueFlowToken, memoryFlowSessions, memoryFlowTokens } from 'meta-cloud-api/endpoint';
import { redisDedupe, redisFlowSessions, redisFlowTokens } from 'meta-cloud-api/stores/redis';
import { createWebhookHandler, memoryDedupe } from 'meta-cloud-api/webhooks';
import { makeRow, median, report } from './lib/report.mjs';

const { values } = parseArgs({ options: { items: { type: 'string', default: '200' }, rounds: { type: 'string', default: '12' }, json: { type: 'boolean', default: false }, quick: { type: 'boolean', default: false } } });
const N = values.quick ? 20 : Number(values.items);
const ROUNDS = values.quick ? 1 : Number(values.rounds);

// --- redis-server on a free port, with a temporary directory ---
const port = await new Promise((resolve) => {
  const s = createServer().listen(0, '127.0.0.1', () => {
    const p = s.address().port;
    s.close(() => resolve(p));
  });
});
const dir = mkdtempSync(join(tmpdir(), 'mca-bench-redis-'));
const redisServer = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
const client = createClient({ url: `redis://127.0.0.1:${port}`, socket: { reconnectStrategy: false } });
client.on('error', () => undefined);
for (let deadline = Date.now() + 10_000; ; ) {
  try {
    await client.connect();
    break;
  } catch (error) {
    if (Date.now() > deadline) throw error;
    await new Promise((r) => setTimeout(r, 50));
  }
}
// Every command the stores send is one round trip: counted here.
let roundTrips = 0;
const counted = { sendCommand: (args) => (roundTrips++, client.sendCommand(args)) };

// --- webhook items ---
const APP_SECRET = 'bench-app-secret';
let serial = 0;
function delivery() {
  const id = `wamid.BENCH_${serial++}`;
  const body = JSON.stringify({
    object: 'whatsapp_business_account',
    entry: [{ id: '1', changes: [{ field: 'messages', value: { messaging_product: 'whatsapp', metadata: { display_phone_number: '1', phone_number_id: '2' }, contacts: [{ wa_id: '3' }], messages: [{ from: '3', id, timestamp: '1', type: 'interactive', interactive: { type: 'nfm_reply', nfm_reply: { name: 'flow', body: 'Sent', response_json: '{"flow_token":"t"}' } } }] } }] }],
  });
  return { body, signature: `sha256=${createHmac('sha256', APP_SECRET).update(body).digest('hex')}` };
}
const onFlowCompletion = () => undefined;
const webhookMemory = createWebhookHandler({ appSecret: APP_SECRET, dedupe: memoryDedupe(), onFlowCompletion });
const webhookRedis = createWebhookHandler({ appSecret: APP_SECRET, dedupe: redisDedupe({ client: counted, prefix: `bench:${Date.now()}:` }), onFlowCompletion });

async function runWebhook(handler) {
  const batch = Array.from({ length: N }, delivery);
  const started = performance.now();
  for (const { body, signature } of batch) {
    const res = await handler(new Request('http://127.0.0.1/webhook', { method: 'POST', body, headers: { 'x-hub-signature-256': signature } }));
    if (res.status !== 200) throw new Error(`webhook answered ${res.status}`);
  }
  return ((performance.now() - started) * 1000) / N;
}

// --- endpoint requests ---
const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048, publicKeyEncoding: { type: 'spki', format: 'pem' }, privateKeyEncoding: { type: 'pkcs8', format: 'pem' } });
const SECRET = 'bench-flow-token-secret-0123456789abcdef';
const token = await issueFlowToken({ secret: SECRET, subject: 'bench', once: true });
function seal(payload) {
  const aesKey = randomBytes(16);
  const iv = randomBytes(16);
  const c = createCipheriv('aes-128-gcm', aesKey, iv);
  const data = Buffer.concat([c.update(JSON.stringify(payload)), c.final(), c.getAuthTag()]);
  const key = publicEncrypt({ key: publicKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' }, aesKey);
  return JSON.stringify({ encrypted_flow_data: data.toString('base64'), encrypted_aes_key: key.toString('base64'), initial_vector: iv.toString('base64') });
}
const onRequest = (req) => {
  req.session.steps = Number(req.session.steps ?? 0) + 1; // the session changes: read and written every request
  return { screen: 'NEXT', data: { steps: req.session.steps } };
};
const endpointMemory = createFlowEndpoint({ privateKey, flowTokens: { secret: SECRET, store: memoryFlowTokens() }, flowSessions: memoryFlowSessions(), onRequest });
const endpointRedis = createFlowEndpoint({
  privateKey,
  flowTokens: { secret: SECRET, store: redisFlowTokens({ client: counted, prefix: 'bench:t:' }) },
  flowSessions: redisFlowSessions({ client: counted, prefix: 'bench:s:' }),
  onRequest,
});

async function runEndpoint(handler) {
  const bodies = Array.from({ length: N }, () => seal({ version: '3.0', action: 'data_exchange', screen: 'FIRST', data: {}, flow_token: token }));
  const started = performance.now();
  for (const body of bodies) {
    const res = await handler(new Request('http://127.0.0.1/flow', { method: 'POST', body }));
    if (res.status !== 200) throw new Error(`endpoint answered ${res.status}`);
    await res.text();
  }
  return ((performance.now() - started) * 1000) / N;
}

/** Interleaved rounds of memory then Redis; per-round ratio Redis / memory; round trips per operation on the Redis side. */
async function compare(run, memory, redis) {
  await run(memory); // warm-up (JIT, key import, Lua script load)
  await run(redis);
  const mem = [];
  const red = [];
  const ratios = [];
  const before = roundTrips;
  for (let r = 0; r < ROUNDS; r++) {
    const m = await run(memory);
    const x = await run(redis);
    mem.push(m);
    red.push(x);
    ratios.push(x / m);
  }
  return { mem: median(mem), red: median(red), ratios, trips: (roundTrips - before) / (ROUNDS * N) };
}

try {
  const webhook = await compare(runWebhook, webhookMemory, webhookRedis);
  const endpoint = await compare(runEndpoint, endpointMemory, endpointRedis);
  const rows = [
    makeRow({ what: 'webhook item, redisDedupe', ours: webhook.red, baseline: webhook.mem, unit: 'µs/item', ratios: webhook.ratios, target: 'cost report', baselineName: 'memoryDedupe', note: `${webhook.trips} Redis round trips per item (claim, complete); the memory store has none` }),
    makeRow({ what: 'endpoint request, redisFlowTokens + redisFlowSessions', ours: endpoint.red, baseline: endpoint.mem, unit: 'µs/request', ratios: endpoint.ratios, target: 'cost report', baselineName: 'memory stores', note: `${endpoint.trips} Redis round trips per request (once-token check, session read, session write); the memory stores have none` }),
  ];
  report('redis', rows, { json: values.json });
} finally {
  client.destroy();
  redisServer.kill('SIGTERM');
  await new Promise((r) => redisServer.once('exit', r));
  rmSync(dir, { recursive: true, force: true });
}
