import { whenReady } from './ready.js';
/** A Web-standard handler (same shape as `WebHandler` in `./node.js`, declared here so this entry needs no Node types). */
export type WebHandler = (request: Request) => Promise<Response> | Response;

export type NextRouteHandler = (request: Request) => Promise<Response>;

/**
 * Turns a Web handler into a Next.js (14+) App Router route handler. Next hands route handlers a `NextRequest`,
 * which extends `Request` and leaves its body unread, so the handler gets the exact raw bytes (do not read
 * `request.json()` anywhere before it). A handler that throws gets a bare 500 (nothing of the error is sent).
 *
 * @example
 * ```ts
 * // app/flow/route.ts
 * import { toNextHandler } from 'meta-cloud-api/adapters/next';
 * export const POST = toNextHandler(flowEndpoint);
 * ```
 */
export function toNextHandler(handler: WebHandler): NextRouteHandler {
  return async (request: Request): Promise<Response> => {
    try {
      await whenReady(handler);
      return await handler(request);
    } catch {
      return new Response(null, { status: 500 });
    }
  };
}

/**
 * One handler as the `GET` and `POST` exports of a route: for webhooks, whose GET answers Meta's verification
 * challenge (`hub.mode`, `hub.verify_token`, `hub.challenge`) and whose POST receives the signed events. Mark the
 * route dynamic so Next never caches the GET (Next 14 caches GET route handlers by default).
 *
 * @example
 * ```ts
 * // app/webhooks/route.ts
 * import { toNextHandlers } from 'meta-cloud-api/adapters/next';
 * export const dynamic = 'force-dynamic';
 * export const { GET, POST } = toNextHandlers(webhookHandler);
 * ```
 */
export function toNextHandlers(handler: WebHandler): { GET: NextRouteHandler; POST: NextRouteHandler } {
  const route = toNextHandler(handler);
  return { GET: route, POST: route };
}
