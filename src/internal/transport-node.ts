/**
 * The opt-in Node transport (`new WhatsApp({ transport: 'node' })`): one attempt on `node:http`/`node:https` with a
 * keep-alive Agent shared by every client, with the same timeout, caller's signal, body limit (after decompression)
 * and redirect rules as the fetch transport (`transport-fetch.ts` + `redirects.ts`). On Node a call costs well under
 * a bare `fetch` (issue 13: about 0.6x), since it skips the WHATWG Request/Response/stream machinery.
 *
 * Loaded only by `transport.ts`, through a dynamic import, the first time a client with `transport: 'node'` sends.
 * The `node:` modules are fetched by a computed name (or `process.getBuiltinModule`), so bundlers for browsers and
 * workers never try to resolve them.
 */
import type * as Http from 'node:http';
import type * as Https from 'node:https';
import type * as Zlib from 'node:zlib';
import type { Readable } from 'node:stream';
import { ResponseTooLargeError } from '../core/base-errors.js';
import { CrossOriginRedirectError, WhatsAppError } from '../core/errors.js';
import { declaredTooLarge, LimitedBytes } from './read-body.js';
import { MAX_REDIRECTS } from './redirects.js';
import { NodeHeaders } from './transport-node-headers.js';
import { ABORTED, TIMED_OUT, plainSummary, type AttemptOutcome, type AttemptSettings, type Transport, type TransportRequest } from './transport-types.js';

interface NodeModules {
  http: typeof Http;
  https: typeof Https;
  zlib: typeof Zlib;
  agents: { 'http:': Http.Agent; 'https:': Https.Agent };
}

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
const decoder = new TextDecoder();

async function builtin<T>(name: string): Promise<T> {
  const get = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process?.getBuiltinModule;
  const found = get?.(name);
  if (found) return found as T;
  // A computed specifier: bundlers leave it alone (Node 20.0-20.15 have no getBuiltinModule).
  return (await import(/* @vite-ignore */ /* webpackIgnore: true */ name)) as T;
}

/** Loads `node:http`, `node:https` and `node:zlib` and returns the transport (rejects where they do not exist). */
export async function createNodeTransport(): Promise<Transport> {
  const [http, https, zlib] = await Promise.all([builtin<typeof Http>('node:http'), builtin<typeof Https>('node:https'), builtin<typeof Zlib>('node:zlib')]);
  // keepAlive: connections are reused between calls (Node drops an idle one before the server's `Keep-Alive: timeout`).
  const modules: NodeModules = { http, https, zlib, agents: { 'http:': new http.Agent({ keepAlive: true }), 'https:': new https.Agent({ keepAlive: true }) } };
  return (request, settings) => attempt(modules, request, settings);
}

async function attempt(m: NodeModules, request: TransportRequest, settings: AttemptSettings): Promise<AttemptOutcome> {
  const { signal, timeout } = settings;
  if (signal?.aborted) return ABORTED;
  const { body, headers } = request.body instanceof FormData ? await encodeForm(request) : encodeBody(request);
  return new Promise<AttemptOutcome>((resolve) => {
    let settled = false;
    let current: Http.ClientRequest | undefined;
    const settle = (outcome: AttemptOutcome) => {
      if (settled) return;
      settled = true;
      if (timer !== undefined) clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      // Given up (timeout, abort, too large, a network error): the socket is closed, never reused mid-answer.
      if (outcome.kind !== 'response') current?.destroy();
      resolve(outcome);
    };
    const onAbort = () => settle(ABORTED);
    const timer = Number.isFinite(timeout) ? setTimeout(settle, timeout, TIMED_OUT) : undefined;
    signal?.addEventListener('abort', onAbort, { once: true });

    const send = (url: URL, method: string, sendHeaders: Record<string, string>, sendBody: Uint8Array | string | undefined, hop: number) => {
      const lib = url.protocol === 'https:' ? m.https : m.http;
      const agent = url.protocol === 'https:' ? m.agents['https:'] : m.agents['http:'];
      const hostname = url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
      const req = lib.request({ protocol: url.protocol, hostname, port: url.port, path: url.pathname + url.search, method, headers: sendHeaders, agent }, (res) => {
        if (settled) return void res.destroy();
        const status = res.statusCode ?? 0;
        const location = REDIRECT_STATUSES.has(status) ? res.headers.location : undefined;
        if (location !== undefined) {
          res.resume();
          const next = redirect(url, location, method, status, hop, settings);
          if (next instanceof Error) return settle({ kind: 'failed', cause: next });
          const nextHeaders = { ...sendHeaders };
          // Fetch standard, HTTP-redirect fetch: 303 (not HEAD), and 301/302 after POST, continue as GET without a body.
          let nextMethod = method;
          let nextBody = sendBody;
          if ((status === 303 && method !== 'HEAD') || ((status === 301 || status === 302) && method === 'POST')) {
            nextMethod = 'GET';
            nextBody = undefined;
            for (const h of ['content-type', 'content-length']) delete nextHeaders[h];
          }
          // As fetch does: the token never follows a redirect to another origin.
          if (next.origin !== url.origin) delete nextHeaders.authorization;
          return send(next, nextMethod, nextHeaders, nextBody, hop + 1);
        }
        readAnswer(m, res, status, settings, settle);
      });
      current = req;
      req.on('error', (cause) => settle({ kind: 'failed', cause }));
      req.end(sendBody);
    };
    try {
      send(new URL(request.url), request.method, headers, body, 0);
    } catch (cause) {
      settle({ kind: 'failed', cause });
    }
  });
}

