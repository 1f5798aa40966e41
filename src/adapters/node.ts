import type { IncomingMessage, ServerResponse } from 'node:http';
import { declaredTooLarge, LimitedBytes } from '../internal/read-body.js';

export type WebHandler = (request: Request) => Promise<Response> | Response;

/** The Node and Express adapters' default body limit: 16 MiB, above every handler's own limit, so the handler decides. */
export const DEFAULT_ADAPTER_MAX_BODY_BYTES = 16 * 1024 * 1024;

export interface NodeListenerOptions {
  /** Largest request body accepted, in bytes (default 16 MiB); larger bodies get 413 without reaching the handler. */
  maxBodyBytes?: number;
}

/**
 * Turns a Web handler into a `node:http` request listener. The body is handed over byte for byte (signature
 * checks need the raw bytes), the client's disconnect aborts `request.signal`, and a handler that throws gets a
 * bare 500 (nothing of the error is sent).
 */
export function toNodeListener(handler: WebHandler, options: NodeListenerOptions = {}) {
  const limit = options.maxBodyBytes ?? DEFAULT_ADAPTER_MAX_BODY_BYTES;
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const controller = new AbortController();
    res.on('close', () => {
      if (!res.writableFinished) controller.abort();
    });
    try {
      const body = await readBody(req, limit);
      if (body === 'too-large') {
        res.writeHead(413, { 'content-type': 'text/plain' }).end('Request body too large');
        req.resume();
        return;
      }
      const request = toRequest(req, body, controller.signal);
      const response = await handler(request);
      await writeResponse(res, response);
    } catch {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end();
    }
  };
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
 * Reads a request stream to its end: the bytes, `undefined` for an empty body, or `'too-large'` past `limit`.
 * @internal Shared by the framework adapters.
 */
export function readBody(req: IncomingMessage, limit: number): Promise<Uint8Array | undefined | 'too-large'> {
  const declared = req.headers['content-length'];
  if (declaredTooLarge(declared, limit)) return Promise.resolve('too-large');
  return new Promise((resolve, reject) => {
    const collected = new LimitedBytes(limit);
    req.on('data', (chunk: Buffer) => {
      if (collected.add(chunk)) return;
      // Stop collecting; the caller answers 413 and drains the rest (req.resume()) so the answer can be sent.
      req.removeAllListeners('data');
      resolve('too-large');
    });
    req.on('end', () => resolve(collected.size > 0 ? collected.bytes() : undefined));
    req.on('error', reject);
  });
}

/**
 * Writes a Web `Response` (status, headers including every `set-cookie`, streamed body) to a `node:http` response.
 * @internal Shared by the framework adapters.
 */
export async function writeResponse(res: ServerResponse, response: Response): Promise<void> {
  const headers: Record<string, string | string[]> = {};
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
