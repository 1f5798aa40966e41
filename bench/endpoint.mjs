#!/usr/bin/env node
/**
 * The flow endpoint in-process (issue 13), in interleaved rounds (A, B, then B, A …), each giving one ratio:
 * - the exchange core, string in and string out (`endpoint.exchange({ body })`, what the Node, Express and Fastify
 *   adapters call), against a bare function-level exchange written here with node:crypto (decrypt the AES key,
 *   decrypt the payload, pick the answer, encrypt it with the flipped IV): target at least 0.95;
 * - the Web handler (`Request` in, `Response` out) against the same bare exchange wrapped in the same Web objects
 *   (this reference pays for the Web objects too, as the one of earlier versions of this script did);
 * - the endpoint's own metrics on against `metrics: false` (with an `onMetrics` callback counting samples);
 * - for information, the runtime-neutral Web Crypto build (Bun, Deno, Workers) against the bare exchange.
 * Throughput is counted per CPU second of this process (`process.cpuUsage`), not per wall second, so the figures
 * hold on a busy machine. Over HTTP under concurrent load, see bench/endpoint-http.mjs.
 *
 *   npm run build && node bench/endpoint.mjs [--requests 200] [--rounds 15] [--json] [--quick]
 */
import { constants, createCipheriv, createDecipheriv, createPrivateKey, generateKeyPairSync, privateDecrypt, publicEncrypt, randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { createFlowEndpoint } from 'meta-cloud-api/endpoint';
import { makeRow, median, report } from './lib/report.mjs';

const { values } = parseArgs({
  options: { requests: { type: 'string', default: '200' }, rounds: { type: 'string', default: '15' }, json: { type: 'boolean', default: false }, quick: { type: 'boolean', default: false } },
});
const N = values.quick ? 20 : Number(values.requests);
const ROUNDS = values.quick ? 1 : Number(values.rounds);

const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048, publicKeyEncoding: { type: 'spki', format: 'pem' }, privateKeyEncoding: { type: 'pkcs8', format: 'pem' } });

