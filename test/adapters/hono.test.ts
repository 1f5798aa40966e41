import type { Server } from 'node:http';
import { serve as honoServe } from '@hono/node-server';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toHonoHandler } from '../../src/adapters/hono.js';
import { adapterContract, baseUrlOf, BINARY_BODY, echoHandler, httpSend, JSON_BODY, signedInit, type Echo } from './helpers.js';

const servers: Server[] = [];
async function serve(app: Hono): Promise<string> {
  const server = await new Promise<Server>((resolve) => {
    const s = honoServe({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s as Server));
  });
  servers.push(server);
  return baseUrlOf(server);
}
afterAll(async () => {
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
});

describe('toHonoHandler (real Hono app on @hono/node-server)', () => {
  let base = '';
  beforeAll(async () => {
    const app = new Hono();
    app.on(['GET', 'POST'], ['/echo', '/status421', '/empty432', '/throw'], toHonoHandler(echoHandler));
    base = await serve(app);
  });
  adapterContract(() => httpSend(() => base));
});

describe('toHonoHandler under app.route() (sub-app), called through app.request()', () => {
  const app = new Hono();
  const sub = new Hono();
  sub.on(['GET', 'POST'], ['/echo', '/status421', '/empty432', '/throw'], toHonoHandler(echoHandler));
  app.route('/mounted', sub);
  adapterContract(() => async (path, init) => app.request(path, init), '/mounted');
});

describe('toHonoHandler after a middleware that read the body', () => {
  let base = '';
  beforeAll(async () => {
    const app = new Hono();
    app.use('/bytes/*', async (c, next) => {
      await c.req.arrayBuffer();
      await next();
    });
    app.use('/json/*', async (c, next) => {
      await c.req.json();
      await next();
    });
    app.post('/bytes/echo', toHonoHandler(echoHandler));
    app.post('/json/echo', toHonoHandler(echoHandler));
    app.onError((error, c) => c.json({ message: error.message }, 500));
    base = await serve(app);
  });

  it("uses the exact bytes Hono cached from c.req.arrayBuffer()", async () => {
    const res = await fetch(`${base}/bytes/echo`, signedInit(BINARY_BODY, 'application/octet-stream'));
    const echo = (await res.json()) as Echo;
    expect(Buffer.from(echo.bodyBase64, 'base64').equals(Buffer.from(BINARY_BODY))).toBe(true);
    expect(echo.signatureHeader).toBe(echo.computedSignature);
  });

  it('fails loudly after c.req.json() instead of handing over a maybe-different body', async () => {
    const res = await fetch(`${base}/json/echo`, signedInit(JSON_BODY, 'application/json'));
    expect(res.status).toBe(500);
    expect(((await res.json()) as { message: string }).message).toContain('raw bytes');
  });
});
