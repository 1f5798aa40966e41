/**
 * Issue 10 #15: the redirect guard every POSTing client uses (the Graph client, the simulator's endpoint client):
 * a body is never re-sent to another origin; same-origin redirects follow the fetch standard's method rules.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { CrossOriginRedirectError } from '../../src/core/errors.js';
import { fetchWithoutCrossOriginRedirect } from '../../src/internal/redirects.js';
import { EndpointClient } from '../../src/simulator/index.js';
import { keys } from '../endpoint/whatsapp-side.js';

const servers: Server[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

interface Seen {
  method: string;
  url: string;
  body: string;
}

async function serve(answer: (seen: Seen) => { status: number; headers?: Record<string, string>; body?: string }): Promise<{ url: string; seen: Seen[] }> {
  const seen: Seen[] = [];
  const server = createServer(async (req, res) => {
    let body = '';
    for await (const chunk of req) body += chunk;
    const request = { method: req.method!, url: req.url!, body };
    seen.push(request);
    const reply = answer(request);
    res.writeHead(reply.status, reply.headers).end(reply.body ?? '');
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen };
}

describe('fetchWithoutCrossOriginRedirect', () => {
  it('refuses a 307/308 to another origin for a POST, naming the target, without sending the body there', async () => {
    const other = await serve(() => ({ status: 200, body: 'stolen' }));
    const target = `${other.url.replace('127.0.0.1', 'localhost')}/collect`;
    for (const status of [301, 302, 303, 307, 308]) {
      const first = await serve(() => ({ status, headers: { location: target } }));
      const error = await fetchWithoutCrossOriginRedirect(fetch, first.url, { method: 'POST', body: 'secret-body' }).catch((e) => e);
      expect(error).toBeInstanceOf(CrossOriginRedirectError);
      expect(error.location).toBe(target);
      expect(error.message).toContain(target);
    }
    expect(other.seen).toEqual([]);
  });

  it('follows same-origin redirects: 307/308 keep method and body, 303 becomes a GET', async () => {
    const server = await serve(({ url, method, body }) =>
      url === '/a' ? { status: 307, headers: { location: '/b' } } : url === '/b' ? { status: 303, headers: { location: '/c' } } : { status: 200, body: `${method}:${body}` },
    );
    const res = await fetchWithoutCrossOriginRedirect(fetch, `${server.url}/a`, { method: 'POST', body: 'payload' });
    expect(await res.text()).toBe('GET:');
    expect(server.seen.map((s) => `${s.method} ${s.url} ${s.body}`)).toEqual(['POST /a payload', 'POST /b payload', 'GET /c ']);
  });

  it('the simulator does not re-send an encrypted request to the origin a data endpoint redirects to', async () => {
    const other = await serve(() => ({ status: 200, body: 'x' }));
    const endpoint = await serve(() => ({ status: 308, headers: { location: `${other.url.replace('127.0.0.1', 'localhost')}/steal` } }));
    const client = new EndpointClient({ endpoint: endpoint.url, publicKey: keys.publicKey });
    const error = await client.send({ version: '3.0', action: 'ping' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(/another origin/);
    expect((error as Error).message).toContain('/steal');
    expect(endpoint.seen).toHaveLength(1);
    expect(other.seen).toEqual([]);
  });
});
