import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawBodyParser, registerFlowEndpoint, toFastifyHandler } from '../../src/adapters/fastify.js';
import { adapterContract, echoHandler, httpSend, JSON_BODY, SECRET_DETAIL, signedInit, type Echo } from './helpers.js';

const apps: FastifyInstance[] = [];
async function serve(app: FastifyInstance): Promise<string> {
  apps.push(app);
  return app.listen({ port: 0, host: '127.0.0.1' });
}
afterAll(async () => {
  await Promise.all(apps.map((app) => app.close()));
});

describe('registerFlowEndpoint (real Fastify app)', () => {
  let base = '';
  const logged: unknown[] = [];
  beforeAll(async () => {
    const app = Fastify({
      logger: { level: 'error', stream: { write: (line: string) => void logged.push(JSON.parse(line)) } },
    });
    for (const path of ['/echo', '/status421', '/empty432', '/throw']) registerFlowEndpoint(app, path, echoHandler);
    app.post('/parsed', async (request) => ({ parsed: request.body })); // outside the endpoint's scope
    base = await serve(app);
  });
  adapterContract(() => httpSend(() => base));

  it("logs a throwing handler's error through request.log, not to the client", async () => {
    const before = logged.length;
    expect((await fetch(`${base}/throw`, signedInit('{}', 'application/json'))).status).toBe(500);
    expect(JSON.stringify(logged.slice(before))).toContain(SECRET_DETAIL);
  });

  it("leaves the app's other routes with Fastify's JSON parser", async () => {
    const res = await fetch(`${base}/parsed`, signedInit('{"a": 1}', 'application/json'));
    expect(await res.json()).toEqual({ parsed: { a: 1 } });
  });
});

describe('toFastifyHandler + rawBodyParser in a plugin scope, with maxBodyBytes', () => {
  let base = '';
  beforeAll(async () => {
    const app = Fastify();
    await app.register(async (scope) => {
      rawBodyParser(scope, { maxBodyBytes: 2048 });
      scope.all('/echo', toFastifyHandler(echoHandler));
    });
    base = await serve(app);
  });

  it('passes the raw bytes', async () => {
    const res = await fetch(`${base}/echo`, signedInit(JSON_BODY, 'application/json'));
    const echo = (await res.json()) as Echo;
    expect(Buffer.from(echo.bodyBase64, 'base64').toString('utf8')).toBe(JSON_BODY);
    expect(echo.signatureHeader).toBe(echo.computedSignature);
  });

  it('answers 413 past maxBodyBytes', async () => {
    expect((await fetch(`${base}/echo`, signedInit(new Uint8Array(2049), 'application/octet-stream'))).status).toBe(413);
  });
});

describe('toFastifyHandler on a route that kept the JSON parser', () => {
  let base = '';
  beforeAll(async () => {
    const app = Fastify();
    app.post('/echo', toFastifyHandler(echoHandler));
    base = await serve(app);
  });

  it('fails loudly (500 saying why) instead of handing over re-serialised JSON', async () => {
    const res = await fetch(`${base}/echo`, signedInit(JSON_BODY, 'application/json'));
    expect(res.status).toBe(500);
    const body = (await res.json()) as { message: string };
    expect(body.message).toContain('rawBodyParser');
    expect(body.message).toContain('registerFlowEndpoint');
  });
});