function seal(payload) {
  const aesKey = randomBytes(16);
  const iv = randomBytes(16);
  const c = createCipheriv('aes-128-gcm', aesKey, iv);
  const data = Buffer.concat([c.update(JSON.stringify(payload)), c.final(), c.getAuthTag()]);
  const key = publicEncrypt({ key: publicKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' }, aesKey);
  return JSON.stringify({ encrypted_flow_data: data.toString('base64'), encrypted_aes_key: key.toString('base64'), initial_vector: iv.toString('base64') });
}
const payload = { version: '3.0', action: 'data_exchange', screen: 'APPOINTMENT', flow_token: 'tok-123', data: { department: 'shopping', location: '1', date: '2024-01-01' } };
const bodies = Array.from({ length: N }, () => seal(payload));
const answer = { screen: 'DETAILS', data: { department: 'shopping', location: '1', date: '2024-01-01', time: '11:30' } };
const screens = { APPOINTMENT: () => answer };

// The SDK's endpoint (node:crypto build through the package's `node` export condition), the same with metrics off
// and with an onMetrics sink, and the runtime-neutral Web Crypto build.
const sdk = createFlowEndpoint({ privateKey, screens });
const sdkOff = createFlowEndpoint({ privateKey, metrics: false, screens });
let samples = 0;
const sdkSink = createFlowEndpoint({ privateKey, onMetrics: () => void samples++, screens });
const { createFlowEndpoint: createWebEndpoint } = await import(new URL('../dist/endpoint.js', import.meta.url).href);
const web = createWebEndpoint({ privateKey, screens });

// The bare reference: the same exchange, string in, string out, nothing else.
const keyObject = createPrivateKey(privateKey);
function bare(text) {
  const body = JSON.parse(text);
  const aesKey = privateDecrypt({ key: keyObject, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' }, Buffer.from(body.encrypted_aes_key, 'base64'));
  const iv = Buffer.from(body.initial_vector, 'base64');
  const data = Buffer.from(body.encrypted_flow_data, 'base64');
  const d = createDecipheriv('aes-128-gcm', aesKey, iv);
  d.setAuthTag(data.subarray(-16));
  const req = JSON.parse(Buffer.concat([d.update(data.subarray(0, -16)), d.final()]).toString());
  const res = req.screen === 'APPOINTMENT' ? answer : { screen: 'X', data: {} };
  const c = createCipheriv('aes-128-gcm', aesKey, iv.map((b) => b ^ 0xff));
  return Buffer.concat([c.update(JSON.stringify(res)), c.final(), c.getAuthTag()]).toString('base64');
}

/** One way of answering each body, string in and string out. */
const exchangeOf = (endpoint) => async (body) => {
  const answered = await endpoint.exchange({ body });
  if (answered.status !== 200) throw new Error(`status ${answered.status}`);
  return answered.body;
};
const webOf = (handler) => async (body) => {
  const res = await handler(new Request('http://localhost/flow', { method: 'POST', body, headers: { 'content-type': 'application/json' } }));
  if (res.status !== 200) throw new Error(`status ${res.status}`);
  return res.text();
};
const variants = {
  bare: async (body) => bare(body),
  exchange: exchangeOf(sdk),
  exchangeOff: exchangeOf(sdkOff),
  exchangeSink: exchangeOf(sdkSink),
  web: webOf(sdk),
  bareWeb: webOf(async (request) => new Response(bare(await request.text()), { headers: { 'content-type': 'text/plain' } })),
  webCrypto: exchangeOf(web),
};

/**
 * Requests per CPU second of one variant over every body: this process's CPU time (every thread, so Web Crypto's
 * work on the thread pool counts), not wall time, so that other load on a shared machine does not count.
 */
async function run(name) {
  const answerOf = variants[name];
  const start = process.cpuUsage();
  for (const body of bodies) await answerOf(body);
  const used = process.cpuUsage(start);
  return N / ((used.user + used.system) / 1e6);
}

// Warm-up (JIT), not counted.
for (const name of Object.keys(variants)) await run(name);
const pairs = [
  ['exchange', 'bare'],
  ['web', 'bareWeb'],
  ['exchangeSink', 'exchangeOff'],
  ['webCrypto', 'bare'],
];
const results = pairs.map(() => ({ ours: [], base: [] }));
for (let r = 0; r < ROUNDS; r++) {
  for (const [i, [ours, base]] of pairs.entries()) {
    // A, B then B, A: neither side always runs first.
    if (r % 2) {
      results[i].base.push(await run(base));
      results[i].ours.push(await run(ours));
    } else {
      results[i].ours.push(await run(ours));
      results[i].base.push(await run(base));
    }
  }
  if (!values.json) process.stderr.write(`round ${r + 1}/${ROUNDS}\r`);
}
if (!values.json) process.stderr.write('\n');
const counted = N * (ROUNDS + 1);
if (samples !== counted) throw new Error(`onMetrics was called ${samples} times, expected ${counted}`);
if (sdkSink.metrics().requests !== counted || sdkOff.metrics().requests !== 0) throw new Error('the metrics counters do not match the requests');

const row = (i, what, target, baselineName, note) =>
  makeRow({
    what,
    ours: median(results[i].ours),
    baseline: median(results[i].base),
    unit: 'req/CPU-s',
    ratios: results[i].ours.map((x, k) => x / results[i].base[k]),
    target,
    baselineName,
    note,
  });
report(
  'endpoint',
  [
    row(0, 'endpoint in-process, exchange core (string in, string out)', '>= 0.95', 'bare node:crypto exchange', 'higher is better'),
    row(1, 'endpoint in-process, Web handler (Request in, Response out)', '>= 0.9', 'bare exchange in Web objects', 'the baseline pays for the same Web Request/Response objects'),
    row(2, 'endpoint in-process, metrics on (with onMetrics) / metrics: false', '>= 0.97', 'metrics: false', 'the cost of the endpoint measuring itself'),
    row(3, 'endpoint in-process, Web Crypto build (Bun, Deno, Workers)', undefined, 'bare node:crypto exchange', 'for information: Web Crypto on Node against node:crypto'),
  ],
  { json: values.json },
);
