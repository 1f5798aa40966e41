import { InvalidArgumentError } from '../core/errors.js';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { effectiveBodyLimit } from '../internal/body-limit.js';
import { rawExchangeOf } from '../internal/raw-exchange.js';
import { DEFAULT_BODY_TIMEOUT_MS, refuse } from './node-body.js';
import { abortOnClose, toRequest, type WebHandler } from './node.js';
import { readiness, whenReady } from './ready.js';

/** Fastify's default body limit here: 4 MiB, above Fastify's own 1 MiB (Meta documents webhook payloads of up to 3 MB). */
export const DEFAULT_FASTIFY_MAX_BODY_BYTES = 4 * 1024 * 1024;

// Structural views of the Fastify (4 or 5) objects the adapter uses: `fastify` is never imported.
export interface FastifyRequestLike {
  raw: IncomingMessage;
  body?: unknown;
  log?: { error(obj: unknown, msg?: string): void };
}
export interface FastifyReplyLike {
  raw: ServerResponse;
  code(statusCode: number): unknown;
  header(name: string, value: unknown): unknown;
  send(payload?: unknown): unknown;
}
export interface FastifyInstanceLike {
  removeAllContentTypeParsers(): void;
  addContentTypeParser(contentType: string, options: { parseAs: 'buffer'; bodyLimit?: number }, parser: (request: any, body: Buffer, done: (error: Error | null, body?: unknown) => void) => void): void;
  route(options: { method: string | string[]; url: string; handler: (request: any, reply: any) => unknown }): unknown;
  register(plugin: (instance: any, options: any) => Promise<void>): unknown;
  addHook?(name: 'onRequest', hook: (request: any, reply: any, done: () => void) => void): unknown;
}

export interface FastifyAdapterOptions {
  /**
   * Largest body the raw parser accepts, in bytes (default 4 MiB); larger gets 413. With
   * {@link registerFlowEndpoint}, a handler that declares its own limit (the SDK's endpoint and webhook handlers
   * do) gets that one; this option can only lower it.
   */
  maxBodyBytes?: number;
  /**
   * With {@link registerFlowEndpoint}: time allowed for the whole body to arrive, in ms (default 10 000, WhatsApp's
   * timeout); slower gets 408 and the connection is closed. Fastify's own `requestTimeout` is off by default.
   */
  bodyTimeoutMs?: number;
}

/**
 * Makes the scope of `fastify` keep every request body as raw bytes: drops the JSON/text parsers and adds a
 * catch-all `'*'` parser with `parseAs: 'buffer'`. Call it inside an encapsulated plugin (as
 * {@link registerFlowEndpoint} does) so that the app's other routes keep their JSON parsing.
 */
export function rawBodyParser(fastify: FastifyInstanceLike, options: FastifyAdapterOptions = {}): void {
  fastify.removeAllContentTypeParsers();
  const parserOptions = { parseAs: 'buffer' as const, bodyLimit: options.maxBodyBytes ?? DEFAULT_FASTIFY_MAX_BODY_BYTES };
  fastify.addContentTypeParser('*', parserOptions, (_request, body, done) => done(null, body));
}

/**
 * Turns a Web handler into a Fastify route handler. The route's scope must use {@link rawBodyParser} (so
 * `request.body` is the raw Buffer signatures are checked against); a body some other parser turned into a string or
 * object is refused with an error that says so. The handler's status, headers (every `set-cookie`) and body are sent
 * through `reply`; a handler that throws gets a bare 500 (the error goes to `request.log`, not to the client). A
 * handler that declares a raw exchange (the SDK's flow endpoint does) gets the bytes and headers directly, with no
 * Web `Request` or `Response` built.
 */
