import type { Server } from 'node:http';
import express, { type ErrorRequestHandler } from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toExpressHandler } from '../../src/adapters/express.js';
import { adapterContract, baseUrlOf, BINARY_BODY, echoHandler, httpSend, JSON_BODY, signedInit, type Echo } from './helpers.js';

async function start(app: express.Express): Promise<{ base: string; close: () => Promise<void> }> {
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  return { base: baseUrlOf(server), close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** Reports an error's message as JSON, so a test can read what `next(error)` said. */
const reportErrors: ErrorRequestHandler = (error: Error, _req, res, _next) => {
  res.status(500).json({ message: error.message });
};

const servers: Array<{ close: () => Promise<void> }> = [];
async function serve(app: express.Express): Promise<string> {
  const s = await start(app);
  servers.push(s);
  return s.base;
}
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
});

describe('toExpressHandler, no body parser (real Express app)', () => {
  let base = '';
  beforeAll(async () => {
    const app = express();
    app.all(['/echo', '/status421', '/empty432', '/throw'], toExpressHandler(echoHandler));
    base = await serve(app);
  });
  adapterContract(() => httpSend(() => base));
});

describe('toExpressHandler mounted on a sub-path (the Request URL keeps the full originalUrl)', () => {
  let base = '';
  beforeAll(async () => {
    const app = express();
    app.use('/mounted', toExpressHandler(echoHandler));
    base = await serve(app);
  });
  adapterContract(() => httpSend(() => base), '/mounted');
});

describe("toExpressHandler after express.raw({ type: '*/*' }) (req.body is the Buffer)", () => {
  let base = '';
  beforeAll(async () => {
    const app = express();
    app.use(express.raw({ type: '*/*' }));
    app.use(express.json()); // skipped: express.raw already read the body
    app.all(['/echo', '/status421', '/empty432', '/throw'], toExpressHandler(echoHandler, { maxBodyBytes: 1024 }));
    base = await serve(app);
  });
  adapterContract(() => httpSend(() => base));

  it('answers 413 for a Buffer body past maxBodyBytes', async () => {
    const res = await fetch(`${base}/echo`, signedInit(new Uint8Array(1025), 'application/octet-stream'));
    expect(res.status).toBe(413);
  });
});

describe('toExpressHandler behind a global express.json()', () => {
  let base = '';
  let bare = '';
  beforeAll(async () => {
    const app = express();
    app.use(express.json());
    app.use(express.urlencoded({ extended: false }));
    app.post('/echo', toExpressHandler(echoHandler));
    app.get('/echo', toExpressHandler(echoHandler));
    app.use(reportErrors);
    base = await serve(app);
    const plain = express(); // Express's own final handler, no error middleware
    plain.use(express.json());
    plain.post('/echo', toExpressHandler(echoHandler));
    bare = await serve(plain);
  });

  it('fails loudly via next(error) for a JSON body the parser consumed, instead of a wrong signature', async () => {
    const res = await fetch(`${base}/echo`, signedInit(JSON_BODY, 'application/json'));
    expect(res.status).toBe(500);
    const { message } = (await res.json()) as { message: string };
    expect(message).toContain('POST /echo');
    expect(message).toContain('express.json()');
    expect(message).toContain("express.raw({ type: '*/*' })");
    expect(message).toMatch(/signature/);
  });

  it('fails loudly for an urlencoded body too', async () => {
    const res = await fetch(`${base}/echo`, signedInit('a=1&b=2', 'application/x-www-form-urlencoded'));
    expect(res.status).toBe(500);
    expect(((await res.json()) as { message: string }).message).toContain('already consumed');
  });

  it("gives Express's default error handler a 500 (no handler reached)", async () => {
    const res = await fetch(`${bare}/echo`, signedInit(JSON_BODY, 'application/json'));
    expect(res.status).toBe(500);
    expect(res.headers.get('x-echo')).toBeNull();
  });

  it('still passes bodies the JSON parser left alone (binary) byte for byte, and GETs', async () => {
    const res = await fetch(`${base}/echo`, signedInit(BINARY_BODY, 'application/octet-stream'));
    expect(res.status).toBe(200);
    const echo = (await res.json()) as Echo;
    expect(Buffer.from(echo.bodyBase64, 'base64').equals(Buffer.from(BINARY_BODY))).toBe(true);
    expect(echo.signatureHeader).toBe(echo.computedSignature);
    const get = await fetch(`${base}/echo?hub.challenge=42`);
    expect(get.status).toBe(200);
    expect(((await get.json()) as Echo).search).toBe('?hub.challenge=42');
  });
});
