/**
 * Issue 10 #1: the Node and Express adapters take the handler's own body limit, refuse a declared oversize body
 * before reading it, stop reading a chunked body at the limit, and close a connection whose body is too slow.
 * Real servers on 127.0.0.1, driven through raw sockets.
 */
import { generateKeyPairSync } from 'node:crypto';
import { createServer, type RequestListener, type Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import express from 'express';
import Fastify, { type FastifyInstance } from 'fastify';
import { Hono } from 'hono';
import { afterEach, describe, expect, it } from 'vitest';
import { toExpressHandler } from '../../src/adapters/express.js';
import { registerFlowEndpoint } from '../../src/adapters/fastify.js';
import { toHonoHandler } from '../../src/adapters/hono.js';
import { toNextHandler } from '../../src/adapters/next.js';
import { toNodeListener } from '../../src/adapters/node.js';
import { createFlowEndpoint } from '../../src/endpoint/index-node.js';
import { declareBodyLimit, declaredBodyLimit } from '../../src/internal/body-limit.js';
import { createWebhookHandler, DEFAULT_WEBHOOK_MAX_BODY_BYTES } from '../../src/webhooks/handler.js';

const servers: Server[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

async function listen(listener: RequestListener): Promise<number> {
  const server = createServer(listener);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

interface RawExchange {
  /** Everything the server sent before it closed. */
  response: string;
  /** Body bytes the client managed to write before the server closed. */
  sent: number;
}

/**
 * Sends `head`, then `body` chunks (a function of the chunk index, `undefined` to stop sending) one per tick,
 * until the server closes the connection. Resolves with what the server answered.
 */
function rawExchange(port: number, head: string, chunk: (index: number) => Buffer | undefined): Promise<RawExchange> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    let response = '';
    let sent = 0;
    let closed = false;
    socket.on('data', (data) => (response += data.toString('latin1')));
    socket.on('error', () => {});
    socket.on('close', () => {
      closed = true;
      resolve({ response, sent });
    });
    socket.write(head);
    let index = 0;
    const pump = () => {
      if (closed) return;
      const next = chunk(index++);
      if (next === undefined) return;
      socket.write(next, () => {
        sent += next.length;
        setImmediate(pump);
      });
    };
    pump();
  });
}

const KEY = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
const endpoint = createFlowEndpoint({ privateKey: KEY, maxBodyBytes: 4096, onRequest: () => ({ screen: 'A', data: {} }) });
const webhook = createWebhookHandler({ appSecret: 'secret' });
/** A handler that declares 1000 bytes and counts the requests that reach it. */
const spy = { calls: 0 };
const counting = declareBodyLimit(async (request: Request) => {
  spy.calls++;
  return new Response(String((await request.arrayBuffer()).byteLength));
}, 1000);

describe('the handler declares its limit', () => {
  it('the endpoint and webhook handlers carry theirs', () => {
    expect(declaredBodyLimit(endpoint)).toBe(4096);
    expect(declaredBodyLimit(webhook)).toBe(DEFAULT_WEBHOOK_MAX_BODY_BYTES);
    expect(declaredBodyLimit(async () => new Response())).toBeUndefined();
  });
});

for (const [name, make] of [
  ['node', (options?: Parameters<typeof toNodeListener>[1], handler: (request: Request) => Promise<Response> = endpoint) => toNodeListener(handler, options)],
  ['express', (options?: Parameters<typeof toNodeListener>[1], handler: (request: Request) => Promise<Response> = endpoint) => {
    const app = express();
    app.post('/flow', toExpressHandler(handler, options));
    return app as unknown as RequestListener;
  }],
] as const) {
  describe(`${name} adapter`, () => {
    it("answers 413 on a Content-Length past the handler's limit without reading the body", async () => {
      const port = await listen(make());
      const head = 'POST /flow HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 15000000\r\n\r\n';
      // The client would send 15 MB; it is stopped long before.
      const result = await rawExchange(port, head, (i) => (i < 15_000 / 64 ? Buffer.alloc(64 * 1024, 0x20) : undefined));
      expect(result.response).toMatch(/^HTTP\/1\.1 413 /);
      expect(result.sent).toBeLessThan(15_000_000);
    });

    it('stops reading a chunked body the moment it passes the limit', async () => {
      const port = await listen(make());
      const head = 'POST /flow HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n';
      const piece = Buffer.alloc(1024, 0x20);
      const chunked = Buffer.concat([Buffer.from('400\r\n'), piece, Buffer.from('\r\n')]);
      // Endless: only the server's refusal ends it.
      const result = await rawExchange(port, head, (i) => (i < 100_000 ? chunked : undefined));
      expect(result.response).toMatch(/^HTTP\/1\.1 413 /);
      expect(result.sent).toBeLessThan(50 * 1024 * 1024);
    });

    it('answers 408 and closes the connection when the body is too slow', async () => {
      const port = await listen(make({ bodyTimeoutMs: 200 }));
      const head = 'POST /flow HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"a":';
      // Sends the start of the body and then nothing: only the deadline ends the exchange.
      const result = await rawExchange(port, head, () => undefined);
      expect(result.response).toMatch(/^HTTP\/1\.1 408 /);
      expect(result.response.toLowerCase()).toContain('connection: close');
    });

    it("refuses past the handler's declared limit before the handler runs; an option can lower it, never raise it", async () => {
      spy.calls = 0;
      const port = await listen(make({ maxBodyBytes: 64 * 1024 * 1024 }, counting));
      expect((await fetch(`http://127.0.0.1:${port}/flow`, { method: 'POST', body: 'x'.repeat(1001) })).status).toBe(413);
      expect(spy.calls).toBe(0);
      const lowered = await listen(make({ maxBodyBytes: 100 }, counting));
      expect((await fetch(`http://127.0.0.1:${lowered}/flow`, { method: 'POST', body: 'x'.repeat(200) })).status).toBe(413);
      expect(spy.calls).toBe(0);
      const ok = await fetch(`http://127.0.0.1:${port}/flow`, { method: 'POST', body: 'x'.repeat(1000) });
      expect([ok.status, await ok.text(), spy.calls]).toEqual([200, '1000', 1]);
    });
  });
}

