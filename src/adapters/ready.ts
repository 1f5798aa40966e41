/**
 * The adapters wait for a handler's `ready()` (the flow endpoint's key loading, see `createFlowEndpoint`) before
 * they hand it a request, and Fastify's `registerFlowEndpoint` waits for it when the plugin loads, so a wrong key
 * or passphrase fails `app.ready()` / `listen()` instead of WhatsApp's first request.
 */

/** Resolves when the handler is ready (at once for a handler without `ready()`); rejects with its error. */
export async function whenReady(handler: object): Promise<void> {
  const ready = (handler as { ready?: unknown }).ready;
  if (typeof ready === 'function') await (ready as () => Promise<void>).call(handler);
}

/**
 * `whenReady(handler)` for every request, once it has resolved: a later call costs nothing. A rejection is not
 * kept as resolved, so each request keeps failing the same way (answered 500 by the adapters).
 */
export function readiness(handler: object): () => Promise<void> | undefined {
  let ready = typeof (handler as { ready?: unknown }).ready !== 'function';
  return () => (ready ? undefined : whenReady(handler).then(() => void (ready = true)));
}
