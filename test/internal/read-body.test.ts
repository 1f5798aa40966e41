/** The one body reader (internal/read-body.ts): exact bytes, and reading stops at the limit. */
import { once } from 'node:events';
import { createServer, request as httpRequest, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { toNodeListener } from '../../src/adapters/node.js';
import { LimitedBytes, readRawBody, readStreamWithLimit } from '../../src/internal/read-body.js';

const CHUNK = 1_024;

/** A long stream (1000 chunks of 1 KiB) that counts how many were pulled and whether it was cancelled. */
function endless() {
  const seen = { pulled: 0, cancelled: false };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      seen.pulled++;
      if (seen.pulled > 1_000) controller.close();
      else controller.enqueue(new Uint8Array(CHUNK).fill(seen.pulled & 0xff));
    },
    cancel() {
      seen.cancelled = true;
    },
  }, { highWaterMark: 0 });
  return { stream, seen };
}

function finite(chunks: number[][]) {
  return new ReadableStream<Uint8Array>({
    start(controller) {
      for (const c of chunks) controller.enqueue(new Uint8Array(c));
      controller.close();
    },
  });
}

describe('readStreamWithLimit', () => {
  it('stops reading at the first chunk past the limit and cancels the stream', async () => {
    const { stream, seen } = endless();
    expect(await readStreamWithLimit(stream, 10 * CHUNK)).toBe('too-large');
    expect(seen.pulled).toBe(11);
    expect(seen.cancelled).toBe(true);
  });

  it('gives the exact bytes, in order, up to and including the limit', async () => {
    expect(await readStreamWithLimit(finite([[1, 2], [3], [4, 5, 6]]), 6)).toEqual(new Uint8Array([1, 2, 3, 4, 5, 6]));
    expect(await readStreamWithLimit(finite([[1, 2], [3], [4, 5, 6]]), 5)).toBe('too-large');
    expect(await readStreamWithLimit(finite([]), 0)).toEqual(new Uint8Array());
  });
});

describe('readRawBody', () => {
  it('refuses a declared Content-Length over the limit without reading anything', async () => {
    const { stream, seen } = endless();
    const request = new Request('http://x/', { method: 'POST', body: stream, headers: { 'content-length': String(100 * CHUNK) }, duplex: 'half' } as RequestInit);
    expect(await readRawBody(request, 10 * CHUNK)).toBe('too-large');
    expect(seen.pulled).toBeLessThanOrEqual(1);
  });

  it('an empty body is zero bytes', async () => {
    expect(await readRawBody(new Request('http://x/', { method: 'POST' }), 10)).toEqual(new Uint8Array());
  });
});

describe('LimitedBytes', () => {
  it('keeps chunks until the total passes the limit', () => {
    const bytes = new LimitedBytes(4);
    expect(bytes.add(new Uint8Array([1, 2]))).toBe(true);
    expect(bytes.add(new Uint8Array([3, 4]))).toBe(true);
    expect(bytes.bytes()).toEqual(new Uint8Array([1, 2, 3, 4]));
    expect(bytes.add(new Uint8Array([5]))).toBe(false);
  });
});

describe('the Node adapter reads with the same limit (real HTTP on 127.0.0.1)', () => {
  it('hands the handler the exact bytes, and answers 413 for a chunked body past the limit', async () => {
    let received: Uint8Array | undefined;
    const listener = toNodeListener(async (req) => {
      received = new Uint8Array(await req.arrayBuffer());
      return new Response('ok');
    }, { maxBodyBytes: 4 * CHUNK });
    const server = createServer(listener).listen(0, '127.0.0.1');
    await once(server, 'listening');
    const port = (server.address() as AddressInfo).port;
    const send = (chunks: Uint8Array[]) =>
      new Promise<IncomingMessage>((resolve, reject) => {
        // No Content-Length: chunked, so the limit is found while reading.
        const req = httpRequest({ host: '127.0.0.1', port, method: 'POST', path: '/' }, resolve);
        req.on('error', reject);
        for (const c of chunks) req.write(c);
        req.end();
      });
    try {
      const exact = new Uint8Array(4 * CHUNK).map((_, i) => i & 0xff);
      const ok = await send([exact.subarray(0, 100), exact.subarray(100)]);
      ok.resume();
      expect(ok.statusCode).toBe(200);
      expect(received).toEqual(exact);

      received = undefined;
      const big = await send([new Uint8Array(3 * CHUNK), new Uint8Array(3 * CHUNK)]);
      big.resume();
      expect(big.statusCode).toBe(413);
      expect(received).toBeUndefined();
    } finally {
      server.close();
    }
  });
});
