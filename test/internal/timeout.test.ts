/** One attempt with a timeout (internal/timeout.ts), against real HTTP servers on 127.0.0.1. */
import { once } from 'node:events';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withTimeout } from '../../src/internal/timeout.js';

let server: Server;
let base: string;
const stalled: ServerResponse[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/ok') res.end('hello');
    else if (req.url === '/half') {
      // Headers and part of the body, then nothing: a body that stalls is a timeout too.
      res.writeHead(200, { 'content-length': '100' });
      res.write('partial');
      stalled.push(res);
    } else stalled.push(res); // never answers
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => {
  for (const res of stalled) res.destroy();
  server.close();
});

const fetchText = (path: string) => async (signal: AbortSignal) => (await fetch(base + path, { signal })).text();

describe('withTimeout', () => {
  it('gives the result when the work finishes in time', async () => {
    expect(await withTimeout(fetchText('/ok'), { timeoutMs: 5_000 })).toEqual({ kind: 'done', value: 'hello' });
  });

  it('times out a server that never answers, and aborts the attempt\'s own signal', async () => {
    let attemptSignal: AbortSignal | undefined;
    const outcome = await withTimeout((signal) => {
      attemptSignal = signal;
      return fetchText('/never')(signal);
    }, { timeoutMs: 50 });
    expect(outcome).toEqual({ kind: 'timeout' });
    expect(attemptSignal?.aborted).toBe(true);
  });

  it('times out a body that stalls after the headers', async () => {
    expect(await withTimeout(fetchText('/half'), { timeoutMs: 100 })).toEqual({ kind: 'timeout' });
  });

  it('times out work that ignores its signal (an in-process handler)', async () => {
    expect(await withTimeout(() => new Promise<never>(() => {}), { timeoutMs: 20 })).toEqual({ kind: 'timeout' });
  });

  it("respects the caller's signal: aborted at once, or before starting", async () => {
    const caller = new AbortController();
    const pending = withTimeout(fetchText('/never'), { timeoutMs: 60_000, signal: caller.signal });
    caller.abort();
    expect(await pending).toEqual({ kind: 'aborted' });
    let started = false;
    const outcome = await withTimeout(async () => {
      started = true;
    }, { timeoutMs: 1_000, signal: caller.signal });
    expect(outcome).toEqual({ kind: 'aborted' });
    expect(started).toBe(false);
  });

  it('reports a connection failure as failed, with its cause', async () => {
    const closed = createServer();
    closed.listen(0, '127.0.0.1');
    await once(closed, 'listening');
    const port = (closed.address() as AddressInfo).port;
    closed.close();
    await once(closed, 'close');
    const outcome = await withTimeout((signal) => fetch(`http://127.0.0.1:${port}/`, { signal }), { timeoutMs: 5_000 });
    expect(outcome.kind).toBe('failed');
    expect(outcome.kind === 'failed' && outcome.cause).toBeInstanceOf(Error);
  });

  it('each attempt gets its own controller: a timed-out attempt does not affect the next one', async () => {
    const signals: AbortSignal[] = [];
    const work = async (signal: AbortSignal) => {
      signals.push(signal);
      return (await fetch(base + (signals.length === 1 ? '/never' : '/ok'), { signal })).text();
    };
    expect(await withTimeout(work, { timeoutMs: 30 })).toEqual({ kind: 'timeout' });
    expect(await withTimeout(work, { timeoutMs: 5_000 })).toEqual({ kind: 'done', value: 'hello' });
    expect(signals[0]).not.toBe(signals[1]);
    expect(signals[1]!.aborted).toBe(false);
  });
});
