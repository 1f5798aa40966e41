#!/usr/bin/env node
/**
 * Per-call cost of `client.flows.getFlow` against a bare `fetch` of the same URL (same headers, JSON parsed), with
 * the Graph stand-in server in ANOTHER process (a child process on 127.0.0.1), so the client's time is not mixed with
 * the server's. Rounds are interleaved (bare fetch, getFlow over the default fetch transport, getFlow over the opt-in
 * Node transport, in a rotating order); each round gives one ratio per transport: getFlow µs / bare fetch µs.
 * Targets (issue 13): fetch transport <= 1.05x a bare fetch; `transport: 'node'` <= 0.6x a bare fetch.
 *
 *   npm run bench                                   (builds first, runs every bench)
 *   node bench/get-flow-overhead.mjs [--rounds 30] [--calls 300] [--json] [--quick]
 */
import { fork } from 'node:child_process';
import { createServer } from 'node:http';
import { parseArgs } from 'node:util';
import { makeRow, report } from './lib/report.mjs';

const FLOW = JSON.stringify({
  id: '1234567890',
  name: 'appointment_booking',
  status: 'PUBLISHED',
  categories: ['APPOINTMENT_BOOKING'],
  validation_errors: [],
  json_version: '7.3',
  data_api_version: '4.0',
  endpoint_uri: 'https://example.com/flow',
});

/** The child process: a keep-alive HTTP server answering every request with the flow. */
function serve() {
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(FLOW), 'x-fb-trace-id': 'AbCdEf' });
      res.end(FLOW);
    });
  });
  server.keepAliveTimeout = 60_000;
  server.listen(0, '127.0.0.1', () => process.send({ port: server.address().port }));
  process.on('disconnect', () => process.exit(0));
}

async function main() {
  const { values } = parseArgs({
    options: {
      rounds: { type: 'string', default: '30' },
      calls: { type: 'string', default: '300' },
      json: { type: 'boolean', default: false },
      quick: { type: 'boolean', default: false },
    },
  });
  const ROUNDS = values.quick ? 1 : Number(values.rounds);
  const CALLS = values.quick ? 20 : Number(values.calls);
  const { default: WhatsApp } = await import('../dist/index.js');

  const child = fork(new URL(import.meta.url), ['--serve'], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  const port = await new Promise((resolve, reject) => {
    child.once('message', (m) => resolve(m.port));
    child.once('exit', (code) => reject(new Error(`server process exited (${code})`)));
  });
  try {
    const base = `http://127.0.0.1:${port}`;
    const token = 'bench-token-0123456789';
    const url = `${base}/v25.0/1234567890`;
    const headers = { accept: 'application/json', 'user-agent': 'meta-cloud-api (+https://www.npmjs.com/package/meta-cloud-api)', authorization: `Bearer ${token}` };
    const viaFetch = new WhatsApp({ accessToken: token, baseUrl: base, apiVersion: 'v25.0' });
    const viaNode = new WhatsApp({ accessToken: token, baseUrl: base, apiVersion: 'v25.0', transport: 'node' });

    const runners = {
      bare: async () => {
        const res = await fetch(url, { headers });
        if (!res.ok) throw new Error(`HTTP ${res.status}`);
        return res.json();
      },
      fetch: () => viaFetch.flows.getFlow('1234567890'),
      node: () => viaNode.flows.getFlow('1234567890'),
    };
    const time = async (fn, calls) => {
      const start = process.hrtime.bigint();
      for (let i = 0; i < calls; i++) await fn();
      return Number(process.hrtime.bigint() - start) / 1e3 / calls; // µs per call
    };
    for (const fn of Object.values(runners)) await time(fn, values.quick ? 5 : 200); // warm up: connections, JIT

    const names = Object.keys(runners);
    const times = { bare: [], fetch: [], node: [] };
    for (let r = 0; r < ROUNDS; r++) {
      // Rotate the order so no runner always goes first (or follows the same one).
      for (let i = 0; i < names.length; i++) {
        const name = names[(i + r) % names.length];
        times[name].push(await time(runners[name], CALLS));
      }
      if (!values.json) process.stderr.write(`round ${r + 1}/${ROUNDS}\r`);
    }
    const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
    const ratios = (name) => times[name].map((t, i) => t / times.bare[i]);
    const rows = [
      makeRow({ what: 'getFlow per call, fetch transport (server in another process)', ours: median(times.fetch), baseline: median(times.bare), unit: 'µs/call', ratios: ratios('fetch'), target: '<= 1.05', baselineName: 'bare fetch' }),
      makeRow({ what: "getFlow per call, transport: 'node' (server in another process)", ours: median(times.node), baseline: median(times.bare), unit: 'µs/call', ratios: ratios('node'), target: '<= 0.6', baselineName: 'bare fetch' }),
    ];
    report('get-flow-overhead', rows, { json: values.json });
  } finally {
    child.disconnect();
    child.kill();
  }
}

if (process.argv.includes('--serve')) serve();
else await main();