export function toFastifyHandler(handler: WebHandler) {
  const raw = rawExchangeOf(handler);
  const ready = readiness(handler);
  return async (request: FastifyRequestLike, reply: FastifyReplyLike): Promise<FastifyReplyLike> => {
    const body = request.body;
    if (body !== undefined && body !== null && !Buffer.isBuffer(body)) {
      throw new InvalidArgumentError('meta-cloud-api: the request body reached the handler already parsed, so its raw bytes (needed for signature checks) are gone. Register the route with registerFlowEndpoint(), or call rawBodyParser(scope) in its plugin scope.');
    }
    let status = 500;
    let headers: Iterable<[string, string]> = [['content-type', 'text/plain']];
    let cookies: string[] = [];
    let payload: Buffer | string | undefined;
    try {
      const waiting = ready();
      if (waiting) await waiting;
      if (raw) {
        const answer = await raw({ method: request.raw.method ?? 'GET', url: request.raw.url, body: body ?? undefined, headers: request.raw.headers });
        [status, headers, payload] = [answer.status, Object.entries(answer.headers), answer.body || undefined];
      } else {
        const response = await handler(toRequest(request.raw, body ?? undefined, abortOnClose(reply.raw).signal));
        const bytes = response.body ? Buffer.from(await response.arrayBuffer()) : undefined;
        [status, headers, payload, cookies] = [response.status, response.headers, bytes?.length ? bytes : undefined, response.headers.getSetCookie()];
      }
    } catch (error) {
      request.log?.error(error, 'meta-cloud-api: the Web handler threw; answering a bare 500');
    }
    reply.code(status);
    for (const [name, value] of headers) if (name !== 'set-cookie') reply.header(name, value);
    if (cookies.length) reply.header('set-cookie', cookies);
    reply.send(payload);
    return reply;
  };
}

/**
 * Registers `handler` on `path` in its own encapsulated scope with {@link rawBodyParser}, so the handler sees the
 * exact bytes while the rest of the app keeps its parsers. `methods` defaults to GET (webhook verification) and POST.
 * Returns what `fastify.register` returns (await it, or let `listen`/`ready` load it).
 *
 * @example
 * ```ts
 * import Fastify from 'fastify';
 * import { registerFlowEndpoint } from 'meta-cloud-api/adapters/fastify';
 *
 * const app = Fastify({ logger: true });
 * registerFlowEndpoint(app, '/flow', flowEndpoint);
 * registerFlowEndpoint(app, '/webhooks', webhookHandler, { methods: ['GET', 'POST'], maxBodyBytes: 4 * 1024 * 1024 });
 * await app.listen({ port: 3000 });
 * ```
 */
export function registerFlowEndpoint(fastify: FastifyInstanceLike, path: string, handler: WebHandler, options: FastifyAdapterOptions & { methods?: string | string[] } = {}) {
  const maxBodyBytes = effectiveBodyLimit(handler, options.maxBodyBytes, DEFAULT_FASTIFY_MAX_BODY_BYTES);
  const timeoutMs = options.bodyTimeoutMs ?? DEFAULT_BODY_TIMEOUT_MS;
  return fastify.register(async (scope: FastifyInstanceLike) => {
    // A flow endpoint whose key cannot load fails the app's start-up (ready/listen) with the KeyFormatError.
    await whenReady(handler);
    rawBodyParser(scope, { maxBodyBytes });
    scope.addHook?.('onRequest', (request: FastifyRequestLike, reply: FastifyReplyLike, done: () => void) => {
      armBodyDeadline(request.raw, reply.raw, timeoutMs);
      done();
    });
    scope.route({ method: options.methods ?? ['GET', 'POST'], url: path, handler: toFastifyHandler(handler) });
  });
}

/** Answers 408 and closes the connection when the request's body has not fully arrived within `timeoutMs`. */
function armBodyDeadline(req: IncomingMessage, res: ServerResponse, timeoutMs: number): void {
  if (req.readableEnded) return;
  const timer = setTimeout(() => {
    if (!req.readableEnded) refuse(req, res, 'too-slow');
  }, timeoutMs);
  const clear = () => clearTimeout(timer);
  req.once('end', clear);
  req.once('close', clear);
  res.once('close', clear);
}
