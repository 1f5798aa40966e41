import { connect } from 'node:net';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { toNodeListener } from '../../src/adapters/node.js';

/** What a client controls in the request line and Host header must not turn into a 500 or a wrong URL. */
function rawExchange(port: number, request: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.end(request));
    let out = '';
    socket.on('data', (c) => (out += c));
    socket.on('end', () => resolve(out));
    socket.on('error', reject);
  });
}

describe('toNodeListener and client-supplied URLs', () => {
  it('survives a malformed Host and keeps only the path of an absolute-form target', async () => {
    const urls: string[] = [];
    const server = createServer(toNodeListener((req) => (urls.push(req.url), new Response('ok'))));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as AddressInfo).port;
    try {
      const a = await rawExchange(port, 'GET /flow?x=1 HTTP/1.1\r\nHost: a b\r\nConnection: close\r\n\r\n');
      expect(a).toMatch(/^HTTP\/1\.1 200/);
      const b = await rawExchange(port, 'GET http://example.com/flow?y=2 HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n');
      expect(b).toMatch(/^HTTP\/1\.1 200/);
      expect(urls).toEqual(['http://localhost/flow?x=1', 'http://127.0.0.1/flow?y=2']);
    } finally {
      server.close();
    }
  });
});
