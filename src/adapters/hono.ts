import { InvalidArgumentError } from '../core/errors.js';
import { whenReady } from './ready.js';
/** A Web-standard handler (same shape as `WebHandler` in `./node.js`, declared here so this entry needs no Node types). */
export type WebHandler = (request: Request) => Promise<Response> | Response;

/** The parts of Hono's `Context` the adapter uses (structural: `hono` is not imported). */
export interface HonoContextLike {
  req: { raw: Request; bodyCache?: object };
}

/**
 * Turns a Web handler into a Hono (4) handler. Hono already speaks Web `Request`/`Response`, so the handler gets
 * `c.req.raw` with its body bytes untouched. If a middleware read the body first, the bytes are taken from Hono's
 * body cache when it kept them exactly (`c.req.arrayBuffer()`/`blob()`); after `c.req.json()`/`text()`/
 * `parseBody()` the exact bytes are not guaranteed, so the adapter throws an error saying so (to `app.onError`)
 * rather than hand over a body whose signature may not match. A handler that throws gets a bare 500.
 *
 * @example
 * ```ts
 * import { Hono } from 'hono';
 * import { toHonoHandler } from 'meta-cloud-api/adapters/hono';
 *
 * const app = new Hono();
 * app.post('/flow', toHonoHandler(flowEndpoint));
 * app.on(['GET', 'POST'], '/webhooks', toHonoHandler(webhookHandler));
 * export default app;
 * ```
 */
export function toHonoHandler(handler: WebHandler) {
  return async (c: HonoContextLike): Promise<Response> => {
    let request = c.req.raw;
    if (request.bodyUsed) {
      const cache = (c.req.bodyCache ?? {}) as { arrayBuffer?: Promise<ArrayBuffer>; blob?: Promise<Blob> };
      const bytes = cache.arrayBuffer ? await cache.arrayBuffer : cache.blob ? await (await cache.blob).arrayBuffer() : undefined;
      if (!bytes) {
        throw new InvalidArgumentError('meta-cloud-api: the request body was already read as JSON/text/form by a middleware, so its exact raw bytes (needed for signature checks) are gone. Mount this handler before body-reading middleware, or have it read c.req.arrayBuffer().');
      }
      request = new Request(request, { body: bytes });
    }
    try {
      await whenReady(handler);
      return await handler(request);
    } catch {
      return new Response(null, { status: 500 });
    }
  };
}