describe('fastify adapter (registerFlowEndpoint)', () => {
  const apps: FastifyInstance[] = [];
  afterEach(async () => {
    await Promise.all(apps.splice(0).map((app) => app.close()));
  });
  async function fastifyPort(options?: Parameters<typeof registerFlowEndpoint>[3], handler: (request: Request) => Promise<Response> = endpoint): Promise<number> {
    const app = Fastify();
    apps.push(app);
    registerFlowEndpoint(app, '/flow', handler, options);
    const url = await app.listen({ port: 0, host: '127.0.0.1' });
    return Number(new URL(url).port);
  }

  it("takes the handler's own limit (413 past it, the handler not called)", async () => {
    spy.calls = 0;
    const port = await fastifyPort({}, counting);
    expect((await fetch(`http://127.0.0.1:${port}/flow`, { method: 'POST', body: 'x'.repeat(1001) })).status).toBe(413);
    expect(spy.calls).toBe(0);
    const ok = await fetch(`http://127.0.0.1:${port}/flow`, { method: 'POST', body: 'x'.repeat(1000) });
    expect([ok.status, await ok.text(), spy.calls]).toEqual([200, '1000', 1]);
  });

  it('answers 408 and closes the connection when the body is too slow', async () => {
    const port = await fastifyPort({ bodyTimeoutMs: 200 });
    const head = 'POST /flow HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"a":';
    const result = await rawExchange(port, head, () => undefined);
    expect(result.response).toMatch(/^HTTP\/1\.1 408 /);
  });
});

describe('Web runtimes (Hono, Next): the handler itself bounds the body it reads', () => {
  /** A request whose body sends `first` and then nothing more, ever. */
  const stalled = (first: string, headers: Record<string, string> = {}) => {
    const body = new ReadableStream<Uint8Array>({ start: (controller) => controller.enqueue(new TextEncoder().encode(first)) });
    return new Request('http://localhost/flow', { method: 'POST', body, headers, duplex: 'half' } as RequestInit);
  };
  /** A request whose body never ends, in 64 KiB chunks; counts what was pulled. */
  const endless = () => {
    const pulled = { bytes: 0 };
    const body = new ReadableStream<Uint8Array>({
      pull: (controller) => {
        pulled.bytes += 65536;
        controller.enqueue(new Uint8Array(65536));
      },
    });
    return { pulled, request: new Request('http://localhost/flow', { method: 'POST', body, duplex: 'half' } as RequestInit) };
  };
  const slowEndpoint = createFlowEndpoint({ privateKey: KEY, maxBodyBytes: 4096, bodyTimeoutMs: 100, onRequest: () => ({ screen: 'A', data: {} }) });
  const slowWebhook = createWebhookHandler({ appSecret: 'secret', bodyTimeoutMs: 100 });

  it('a body that stops arriving gets 408 (endpoint, webhooks; through Hono and Next)', async () => {
    expect((await slowEndpoint(stalled('{"a":'))).status).toBe(408);
    expect((await slowWebhook(stalled('{"a":'))).status).toBe(408);
    const app = new Hono();
    app.post('/flow', toHonoHandler(slowEndpoint));
    expect((await app.fetch(stalled('{"a":'))).status).toBe(408);
    expect((await toNextHandler(slowWebhook)(stalled('{"a":'))).status).toBe(408);
  });

  it('an endless body stops at the limit (endpoint 4 KiB, webhooks 4 MiB)', async () => {
    const a = endless();
    expect((await toNextHandler(slowEndpoint)(a.request)).status).toBe(413);
    expect(a.pulled.bytes).toBeLessThan(1024 * 1024);
    const b = endless();
    const app = new Hono();
    app.post('/flow', toHonoHandler(webhook));
    expect((await app.fetch(b.request)).status).toBe(413);
    expect(b.pulled.bytes).toBeLessThan(16 * 1024 * 1024);
  });
});
