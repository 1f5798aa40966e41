import type { IncomingMessage, ServerResponse } from 'node:http';
import { effectiveBodyLimit } from '../internal/body-limit.js';
import { rawExchangeOf, type RawExchangeAnswer } from '../internal/raw-exchange.js';
import { readBody, refuse } from './node-body.js';
import { readiness } from './ready.js';

export { DEFAULT_BODY_TIMEOUT_MS, readBody, refuse } from './node-body.js';

export type WebHandler = (request: Request) => Promise<Response> | Response;

/**
 * The Node and Express adapters' body limit for a handler that declares none of its own (16 MiB). The SDK's
 * endpoint and webhook handlers declare theirs (2 MiB, 4 MiB, or their `maxBodyBytes`), and that one applies.
 */
export const DEFAULT_ADAPTER_MAX_BODY_BYTES = 16 * 1024 * 1024;

export interface NodeListenerOptions {
  /**
   * Largest request body accepted, in bytes, for a handler that declares no limit of its own (default 16 MiB).
   * The SDK's handlers declare theirs; this option can only lower it. Larger bodies get 413 before they are read.
   */
  maxBodyBytes?: number;
  /** Time allowed for the whole body to arrive, in ms (default 10 000, WhatsApp's timeout); slower gets 408. */
  bodyTimeoutMs?: number;
}

/**
 * Turns a Web handler into a `node:http` request listener. The body is handed over byte for byte (signature
 * checks need the raw bytes), the client's disconnect aborts `request.signal`, and a handler that throws gets a
 * bare 500 (nothing of the error is sent). Bodies past the handler's limit get 413 and bodies slower than
 * `bodyTimeoutMs` get 408; both close the connection without reading the rest. A handler that declares a raw
 * exchange (the SDK's flow endpoint does) gets the bytes and headers directly and its answer is written as it is:
 * no Web `Request` or `Response` is built.
 */
export function toNodeListener(handler: WebHandler, options: NodeListenerOptions = {}) {
  const limit = effectiveBodyLimit(handler, options.maxBodyBytes, DEFAULT_ADAPTER_MAX_BODY_BYTES);
  const raw = rawExchangeOf(handler);
  const ready = readiness(handler);
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const controller = raw ? undefined : abortOnClose(res);
    try {
      // A key that failed to load answers 500 without reading the body (the endpoint already reported it).
      const waiting = ready();
      if (waiting) await waiting;
      const body = await readBody(req, limit, options.bodyTimeoutMs);
      if (body === 'too-large' || body === 'too-slow') {
        refuse(req, res, body);
        return;
      }
      if (raw) writeAnswer(res, await raw({ method: req.method ?? 'GET', url: req.url, body, headers: req.headers }));
      else await writeResponse(res, await handler(toRequest(req, body, controller!.signal)));
    } catch {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end();
    }
  };
}

/**
 * An AbortController aborted when the client goes away before the answer is written (`request.signal`).
 * @internal Shared by the framework adapters.
 */
export function abortOnClose(res: ServerResponse): AbortController {
  const controller = new AbortController();
  res.on('close', () => {
    if (!res.writableFinished) controller.abort();
  });
  return controller;
}

/**
 * Writes a raw exchange's answer in one go, with its length (the reason phrase left empty, as for a Web `Response`).
 * @internal Shared by the framework adapters.
 */
export function writeAnswer(res: ServerResponse, answer: RawExchangeAnswer): void {
  const headers: Record<string, string | number> = { ...answer.headers };
  if (answer.body !== undefined) headers['content-length'] = Buffer.byteLength(answer.body);
  res.writeHead(answer.status, '', headers);
  res.end(answer.body);
}

/**
 * Builds a Web `Request` from a `node:http` request and its already-read body bytes.
 * @internal Shared by the framework adapters (`path` overrides `req.url`, e.g. Express's `originalUrl`).
 */
export function toRequest(req: IncomingMessage, body: Uint8Array | undefined, signal: AbortSignal, path?: string): Request {
  const host = req.headers.host ?? 'localhost';
  const protocol = (req.socket as { encrypted?: boolean }).encrypted ? 'https' : 'http';
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const v of value) headers.append(name, v);
    else headers.set(name, value);
  }
  const method = req.method ?? 'GET';
  const init: RequestInit = { method, headers, signal };
  if (body && body.length > 0 && method !== 'GET' && method !== 'HEAD') init.body = new Uint8Array(body.buffer, body.byteOffset, body.byteLength) as Uint8Array<ArrayBuffer>;
  return new Request(requestUrl(protocol, host, path ?? req.url ?? '/'), init);
}

/**
 * The request's absolute URL. The Host header and the target come from the client: a malformed Host falls back to
 * `localhost`, and an absolute-form target (`POST http://example.com/flow`) keeps only its path and query.
 */
function requestUrl(protocol: string, host: string, target: string): string {
  let base: URL;
  try {
    base = new URL(`${protocol}://${host}`);
  } catch {
    base = new URL(`${protocol}://localhost`);
  }
  try {
    const parsed = new URL(target, base);
    return new URL(`${parsed.pathname}${parsed.search}`, base).toString();
  } catch {
    return new URL('/', base).toString();
  }
}

/**
 * Writes a Web `Response` (status, headers including every `set-cookie`, streamed body) to a `node:http` response.
 * @internal Shared by the framework adapters.
 */
export async function writeResponse(res: ServerResponse, response: Response): Promise<void> {
  // No prototype: a header named `__proto__` stays a header.
  const headers: Record<string, string | string[]> = Object.create(null);
  response.headers.forEach((value, key) => {
    if (key === 'set-cookie') return;
    headers[key] = value;
  });
  const cookies = response.headers.getSetCookie?.() ?? [];
  if (cookies.length) headers['set-cookie'] = cookies;
  res.writeHead(response.status, response.statusText, headers);
  if (!response.body) {
    res.end();
    return;
  }
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (!res.write(value)) await new Promise((r) => res.once('drain', r));
  }
  res.end();
}
