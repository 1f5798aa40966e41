/**
 * The client against a hostile Graph server on 127.0.0.1: endless bodies and gzip bombs stop at the read limit,
 * a token reflected in the body, a header or the reason phrase never reaches the error, and a POST redirected to
 * another origin is not re-sent there.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { inspect } from 'node:util';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import WhatsApp, { CrossOriginRedirectError, GraphApiError, ResponseTooLargeError, WhatsAppError } from '../../src/index.js';
import { readResponseBody } from '../../src/internal/read-body.js';

const TOKEN = 'EAAGhostile0123456789abcdefghijklmnopqrstuvwxyzABCD';
const servers: Server[] = [];

async function serve(handle: (req: IncomingMessage, res: ServerResponse) => void): Promise<{ url: string; requests: string[] }> {
  const requests: string[] = [];
  const server = createServer((req, res) => {
    requests.push(`${req.method} ${req.url}`);
    handle(req, res);
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, requests };
}

afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

const client = (baseUrl: string) => new WhatsApp({ accessToken: TOKEN, businessAcctId: '111', phoneNumberId: '222', baseUrl, maxRetries: 0, timeout: 20_000 });

/** Every run of 8 characters of the token. */
function tokenPieces(): string[] {
  const pieces: string[] = [];
  for (let i = 0; i + 8 <= TOKEN.length; i++) pieces.push(TOKEN.slice(i, i + 8));
  return pieces;
}

describe('response body limits', () => {
  it('an endless body ends with ResponseTooLargeError at the limit', async () => {
    let written = 0;
    const { url } = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      const pump = () => {
        while (!res.destroyed && res.write(chunk)) written += chunk.length;
        if (!res.destroyed) res.once('drain', pump);
      };
      pump();
    });
    const error = await client(url).flows.getFlow('1', {}, { maxResponseBytes: 1024 * 1024 }).catch((e) => e);
    expect(error).toBeInstanceOf(ResponseTooLargeError);
    expect(error).toBeInstanceOf(WhatsAppError);
    expect(error.limit).toBe(1024 * 1024);
    expect(error.message).toMatch(/larger than 1048576 bytes.*maxResponseBytes/);
    // Generous: the server got far less than the 2.5 GiB of the report before the client hung up.
    expect(written).toBeLessThan(64 * 1024 * 1024);
  });

  it('a gzip bomb is counted after decompression (default limit, 4 MiB)', async () => {
    const bomb = gzipSync(Buffer.alloc(64 * 1024 * 1024, 0x20));
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const { url } = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip', 'content-length': bomb.length });
      res.end(bomb);
    });
    const error = await client(url).flows.getFlow('1').catch((e) => e);
    expect(error).toBeInstanceOf(ResponseTooLargeError);
    expect(error.limit).toBe(4 * 1024 * 1024);
  });

  it('an answer under the limit reads as before; readResponseBody is exported for other readers', async () => {
    const { url } = await serve((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"id":"1","name":"ok"}'));
    await expect(client(url).flows.getFlow('1')).resolves.toMatchObject({ name: 'ok' });
    const bytes = await readResponseBody(new Response('hello'), { limit: 5 });
    expect(new TextDecoder().decode(bytes)).toBe('hello');
    await expect(readResponseBody(new Response('hello!'), { limit: 5 })).rejects.toBeInstanceOf(ResponseTooLargeError);
  });
});

describe('secrets reflected by the server', () => {
  it('a token echoed in the body (past 200 characters), a header and the reason phrase never reaches the error', async () => {
    const { url } = await serve((_req, res) => {
      res.statusMessage = `Bad ${TOKEN}`;
      // Not JSON, and the token straddles the 200-character preview cut.
      res.writeHead(400, { 'content-type': 'text/plain', 'x-echo': TOKEN, 'www-authenticate': `Bearer ${TOKEN}` });
      res.end(`${'x'.repeat(190)}${TOKEN} and again ${TOKEN}`);
    });
    const error = await client(url).flows.getFlow('1').catch((e) => e);
    expect(error).toBeInstanceOf(GraphApiError);
    const texts = [error.message, String(error), error.stack, JSON.stringify(error), JSON.stringify(error.response), JSON.stringify(error.headers), inspect(error, { depth: 20, showHidden: true })];
    for (const text of texts) for (const piece of tokenPieces()) expect(text).not.toContain(piece);
    expect(error.response.statusText).toContain('[REDACTED]');
    expect(error.headers['x-echo']).toBe('[REDACTED]');
  });

  it('a piece of the token (a server that cut it) is redacted too', async () => {
    const { url } = await serve((_req, res) => res.writeHead(400, { 'content-type': 'application/json', 'x-part': TOKEN.slice(3, 20) }).end(JSON.stringify({ error: { message: `bad token ${TOKEN.slice(0, 45)}`, code: 190 } })));
    const error = await client(url).flows.getFlow('1').catch((e) => e);
    const text = inspect(error, { depth: 20, showHidden: true });
    for (const piece of tokenPieces()) expect(text).not.toContain(piece);
    expect(error.message).toContain('bad token [REDACTED]');
  });

  it('a token echoed in a non-JSON success body is redacted before the preview is cut', async () => {
    const { url } = await serve((_req, res) => res.writeHead(200, { 'content-type': 'text/plain' }).end(`${'y'.repeat(180)}${TOKEN}`));
    const error = await client(url).flows.getFlow('1').catch((e) => e);
    expect(error).toBeInstanceOf(WhatsAppError);
    const text = inspect(error, { depth: 20, showHidden: true });
    for (const piece of tokenPieces()) expect(text).not.toContain(piece);
  });
});

describe('redirects', () => {
  it('a POST redirected (307) to another origin is not re-sent there; the error names the target', async () => {
    const other = await serve((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"success":true}'));
    const target = `${other.url.replace('127.0.0.1', 'localhost')}/steal`;
    const graph = await serve((_req, res) => res.writeHead(307, { location: target }).end());
    const error = await client(graph.url).flows.updateFlowMetadata('1', { name: 'x' }).catch((e) => e);
    expect(error).toBeInstanceOf(CrossOriginRedirectError);
    expect(error.location).toBe(target);
    expect(error.message).toContain(target);
    expect(other.requests).toEqual([]);
  });

  it('a POST redirected on the same origin is followed; a GET is left to fetch', async () => {
    const graph = await serve((req, res) => {
      if (req.url?.startsWith('/moved')) {
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ success: true, method: req.method }));
      } else res.writeHead(308, { location: '/moved' }).end();
    });
    await expect(client(graph.url).flows.updateFlowMetadata('1', { name: 'x' })).resolves.toMatchObject({ success: true, method: 'POST' });
    await expect(client(graph.url).flows.getFlow('1')).resolves.toMatchObject({ method: 'GET' });
  });
});
