/**
 * The client's two transports (issue 13): `transport: 'node'` (node:http, keep-alive) gives the same answers, limits,
 * redirects, bodies and errors as the default fetch transport, against real servers on 127.0.0.1; the option is
 * checked with a clear error. (The error, retry, timeout, abort and observability suites run on both transports too:
 * test/errors-and-retries.test.ts, test/observability/client.test.ts.)
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync, brotliCompressSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import WhatsApp, { APIConnectionTimeoutError, CrossOriginRedirectError, InvalidArgumentError, ResponseTooLargeError } from '../src/index.js';

const TOKEN = 'EAAG-transport-token-0123456789';
const servers: Server[] = [];

interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

async function serve(handle: (req: Seen, res: ServerResponse) => void): Promise<{ url: string; seen: Seen[]; connections: () => number; closed: Promise<void>[] }> {
  const seen: Seen[] = [];
  const closed: Promise<void>[] = [];
  let connections = 0;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const entry = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
      seen.push(entry);
      handle(entry, res);
    });
  });
  server.on('connection', (socket) => {
    connections++;
    closed.push(new Promise((resolve) => socket.once('close', () => resolve())));
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen, connections: () => connections, closed };
}

afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

const json = (res: ServerResponse, body: unknown, headers: Record<string, string> = {}) =>
  res.writeHead(200, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));

describe('the transport option', () => {
  it("is 'fetch' or 'node', checked when the client is made", () => {
    expect(() => new WhatsApp({ transport: 'undici' as never })).toThrow(InvalidArgumentError);
    expect(() => new WhatsApp({ transport: 'undici' as never })).toThrow(/transport must be 'fetch' or 'node'; got "undici"/);
    expect(() => new WhatsApp({ transport: 'node', fetch: globalThis.fetch })).toThrow(/transport: 'node'.*`fetch` option/);
    expect(() => new WhatsApp({ transport: 'fetch' })).not.toThrow();
    expect(() => new WhatsApp({ transport: 'node' })).not.toThrow();
  });
});

describe.each(['fetch', 'node'] as const)('transport: %s', (transport) => {
  const client = (baseUrl: string, extra: Partial<ConstructorParameters<typeof WhatsApp>[0]> = {}) =>
    new WhatsApp({ accessToken: TOKEN, businessAcctId: '111', phoneNumberId: '222', baseUrl, maxRetries: 0, transport, ...extra });

  it('sends the same request line, headers and JSON body, and reuses the connection', async () => {
    const server = await serve((req, res) => json(res, { id: '9', got: req.body ? JSON.parse(req.body) : null }, { 'x-fb-trace-id': 'T1' }));
    const c = client(server.url);
    const { data, response } = await c.flows.getFlow('9', { fields: ['id', 'name'] }).withResponse();
    expect(data).toEqual({ id: '9', got: null });
    expect(response.headers.get('X-FB-Trace-Id')).toBe('T1');
    expect(response.headers.has('content-type')).toBe(true);
    expect([...response.headers.keys()]).toContain('x-fb-trace-id');
    expect(await c.messages.flow({ to: '15551234567', flowId: '1', cta: 'Go', body: 'Hi' })).toMatchObject({ got: { messaging_product: 'whatsapp', to: '15551234567' } });
    const [get, post] = server.seen;
    expect(get!.url).toBe('/v25.0/9?fields=id%2Cname');
    expect(get!.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(get!.headers.accept).toBe('application/json');
    expect(post!.method).toBe('POST');
    expect(post!.headers['content-type']).toBe('application/json');
    expect(server.connections()).toBe(1); // keep-alive
  });

  it('sends multipart uploads and URL-encoded fields as fetch encodes them', async () => {
    const server = await serve((_req, res) => json(res, { success: true }));
    const c = client(server.url);
    await c.flows.uploadFlowJson('5', { version: '7.3', screens: [] });
    await c.encryption.setBusinessPublicKey('-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA\n-----END PUBLIC KEY-----');
    const [upload, key] = server.seen;
    expect(upload!.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
    expect(upload!.body).toMatch(/"version":\s*"7.3"/);
    expect(Number(upload!.headers['content-length'])).toBe(Buffer.byteLength(upload!.body));
    expect(key!.headers['content-type']).toMatch(/^application\/x-www-form-urlencoded/);
    expect(key!.body).toMatch(/^business_public_key=-----BEGIN\+PUBLIC\+KEY/);
  });

  it('decompresses gzip and br answers, and counts a gzip bomb after decompression', async () => {
    const server = await serve((req, res) => {
      if (req.url.includes('/1?') || req.url.endsWith('/1')) return res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' }).end(gzipSync('{"id":"1"}'));
      if (req.url.endsWith('/2')) return res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'br' }).end(brotliCompressSync('{"id":"2"}'));
      res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' }).end(gzipSync(Buffer.alloc(8 * 1024 * 1024, 0x20)));
    });
    const c = client(server.url);
    expect(await c.flows.getFlow('1')).toEqual({ id: '1' });
    expect(await c.flows.getFlow('2')).toEqual({ id: '2' });
    const error = await c.flows.getFlow('3').catch((e) => e);
    expect(error).toBeInstanceOf(ResponseTooLargeError);
    expect(error.limit).toBe(4 * 1024 * 1024);
  });

  it('stops an endless body at the limit and closes the connection', async () => {
    const server = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      const pump = () => {
        while (res.write(chunk));
      };
      res.on('drain', pump);
      pump();
    });
    const error = await client(server.url).flows.getFlow('1', {}, { maxResponseBytes: 256 * 1024 }).catch((e) => e);
    expect(error).toBeInstanceOf(ResponseTooLargeError);
    await Promise.all(server.closed); // the client hung up (an await, not a guessed delay)
  });

  it('refuses to re-send a POST to another origin, follows one on the same origin, and drops the token when a GET leaves the origin', async () => {
    const other = await serve((req, res) => json(res, { method: req.method, auth: req.headers.authorization ?? null }));
    const target = `${other.url.replace('127.0.0.1', 'localhost')}/elsewhere`;
    const graph = await serve((req, res) => {
      if (req.url.startsWith('/moved')) return json(res, { method: req.method, body: req.body });
      if (req.url.includes('/away')) return res.writeHead(302, { location: target }).end();
      res.writeHead(req.method === 'POST' && req.url.includes('/2') ? 307 : 308, { location: req.url.includes('/2') ? target : '/moved' }).end();
    });
    const c = client(graph.url);
    const error = await c.flows.updateFlowMetadata('2', { name: 'x' }).catch((e) => e);
    expect(error).toBeInstanceOf(CrossOriginRedirectError);
    expect(error.location).toBe(target);
    expect(other.seen).toEqual([]);
    expect(await c.flows.updateFlowMetadata('1', { name: 'x' })).toMatchObject({ method: 'POST', body: expect.stringContaining('name') });
    expect(await c._fetchText(`${graph.url}/away`).then((t) => JSON.parse(t))).toEqual({ method: 'GET', auth: null });
  });

  it('times out a server that never answers and closes that connection', async () => {
    const server = await serve(() => {
      // never answers
    });
    const error = await client(server.url, { timeout: 100 }).flows.getFlow('1').catch((e) => e);
    expect(error).toBeInstanceOf(APIConnectionTimeoutError);
    if (transport === 'node') await Promise.all(server.closed); // node:http closes the socket at the deadline
  });
});
