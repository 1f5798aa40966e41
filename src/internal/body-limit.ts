/**
 * The one body limit of a Web handler, declared on the handler itself so the Node and framework adapters refuse a
 * larger body before reading it (413 on `Content-Length`, reading stopped at the first chunk past it) instead of
 * buffering up to their own, larger default. Declared by the endpoint (`endpoint/handler.ts`) and the webhook
 * handler (`webhooks/handler.ts`); read by the adapters (`adapters/node.ts`, `express.ts`, `fastify.ts`).
 */

/**
 * Default body deadline: 10 s, WhatsApp's own timeout for a data-endpoint request (Meta: Implementing
 * endpoints for Flows, timeout 10 s): a body still arriving after that cannot be answered in time anyway. Applied by the Node,
 * Express and Fastify adapters while they read, and by the endpoint and webhook handlers while they read a body
 * no adapter read first.
 */
export const DEFAULT_BODY_TIMEOUT_MS = 10_000;

/** A registered symbol, so a handler from the ESM build and an adapter from the CJS build agree on it. */
export const BODY_LIMIT = Symbol.for('meta-cloud-api.maxBodyBytes');

/** Marks `handler` as accepting bodies of at most `bytes` bytes; returns the same function. */
export function declareBodyLimit<T extends object>(handler: T, bytes: number): T {
  Object.defineProperty(handler, BODY_LIMIT, { value: bytes, enumerable: false });
  return handler;
}

/** The limit `handler` declared, if it declared a usable one. */
export function declaredBodyLimit(handler: unknown): number | undefined {
  if ((typeof handler !== 'function' && typeof handler !== 'object') || handler === null) return undefined;
  const value = (handler as { [BODY_LIMIT]?: unknown })[BODY_LIMIT];
  return typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : undefined;
}

/**
 * The limit an adapter applies: the handler's own, or the adapter's option when the handler declares none; the
 * smaller of the two when both are given (an option can tighten a handler's limit, never widen it).
 */
export function effectiveBodyLimit(handler: unknown, option: number | undefined, fallback: number): number {
  const declared = declaredBodyLimit(handler);
  if (declared === undefined) return option ?? fallback;
  return option === undefined ? declared : Math.min(declared, option);
}
