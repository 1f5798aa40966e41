/**
 * The Node, Express and Fastify adapters call the flow endpoint's raw exchange (no Web Request/Response) and answer
 * exactly as they do through the Web handler: the same status, headers and body for the same requests. Each adapter
 * serves the real endpoint twice, over real HTTP servers on 127.0.0.1: once as it is (the fast path) and once
 * wrapped as a plain Web handler (which declares no raw exchange, so the adapter builds Web objects).
 */
import { generateKeyPairSync } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import express from 'express';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toExpressHandler } from '../../src/adapters/express.js';
import { registerFlowEndpoint } from '../../src/adapters/fastify.js';
import { toNodeListener, type WebHandler } from '../../src/adapters/node.js';
import { createFlowEndpointWith, FlowTokenInvalidError, type FlowEndpoint } from '../../src/endpoint/shared-exports.js';
import { nodeCrypto } from '../../src/endpoint/crypto/node.js';
import { declareBodyLimit } from '../../src/internal/body-limit.js';
import { RAW_EXCHANGE, type RawExchangeRequest } from '../../src/internal/raw-exchange.js';
import { hubSignature, keys, sealRequest } from '../endpoint/whatsapp-side.js';

const SECRET = 'fast-path-app-secret';
const MAX_BODY = 8 * 1024;
const other = generateKeyPairSync('rsa', { modulusLength: 2048, publicKeyEncoding: { type: 'spki', format: 'pem' }, privateKeyEncoding: { type: 'pkcs8', format: 'pem' } });

const endpoint: FlowEndpoint = createFlowEndpointWith(nodeCrypto, {
  privateKey: keys.privateKey,
  appSecret: SECRET,
  maxBodyBytes: MAX_BODY,
  onError: () => undefined,
  onRequest: (request) => {
    if (request.screen === 'EXPIRED') throw new FlowTokenInvalidError('Already booked');
    return { screen: 'NEXT', data: { seen: request.data } };
  },
});

/** The endpoint as the adapters see it, counting which path they take. */
const calls = { web: 0, raw: 0 };
const counted = declareBodyLimit(
  Object.assign((request: Request) => (calls.web++, endpoint(request)), {
    ready: endpoint.ready,
    [RAW_EXCHANGE]: (request: RawExchangeRequest) => (calls.raw++, endpoint.exchange(request)),
  }),
  MAX_BODY,
);
/** The same endpoint as a plain Web handler: no raw exchange, so the adapters build Web objects. */
const webOnly: WebHandler = declareBodyLimit((request: Request) => endpoint(request), MAX_BODY);

const signed = (body: string, secret = SECRET): RequestInit => ({
  method: 'POST',
  body,
  headers: { 'content-type': 'application/json', 'x-hub-signature-256': hubSignature(body, secret) },
});
const sealedBody = (payload: object, publicKey?: string) => sealRequest(payload, publicKey).body;
// One sealed body per case, sent to both servers: AES-GCM with the same key and IV gives the same answer bytes.
const cases: Array<[string, RequestInit]> = [
  ['a data_exchange', signed(sealedBody({ version: '3.0', action: 'data_exchange', screen: 'A', flow_token: 't', data: { n: 1 } }))],
  ['a health check (ping)', signed(sealedBody({ version: '3.0', action: 'ping' }))],
  ['a bad signature (432)', signed(sealedBody({ version: '3.0', action: 'ping' }), 'wrong-secret')],
  ['a body that is not JSON (400)', signed('{not json')],
  ['a request for another key (421)', signed(sealedBody({ version: '3.0', action: 'ping' }, other.publicKey))],
  ['an expired flow token (427, encrypted)', signed(sealedBody({ version: '3.0', action: 'data_exchange', screen: 'EXPIRED', flow_token: 't', data: {} }))],
  ['a GET (405)', { method: 'GET' }],
  ['an oversized body (413)', signed('x'.repeat(MAX_BODY + 1))],
];
/** Headers that differ by time or connection, not by answer. */
const VARYING = new Set(['date', 'connection', 'keep-alive', 'content-length', 'transfer-encoding']);

async function answers(base: string) {
  const out: Record<string, { status: number; headers: Record<string, string>; body: string }> = {};
  for (const [name, init] of cases) {
    const res = await fetch(`${base}/flow`, init);
    const headers = Object.fromEntries([...res.headers].filter(([key]) => !VARYING.has(key)));
    out[name] = { status: res.status, headers, body: await res.text() };
  }
  return out;
}

const closers: Array<() => Promise<unknown>> = [];
afterAll(async () => {
  await Promise.all(closers.map((close) => close()));
});
async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  closers.push(() => new Promise((resolve) => (server.closeAllConnections(), server.close(resolve))));
  return `http://127.0.0.1:${(server.address() as { port: number }).port}`;
}

const adapters: Array<[string, (handler: WebHandler) => Promise<string>]> = [
  ['toNodeListener', (handler) => listen(createServer(toNodeListener(handler)))],
  [
    'toExpressHandler',
    (handler) => {
      const app = express();
      app.all('/flow', toExpressHandler(handler));
      return listen(createServer(app));
    },
  ],
  [
    'registerFlowEndpoint (Fastify)',
    async (handler) => {
      const app = Fastify();
      registerFlowEndpoint(app, '/flow', handler);
      closers.push(() => app.close());
      return app.listen({ port: 0, host: '127.0.0.1' });
    },
  ],
];

describe.each(adapters)('%s: the raw exchange fast path', (_name, serve) => {
  let fast: Awaited<ReturnType<typeof answers>>;
  let web: Awaited<ReturnType<typeof answers>>;
  const seen = { web: 0, raw: 0 };
  beforeAll(async () => {
    const fastBase = await serve(counted);
    const webBase = await serve(webOnly);
    const before = { ...calls };
    fast = await answers(fastBase);
    Object.assign(seen, { web: calls.web - before.web, raw: calls.raw - before.raw });
    web = await answers(webBase);
  });

  it('is taken: the endpoint is called with the raw bytes, never through a Web Request', () => {
    // Every case but the oversized body, which the adapter refuses unread (fetch may send a 421 again, as HTTP allows).
    expect(seen.web).toBe(0);
    expect(seen.raw).toBeGreaterThanOrEqual(cases.length - 1);
  });

  for (const [name] of cases) {
    it(`answers ${name} exactly as the Web handler does`, () => {
      expect(fast[name]).toEqual(web[name]);
    });
  }

  it('gives the answers the endpoint promises', () => {
    expect(Object.values(fast).map((a) => a.status)).toEqual([200, 200, 432, 400, 421, 427, 405, 413]);
    expect(fast['a data_exchange']!.headers['content-type']).toBe('text/plain');
    expect(fast['a GET (405)']!.headers.allow).toBe('POST');
    expect(fast['an expired flow token (427, encrypted)']!.body).not.toBe('');
  });
});
