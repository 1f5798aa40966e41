#!/usr/bin/env node
/**
 * The flow endpoint's throughput in-process, against a minimal reference implementation of the same exchange
 * written here with node:crypto (decrypt the AES key, decrypt the payload, answer, encrypt with the flipped IV),
 * measured in one run with interleaved rounds. Target: at least 0.9 of the reference (RSA decryption is the floor).
 * The endpoint's own metrics (on by default) against the same endpoint with `metrics: false`, and with an
 * `onMetrics` callback, in the same interleaved rounds: the per-round ratio on/off, its median and its spread
 * (min..max). Target: no measurable cost (a median within the spread of 1).
 * Then p50/p99 latency over loopback HTTP through the node adapter.
 *
 *   npm run bench            (builds first)
 *   node bench/endpoint.mjs --requests 400 --rounds 5
 */
import { constants, createCipheriv, createDecipheriv, createPrivateKey, generateKeyPairSync, privateDecrypt, publicEncrypt, randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import { parseArgs } from 'node:util';
import { createFlowEndpoint } from 'meta-cloud-api/endpoint';
import { toNodeListener } from 'meta-cloud-api/adapters/node';

const { values } = parseArgs({ options: { requests: { type: 'string', default: '400' }, rounds: { type: 'string', default: '5' }, json: { type: 'boolean', default: false } } });
const N = Number(values.requests);
const ROUNDS = Number(values.rounds);

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

// The SDK's endpoint (node:crypto build through the package's `node` export condition), and for information the
// runtime-neutral Web Crypto build that Bun, Deno and Workers get.
const sdk = createFlowEndpoint({ privateKey, screens: { APPOINTMENT: () => answer } });
const sdkOff = createFlowEndpoint({ privateKey, metrics: false, screens: { APPOINTMENT: () => answer } });
let samples = 0;
const sdkSink = createFlowEndpoint({ privateKey, onMetrics: () => void samples++, screens: { APPOINTMENT: () => answer } });
const { createFlowEndpoint: createWebEndpoint } = await import(new URL('../dist/endpoint.js', import.meta.url).href);
const web = createWebEndpoint({ privateKey, screens: { APPOINTMENT: () => answer } });

// The reference: the same exchange, nothing else.
const keyObject = createPrivateKey(privateKey);
async function reference(request) {
  const body = JSON.parse(await request.text());
  const aesKey = privateDecrypt({ key: keyObject, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' }, Buffer.from(body.encrypted_aes_key, 'base64'));
  const iv = Buffer.from(body.initial_vector, 'base64');
  const data = Buffer.from(body.encrypted_flow_data, 'base64');
  const d = createDecipheriv('aes-128-gcm', aesKey, iv);
  d.setAuthTag(data.subarray(-16));
  const req = JSON.parse(Buffer.concat([d.update(data.subarray(0, -16)), d.final()]).toString());
  const res = req.screen === 'APPOINTMENT' ? answer : { screen: 'X', data: {} };
  const c = createCipheriv('aes-128-gcm', aesKey, Buffer.from(iv.map((b) => b ^ 0xff)));
  const out = Buffer.concat([c.update(JSON.stringify(res)), c.final(), c.getAuthTag()]).toString('base64');
  return new Response(out, { headers: { 'content-type': 'text/plain' } });
}

const request = (body) => new Request('http://localhost/flow', { method: 'POST', body, headers: { 'content-type': 'application/json' } });
async function run(handler) {
  const start = process.hrtime.bigint();
  for (const body of bodies) {
    const res = await handler(request(body));
    if (res.status !== 200) throw new Error(`status ${res.status}`);
    await res.text();
  }
  return N / (Number(process.hrtime.bigint() - start) / 1e9);
}

await run(sdk);
await run(sdkOff);
await run(sdkSink);
await run(reference);
await run(web);
const sdkRps = [];
const refRps = [];
const webRps = [];
const offRps = [];
const sinkRps = [];
for (let r = 0; r < ROUNDS; r++) {
  // The order of the four in-process runs rotates each round, so no variant always runs first or last.
  const runs = [
    async () => sdkRps.push(await run(sdk)),
    async () => refRps.push(await run(reference)),
    async () => offRps.push(await run(sdkOff)),
    async () => sinkRps.push(await run(sdkSink)),
  ];
  for (let i = 0; i < runs.length; i++) await runs[(i + r) % runs.length]();
  webRps.push(await run(web));
  process.stderr.write(`round ${r + 1}/${ROUNDS}\r`);
}
process.stderr.write('\n');
if (samples !== N * (ROUNDS + 1)) throw new Error(`onMetrics was called ${samples} times, expected ${N * (ROUNDS + 1)}`);
if (sdk.metrics().requests !== N * (ROUNDS + 1) || sdkOff.metrics().requests !== 0) throw new Error('the metrics counters do not match the requests');
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
/** Per-round ratios a/b: their median and spread. */
const ratios = (a, b) => {
  const xs = a.map((x, i) => x / b[i]);
  const at = (q) => +[...xs].sort((x, y) => x - y)[Math.floor(q * (xs.length - 1))].toFixed(3);
  return { median: +median(xs).toFixed(3), p25: at(0.25), p75: at(0.75), min: at(0), max: at(1) };
};

// Metrics cost with finer interleaving: each round alternates on and off every CHUNK requests (the order flips each
// chunk), so both see the same machine load; the round's ratio is off-time / on-time (1 = same speed).
const CHUNK = 20;
const timeChunk = async (handler, from) => {
  const start = process.hrtime.bigint();
  for (let i = from; i < Math.min(from + CHUNK, N); i++) {
    const res = await handler(request(bodies[i]));
    await res.text();
  }
  return Number(process.hrtime.bigint() - start);
};
const fineRatios = [];
for (let r = 0; r < ROUNDS; r++) {
  let on = 0;
  let off = 0;
  for (let from = 0, k = r; from < N; from += CHUNK, k++) {
    if (k % 2) {
      on += await timeChunk(sdk, from);
      off += await timeChunk(sdkOff, from);
    } else {
      off += await timeChunk(sdkOff, from);
      on += await timeChunk(sdk, from);
    }
  }
  fineRatios.push(off / on);
}
const fine = ratios(fineRatios, fineRatios.map(() => 1));

// The bookkeeping alone, on the cheapest answer there is (a GET, answered 405 with no crypto): the added time per
// request with metrics on, an upper bound of what metrics add to a real exchange.
const get = () => new Request('http://localhost/flow', { method: 'GET' });
const M = 20_000;
const timeGets = async (handler) => {
  const start = process.hrtime.bigint();
  for (let i = 0; i < M; i++) await handler(get());
  return Number(process.hrtime.bigint() - start) / M;
};
await timeGets(sdk);
await timeGets(sdkOff);
const cheapOn = [];
const cheapOff = [];
for (let r = 0; r < ROUNDS; r++) {
  if (r % 2) {
    cheapOn.push(await timeGets(sdk));
    cheapOff.push(await timeGets(sdkOff));
  } else {
    cheapOff.push(await timeGets(sdkOff));
    cheapOn.push(await timeGets(sdk));
  }
}
const addedNs = median(cheapOn.map((on, i) => on - cheapOff[i]));
const exchangeNs = 1e9 / median(offRps);

// Latency over loopback HTTP through the node adapter.
const server = createServer(toNodeListener(sdk));
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const url = `http://127.0.0.1:${server.address().port}/flow`;
const latencies = [];
for (const body of bodies) {
  const t = process.hrtime.bigint();
  const res = await fetch(url, { method: 'POST', body, headers: { 'content-type': 'application/json' } });
  await res.text();
  latencies.push(Number(process.hrtime.bigint() - t) / 1e6);
}
server.close();
latencies.sort((a, b) => a - b);
const pct = (p) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))];

