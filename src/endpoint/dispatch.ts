/**
 * Which handler serves a decrypted request, and running it: the deadline, and the shape of what it returns.
 * Used by the exchange core (`exchange.ts`).
 */
import { EndpointError } from './errors.js';
import type { FlowEndpointOptions } from './handler.js';
import type { Awaitable, FlowHandler, FlowRequest, FlowResponse } from './types.js';

/** The 400 for a request no handler serves; an `EndpointError` to callers, told apart to reach onError. */
export class NoHandlerError extends EndpointError {}
Object.defineProperty(NoHandlerError, 'name', { value: 'EndpointError' });

export function pickHandler(options: FlowEndpointOptions, req: FlowRequest): FlowHandler {
  let handler: FlowHandler | undefined;
  if (req.action === 'INIT') handler = options.onInit;
  else if (req.action === 'BACK') handler = options.onBack;
  else if (req.action === 'data_exchange') handler = screenHandler(options.screens, req.screen) ?? options.onDataExchange;
  handler ??= options.onRequest;
  if (!handler) {
    // 400, not 500: a request the endpoint does not serve (a screen it has no handler for) is not a server fault,
    // and the same request would fail the same way. Reported to onError all the same: it is a gap to fix.
    throw new NoHandlerError(400, `No handler for action ${req.action}${req.screen ? ` on screen ${req.screen}` : ''}: add ${req.action === 'data_exchange' && req.screen ? `screens.${req.screen}, onDataExchange` : req.action === 'INIT' ? 'onInit' : req.action === 'BACK' ? 'onBack' : 'a handler'} or onRequest.`);
  }
  return handler;
}

/**
 * The handler for a screen id, looked up as an own property only: a screen named `constructor`, `__proto__`,
 * `toString` or `valueOf` is a screen like any other (it falls through to onDataExchange / onRequest), never a
 * method inherited from Object.prototype.
 */
function screenHandler(screens: Record<string, FlowHandler> | undefined, screen: string | undefined): FlowHandler | undefined {
  if (!screens || screen === undefined || !Object.hasOwn(screens, screen)) return undefined;
  const handler = screens[screen];
  return typeof handler === 'function' ? handler : undefined;
}

export function checkShape(response: unknown): asserts response is FlowResponse {
  const r = response as FlowResponse | undefined;
  if (!r || typeof r !== 'object' || typeof r.screen !== 'string' || r.screen === '' || !r.data || typeof r.data !== 'object' || Array.isArray(r.data)) {
    throw new EndpointError(500, 'A flow handler must return { screen, data } (use closeFlow(flowToken, params) to finish the flow).');
  }
}

/**
 * Runs `work` (a handler) within `ms`: past it, 504. A synchronous result needs no timer (nothing could interrupt
 * it anyway); a promise races one. A synchronous throw reaches the caller as a throw.
 */
export function withDeadline<T>(work: () => Awaitable<T>, ms: number): Awaitable<T> {
  const result = work();
  if (typeof (result as PromiseLike<T> | null)?.then !== 'function') return result;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new EndpointError(504, `The flow handler did not answer within ${ms} ms (WhatsApp gives up after 10 s).`)), ms);
  });
  return Promise.race([result, late]).finally(() => clearTimeout(timer));
}