/** The next URL of a redirect, or the error that ends the attempt (the same rules as `redirects.ts`). */
function redirect(from: URL, location: string, method: string, status: number, hop: number, settings: AttemptSettings): URL | Error {
  let target: URL;
  try {
    target = new URL(location, from);
  } catch {
    return new CrossOriginRedirectError(method, settings.redact(from.toString()), settings.redact(location), status);
  }
  if (target.protocol !== 'http:' && target.protocol !== 'https:') {
    return new CrossOriginRedirectError(method, settings.redact(from.toString()), settings.redact(target.toString()), status);
  }
  // A body is never re-sent to another origin (GET and HEAD carry none and may go anywhere, as with fetch).
  if (method !== 'GET' && method !== 'HEAD' && target.origin !== from.origin) {
    return new CrossOriginRedirectError(method, settings.redact(from.toString()), settings.redact(target.toString()), status);
  }
  if (hop >= MAX_REDIRECTS) return new WhatsAppError(`${method} ${settings.redact(from.toString())}: more than ${MAX_REDIRECTS} redirects.`);
  return target;
}

/** Reads the answer to its end, decompressed, up to the body limit. */
function readAnswer(m: NodeModules, res: Http.IncomingMessage, status: number, settings: AttemptSettings, settle: (outcome: AttemptOutcome) => void): void {
  const limit = settings.maxBytes;
  const encoding = res.headers['content-encoding']?.trim().toLowerCase();
  // Content-Length counts the encoded bytes: it only proves "too large" when the body is not compressed.
  if (!encoding && declaredTooLarge(res.headers['content-length'], limit)) {
    return settle({ kind: 'failed', cause: new ResponseTooLargeError(limit, plainSummary(settings.summary)) });
  }
  const fail = (cause: unknown) => settle({ kind: 'failed', cause });
  let stream: Readable = res;
  const inflate =
    encoding === 'gzip' || encoding === 'x-gzip' ? m.zlib.createGunzip() : encoding === 'deflate' ? m.zlib.createInflate() : encoding === 'br' ? m.zlib.createBrotliDecompress() : undefined;
  if (inflate) {
    stream = res.pipe(inflate);
    res.on('error', fail);
  }
  const collected = new LimitedBytes(limit);
  stream.on('data', (chunk: Uint8Array) => {
    if (!collected.add(chunk)) fail(new ResponseTooLargeError(limit, plainSummary(settings.summary)));
  });
  stream.on('error', fail);
  stream.on('end', () => {
    const bytes = collected.bytes();
    let text = Buffer.isBuffer(bytes) ? bytes.toString('utf8') : decoder.decode(bytes);
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1); // fetch's text() drops a byte order mark too
    const response = { ok: status >= 200 && status < 300, status, statusText: res.statusMessage ?? '', headers: new NodeHeaders(res.headers), text, durationMs: 0 };
    settle({ kind: 'response', response });
  });
  res.on('close', () => {
    if (!res.complete) fail(Object.assign(new Error('The connection closed before the whole answer arrived.'), { code: 'ECONNRESET' }));
  });
}

/** A text body as bytes with its length (and the form type for URL-encoded fields, as fetch sends it). */
function encodeBody(request: TransportRequest): { body: Uint8Array | string | undefined; headers: Record<string, string> } {
  const { body } = request;
  if (body === undefined) return { body: undefined, headers: request.headers };
  const text = typeof body === 'string' ? body : body.toString();
  const headers: Record<string, string> = { ...request.headers, 'content-length': String(Buffer.byteLength(text)) };
  if (body instanceof URLSearchParams && headers['content-type'] === undefined) headers['content-type'] = 'application/x-www-form-urlencoded;charset=UTF-8';
  return { body: text, headers };
}

/** A multipart body encoded by the runtime's own `Response` (the same bytes and boundary fetch would send). */
async function encodeForm(request: TransportRequest): Promise<{ body: Uint8Array; headers: Record<string, string> }> {
  const encoded = new Response(request.body as FormData);
  const body = new Uint8Array(await encoded.arrayBuffer());
  const headers: Record<string, string> = { ...request.headers, 'content-type': encoded.headers.get('content-type') ?? 'multipart/form-data', 'content-length': String(body.byteLength) };
  return { body, headers };
}