const result = {
  requests: N,
  rounds: ROUNDS,
  sdkRequestsPerSecond: Math.round(median(sdkRps)),
  referenceRequestsPerSecond: Math.round(median(refRps)),
  ratio: +(median(sdkRps) / median(refRps)).toFixed(3),
  webCryptoRequestsPerSecond: Math.round(median(webRps)),
  webCryptoRatio: +(median(webRps) / median(refRps)).toFixed(3),
  metricsOffRequestsPerSecond: Math.round(median(offRps)),
  metricsOnOverOff: ratios(sdkRps, offRps),
  onMetricsOverOff: ratios(sinkRps, offRps),
  metricsOffOverReference: ratios(offRps, refRps),
  metricsOffOverOnFineInterleaved: fine,
  metricsAddedNsPerRequest: Math.round(addedNs),
  metricsAddedShareOfExchange: +(addedNs / exchangeNs).toFixed(5),
  httpP50Ms: +pct(50).toFixed(2),
  httpP99Ms: +pct(99).toFixed(2),
};
if (values.json) console.log(JSON.stringify(result));
else {
  console.log(`reference (node:crypto, bare)  ${result.referenceRequestsPerSecond} req/s`);
  console.log(`createFlowEndpoint            ${result.sdkRequestsPerSecond} req/s`);
  console.log(`ratio endpoint / reference: ${result.ratio} (target: at least 0.9)`);
  const r = (x) => `median ${x.median} (middle half ${x.p25}..${x.p75}, all ${x.min}..${x.max})`;
  console.log(`per-round ratios, metrics on / metrics: false: ${r(result.metricsOnOverOff)}`);
  console.log(`                 with onMetrics / metrics: false: ${r(result.onMetricsOverOff)} (target: no measurable cost)`);
  console.log(`                 metrics: false / reference: ${r(result.metricsOffOverReference)}`);
  console.log(`time off / on, alternating every ${CHUNK} requests: ${r(result.metricsOffOverOnFineInterleaved)}`);
  console.log(`metrics add ${result.metricsAddedNsPerRequest} ns per request (median over rounds, on a 405 with no crypto): ${(result.metricsAddedShareOfExchange * 100).toFixed(3)}% of one exchange`);
  console.log(`Web Crypto build (Bun, Deno, Workers): ${result.webCryptoRequestsPerSecond} req/s, ratio ${result.webCryptoRatio}`);
  console.log(`HTTP through toNodeListener: p50 ${result.httpP50Ms} ms, p99 ${result.httpP99Ms} ms`);
}
