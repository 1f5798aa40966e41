import { InvalidArgumentError } from '../core/errors.js';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { effectiveBodyLimit } from '../internal/body-limit.js';
import { readBody, refuse } from './node-body.js';
import { rawExchangeOf } from '../internal/raw-exchange.js';
import { abortOnClose, DEFAULT_ADAPTER_MAX_BODY_BYTES, toRequest, writeAnswer, writeResponse, type NodeListenerOptions, type WebHandler } from './node.js';
import { readiness } from './ready.js';

/** The parts of Express's `req` the adapter uses (structural: `express` is not imported). */
export type ExpressRequestLike = IncomingMessage & { body?: unknown; originalUrl?: string; _body?: boolean };
export type ExpressNext = (error?: unknown) => void;

/**
 * Turns a Web handler into an Express (4 or 5) route handler that hands the RAW body bytes to the handler
 * (signature checks such as `x-hub-signature-256` need the exact bytes).
 *
 * Mount it before any body parser that may consume its route's body (`express.json()`, `urlencoded()`, `text()`),
 * or run `express.raw({ type: () => true })` on its path first: a Buffer `req.body` is used as is, an unread stream is
 * read here. If a parser already consumed the body, the raw bytes are gone: the adapter calls `next(error)` saying so
 * rather than hand over a re-serialised body whose signature would not match. A handler that throws gets a bare 500
 * (nothing of the error is sent); bodies past the handler's own limit (the SDK's handlers declare theirs;
 * `maxBodyBytes`, default 16 MiB, for others) get 413 and bodies slower than `bodyTimeoutMs` (default 10 s) get 408,
 * both closing the connection without reading the rest. A handler that declares a raw exchange (the SDK's flow
 * endpoint does) gets the bytes and headers directly, with no Web `Request` or `Response` built.
 *
 * @example
 * ```ts
 * import express from 'express';
 * import { toExpressHandler } from 'meta-cloud-api/adapters/express';
 *
 * const app = express();
 * app.post('/flow', toExpressHandler(flowEndpoint)); // before app.use(express.json())
 * // or keep the raw bytes for that path whatever comes later:
 * // app.use('/flow', express.raw({ type: () => true }));
 * app.use(express.json());
 * ```
 */
export function toExpressHandler(handler: WebHandler, options: NodeListenerOptions = {}) {
  const limit = effectiveBodyLimit(handler, options.maxBodyBytes, DEFAULT_ADAPTER_MAX_BODY_BYTES);
  const raw = rawExchangeOf(handler);
  const ready = readiness(handler);
  return (req: ExpressRequestLike, res: ServerResponse, next: ExpressNext): void => {
    const hasBody = req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0;
    const consumed = req._body === true || req.readableEnded;
    if (!Buffer.isBuffer(req.body) && consumed && hasBody) {
      next(new InvalidArgumentError(
        `meta-cloud-api: the body of ${req.method} ${req.originalUrl ?? req.url} was already consumed by a body parser `
          + '(e.g. express.json()), so its raw bytes are gone and its signature cannot be checked. Mount this route before '
          + "app.use(express.json()) / urlencoded() / text(), or run express.raw({ type: '*/*' }) on its path before them.",
      ));
      return;
    }
    const controller = raw ? undefined : abortOnClose(res);
    void (async () => {
      try {
        const waiting = ready();
        if (waiting) await waiting;
        const body = Buffer.isBuffer(req.body) ? (req.body.length > limit ? 'too-large' : req.body) : consumed ? undefined : await readBody(req, limit, options.bodyTimeoutMs);
        if (body === 'too-large' || body === 'too-slow') {
          refuse(req, res, body);
          return;
        }
        if (raw) writeAnswer(res, await raw({ method: req.method ?? 'GET', url: req.originalUrl ?? req.url, body, headers: req.headers }));
        else await writeResponse(res, await handler(toRequest(req, body, controller!.signal, req.originalUrl)));
      } catch {
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
        res.end();
      }
    })();
  };
}
