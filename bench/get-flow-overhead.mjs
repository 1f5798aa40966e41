#!/usr/bin/env node
/**
 * Per-call overhead of `client.flows.getFlow` against a bare `fetch` of the same URL (same headers, JSON parsed),
 * both against one local HTTP server, measured in the same run and interleaved round by round so machine noise
 * hits both alike. Prints the median time per call of each and their ratio.
 *
 *   npm run bench            (builds first)
 *   node bench/get-flow-overhead.mjs --calls 2000 --rounds 7
 */
import { createServer } from 'node:http';
import { parseArgs } from 'node:util';
import WhatsApp from '../dist/index.js';

const { values } = parseArgs({ options: { calls: { type: 'string', default: '2000' }, rounds: { type: 'string', default: '7' }, json: { type: 'boolean', default: false } } });
const CALLS = Number(values.calls);
const ROUNDS = Number(values.rounds);

const flow = JSON.stringify({
  id: '1234567890',
  name: 'appointment_booking',
  status: 'PUBLISHED',
  categories: ['APPOINTMENT_BOOKING'],
  validation_errors: [],
  json_version: '7.3',
  data_api_version: '4.0',
  endpoint_uri: 'https://example.com/flow',
});
const server = createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(flow) });
    res.end(flow);
  });
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const base = `http://127.0.0.1:${server.address().port}`;
const token = 'bench-token';
const client = new WhatsApp({ accessToken: token, baseUrl: base, apiVersion: 'v25.0' });
const url = `${base}/v25.0/1234567890`;

async function bare() {
  const res = await fetch(url, { headers: { authorization: `Bearer ${token}`, accept: 'application/json' } });
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  return res.json();
}
const sdk = () => client.flows.getFlow('1234567890');

async function time(fn) {
  const start = process.hrtime.bigint();
  for (let i = 0; i < CALLS; i++) await fn();
  return Number(process.hrtime.bigint() - start) / 1e3 / CALLS; // µs per call
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
await time(bare); // warm up both paths (connection pool, JIT)
await time(sdk);
const bareTimes = [];
const sdkTimes = [];
for (let r = 0; r < ROUNDS; r++) {
  if (r % 2 === 0) {
    bareTimes.push(await time(bare));
    sdkTimes.push(await time(sdk));
  } else {
    sdkTimes.push(await time(sdk));
    bareTimes.push(await time(bare));
  }
  process.stderr.write(`round ${r + 1}/${ROUNDS}\r`);
}
server.close();
const result = {
  calls: CALLS,
  rounds: ROUNDS,
  bareFetchMicros: +median(bareTimes).toFixed(1),
  getFlowMicros: +median(sdkTimes).toFixed(1),
  ratio: +(median(sdkTimes) / median(bareTimes)).toFixed(3),
};
if (values.json) console.log(JSON.stringify(result));
else {
  console.log(`bare fetch        ${result.bareFetchMicros} µs/call (median of ${ROUNDS} rounds × ${CALLS} calls)`);
  console.log(`flows.getFlow     ${result.getFlowMicros} µs/call`);
  console.log(`ratio getFlow / bare fetch: ${result.ratio}`);
}
