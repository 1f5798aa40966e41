import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toNodeListener } from '../../src/adapters/node.js';
import { adapterContract, baseUrlOf, echoHandler, httpSend, signedInit } from './helpers.js';

let server: Server;
let base = '';
beforeAll(async () => {
  server = createServer(toNodeListener(echoHandler, { maxBodyBytes: 64 * 1024 }));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = baseUrlOf(server);
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

describe('toNodeListener (real node:http server)', () => {
  adapterContract(() => httpSend(() => base));

  it('answers 413 past maxBodyBytes without calling the handler', async () => {
    const res = await fetch(`${base}/echo`, signedInit(new Uint8Array(64 * 1024 + 1), 'application/octet-stream'));
    expect(res.status).toBe(413);
  });
});
