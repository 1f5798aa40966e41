import { InvalidArgumentError } from '../core/base-errors.js';
import { DEFAULT_BODY_TIMEOUT_MS, declareBodyLimit } from '../internal/body-limit.js';
import { logFailure } from '../internal/log.js';
import { readRawBody } from '../internal/read-body.js';
import { createRedactor } from '../internal/redact.js';
import type { FlowCrypto } from './crypto/types.js';
import { readEndpointOptions } from './endpoint-options.js';
import { EndpointError } from './errors.js';
import { createKeySet, KeyNotLoadedError, type PrivateKeyOption } from './keys/key-set.js';
import { EndpointMetrics, metricAction, type EndpointMetricSample, type EndpointMetricsSnapshot, type MetricAction } from './metrics.js';
import { encryptResponse, parseEnvelope, type DecryptedExchange } from './protocol.js';
import { verifyFlowTokenSignature, verifyHubSignature } from './signature.js';
import type { FlowTokenOptions } from './flow-tokens/guard.js';
import { flowStateHooks } from './sessions/flow-state.js';
import type { FlowSessionStore } from './sessions/store.js';
import { tokenErrorAnswer } from './token-error.js';
import type { Awaitable, FlowErrorNotification, FlowHandler, FlowRequest, FlowResponse } from './types.js';

export interface FlowEndpointOptions {
  /**
   * The business private key, PEM (PKCS#1 or PKCS#8); a list during a key rotation (each is tried, 421 only when
   * none decrypts); or a resolver `(request) => pem | pem[]` choosing per request (one endpoint per WABA, by path
   * or host). Every key is imported once.
   */
  privateKey: PrivateKeyOption;
  /**
   * Verify every request's `flow_token` (issued with `issueFlowToken`) before the handler: a missing, forged,
   * expired or used-up token is answered 427 with `message`; `req.flowTokenClaims` says whom it was issued for.
   */
  flowTokens?: FlowTokenOptions;
  /** `req.session`: a small JSON object per flow token, read before and saved after the handler (`memoryFlowSessions()`, `redisFlowSessions({ client })`). */
  flowSessions?: FlowSessionStore;
  /** For passphrase-protected keys (Node: `meta-cloud-api/endpoint` resolves to the node:crypto build there). */
  passphrase?: string;
  /**
   * The Meta app secret (or several during a rotation). When given, `X-Hub-Signature-256` over the raw body is
   * required (432 otherwise) and `flow_token_signature` is verified.
   */
  appSecret?: string | readonly string[];
  /** `data_exchange` per screen: `{ APPOINTMENT: (req) => ({ screen: 'DETAILS', data: {...} }) }`. */
  screens?: Record<string, FlowHandler>;
  /** The flow was opened with `flow_action: data_exchange`. */
  onInit?: FlowHandler;
  /** Back pressed on a screen with `refresh_on_back`. */
  onBack?: FlowHandler;
  /** Any `data_exchange` without a `screens` entry. */
  onDataExchange?: FlowHandler;
  /** The catch-all, used when nothing more specific matches. */
  onRequest?: FlowHandler;
  /** WhatsApp reports it rejected a previous response; the endpoint acknowledges it for you. */
  onErrorNotification?: (notification: FlowErrorNotification) => Awaitable<void>;
  /**
   * A handler threw (other than FlowTokenInvalidError) or ran past the deadline: the endpoint answered 500/504; or
   * no handler serves the request (a screen without a `screens` entry and no catch-all): answered 400. Called once
   * per failure. Without it, each failure is logged once to `console.error` (the error's class and message, never
   * a secret, a flow token or a decrypted payload); with it, nothing is logged. The answer's body stays empty.
   */
  onError?: (error: unknown, request: FlowRequest | undefined) => void;
  /** Answer before WhatsApp's 10 s timeout (default 9000 ms): a slower handler gets 504 instead of hanging. */
  deadlineMs?: number;
  /** Largest accepted body in bytes (default 2 MiB; WhatsApp's data channel carries at most 1 MB). */
  maxBodyBytes?: number;
  /** Time allowed for the body to arrive, in ms (default 10 000, WhatsApp's timeout); slower gets 408. */
  bodyTimeoutMs?: number;
  /**
   * Body of the 427 answer for FlowTokenInvalidError: `{"error_msg"}` encrypted like every other answer (default,
   * 'encrypted'), because WhatsApp's client decrypts a non-empty 427 body to show its message (as
   * Meta's sample server does); 'plain' sends the plain JSON shown on Meta's page "Flows error codes".
   */
  tokenErrorBody?: 'plain' | 'encrypted';
  /**
   * Called once per answered request with one sample (action kind, status, latency, error kind; never a token,
   * a screen name or data), e.g. to feed Prometheus or OpenTelemetry. Runs synchronously before the answer is
   * returned: keep it cheap. A throwing callback is ignored. `metrics()` on the handler gives the totals.
   */
  onMetrics?: (sample: EndpointMetricSample) => void;
  /** `false` turns the endpoint's own measurement off (`metrics()` then stays at zero). Default on. */
  metrics?: boolean;
  /** Checks every response before it is encrypted (e.g. against the Flow JSON; see `responseChecks`). */
  checkResponse?: (request: FlowRequest, response: FlowResponse) => Awaitable<void>;
}

/**
 * The data endpoint: a Web handler, plus `metrics()`, a snapshot of the counters it keeps since it was created in
 * the series Meta's deprecated Metrics API published (Meta: Flows Metrics API (deprecated)).
 */
export type FlowEndpoint = ((request: Request) => Promise<Response>) & {
  metrics(): EndpointMetricsSnapshot;
  /**
   * Resolves once the private key is loaded; rejects with a `KeyFormatError` naming the option to fix (`privateKey`
   * or `passphrase`). On Node the key is loaded synchronously and `createFlowEndpoint` itself throws, so this is
   * already resolved; on Web Crypto runtimes await it at start-up (the adapters do, and every request does).
   */
  ready(): Promise<void>;
};

/** The data endpoint as a Web handler, with the given crypto backend (the package entry picks one). */
export function createFlowEndpointWith(crypto: FlowCrypto, options: FlowEndpointOptions): FlowEndpoint {
  const { secrets, maxBody, deadline } = readEndpointOptions(options);
  const bodyTimeout = options.bodyTimeoutMs ?? DEFAULT_BODY_TIMEOUT_MS;
  if (!(bodyTimeout > 0) || !Number.isFinite(bodyTimeout)) throw new InvalidArgumentError(`bodyTimeoutMs must be a positive number of milliseconds; got ${String(bodyTimeout)}.`);
  // Loaded now: node:crypto throws a bad key or passphrase from here; Web Crypto keeps the failure for ready().
  // Failures are logged without the secrets this endpoint knows (a handler's message could quote one).
  const redact = createRedactor([...secrets, options.passphrase]);
  const report = (error: unknown, request: FlowRequest | undefined) => reportFailure(options, redact, error, request);
  // --- issue 16: key set, flow tokens, sessions (one call each) ---
  const keys = createKeySet(crypto, options.privateKey, options.passphrase, (error) => report(error, undefined));
  const flowState = flowStateHooks(options);

  const metrics = new EndpointMetrics(options.onMetrics);
  const measure = options.metrics !== false;

  async function flowEndpoint(request: Request): Promise<Response> {
    if (!measure) return answer(request, {});
    const started = performance.now();
    const seen: Seen = {};
    let status = 500;
    try {
      const response = await answer(request, seen);
      status = response.status;
      return response;
    } finally {
      metrics.record(seen.action ?? 'other', status, performance.now() - started);
    }
  }

  async function answer(request: Request, seen: Seen): Promise<Response> {
    let flowRequest: FlowRequest | undefined;
    let exchange: DecryptedExchange | undefined;
    try {
      if (request.method !== 'POST') throw new EndpointError(405, 'Use POST.', { headers: { allow: 'POST' } });
      const raw = await readBody(request, maxBody, bodyTimeout);
      if (secrets.length > 0 && !(await verifyHubSignature(crypto, request.headers.get('x-hub-signature-256'), raw, secrets))) {
        throw new EndpointError(432, 'X-Hub-Signature-256 is missing or does not match the app secret.');
      }
      const envelope = parseEnvelope(new TextDecoder().decode(raw));
      exchange = await keys.decrypt(request, envelope);
      const body = exchange.body as Record<string, unknown>;
      if (!body || typeof body !== 'object' || typeof body.action !== 'string') throw new EndpointError(400, 'The decrypted request has no action.');

      seen.action = metricAction(body.action);
      if (body.action === 'ping') return encrypted(await encryptResponse(crypto, exchange, { data: { status: 'active' } }));
      const data = (body.data && typeof body.data === 'object' ? body.data : {}) as Record<string, unknown>;
      const errorKey = data.error ?? data.error_key;
      // An error notification carries only these keys; a form field that happens to be named `error` is data.
      const onlyErrorKeys = Object.keys(data).length > 0 && Object.keys(data).every((k) => k === 'error' || k === 'error_key' || k === 'error_message');
      if (onlyErrorKeys && (typeof errorKey === 'string' || typeof data.error_message === 'string')) {
        seen.action = metricAction(body.action, true);
        const notification: FlowErrorNotification = { version: String(body.version ?? ''), action: body.action, error: String(errorKey ?? 'unknown') };
        if (typeof body.screen === 'string') notification.screen = body.screen;
        if (typeof body.flow_token === 'string') notification.flow_token = body.flow_token;
        if (typeof data.error_message === 'string') notification.error_message = data.error_message;
        if (options.onErrorNotification) await withDeadline(Promise.resolve().then(() => options.onErrorNotification!(notification)), deadline);
        return encrypted(await encryptResponse(crypto, exchange, { data: { acknowledged: true } }));
      }

      flowRequest = {
        version: String(body.version ?? ''),
        action: body.action,
        data,
        flowTokenSignatureVerified: false,
        ...(typeof body.screen === 'string' ? { screen: body.screen } : {}),
        ...(typeof body.flow_token === 'string' ? { flow_token: body.flow_token } : {}),
      };
      if (typeof body.flow_token_signature === 'string') {
        flowRequest.flow_token_signature = body.flow_token_signature;
        if (secrets.length > 0) {
          flowRequest.flowTokenSignatureVerified = (await verifyFlowTokenSignature(crypto, body.flow_token_signature, flowRequest.flow_token, secrets)).verified;
        }
      }
      const ticket = flowState ? await flowState.before(flowRequest) : undefined;
      const handler = pickHandler(options, flowRequest);
      const response = await withDeadline(Promise.resolve().then(() => handler(flowRequest!)), deadline);
      checkShape(response);
      if (options.checkResponse) await withDeadline(Promise.resolve().then(() => options.checkResponse!(flowRequest!, response)), deadline);
      if (flowState) await flowState.after(flowRequest, response, ticket!);
      return encrypted(await encryptResponse(crypto, exchange, response));
    } catch (error) {
      if (error instanceof EndpointError) {
        if (error.status === 427) return await tokenErrorAnswer(crypto, error, exchange, options.tokenErrorBody).catch((cause: unknown) => (report(cause, flowRequest), new Response(null, { status: 500 })));
        if ((error.status >= 500 && !(error instanceof KeyNotLoadedError)) || error instanceof NoHandlerError) report(error, flowRequest);
        return error.toResponse();
      }
      report(error, flowRequest);
      return new Response(null, { status: 500 });
    }
  }

  // The one body limit, declared on the handler so the Node/Express/Fastify adapters refuse larger bodies unread.
  return declareBodyLimit(Object.assign(flowEndpoint, { metrics: () => metrics.snapshot(), ready: keys.ready }), maxBody);
}

/** What the endpoint learned about a request while answering it, for its metrics. */
interface Seen {
  action?: MetricAction;
}

/** The 400 for a request no handler serves; an `EndpointError` to callers, told apart here to reach onError. */
class NoHandlerError extends EndpointError {}
Object.defineProperty(NoHandlerError, 'name', { value: 'EndpointError' });


function pickHandler(options: FlowEndpointOptions, req: FlowRequest): FlowHandler {
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

function checkShape(response: unknown): asserts response is FlowResponse {
  const r = response as FlowResponse | undefined;
  if (!r || typeof r !== 'object' || typeof r.screen !== 'string' || r.screen === '' || !r.data || typeof r.data !== 'object' || Array.isArray(r.data)) {
    throw new EndpointError(500, 'A flow handler must return { screen, data } (use closeFlow(flowToken, params) to finish the flow).');
  }
}

async function withDeadline<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new EndpointError(504, `The flow handler did not answer within ${ms} ms (WhatsApp gives up after 10 s).`)), ms);
  });
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}

async function readBody(request: Request, limit: number, timeoutMs: number): Promise<Uint8Array> {
  const body = await readRawBody(request, limit, timeoutMs);
  if (body === 'too-large') throw new EndpointError(413, `The body is larger than ${limit} bytes.`);
  if (body === 'too-slow') throw new EndpointError(408, `The body did not arrive within ${timeoutMs} ms.`, { headers: { connection: 'close' } });
  return body;
}

function encrypted(body: string): Response {
  return new Response(body, { status: 200, headers: { 'content-type': 'text/plain' } });
}

/** One failure, once: to onError when given, else one redacted line on console.error. */
function reportFailure(options: FlowEndpointOptions, redact: (text: string) => string, error: unknown, request: FlowRequest | undefined): void {
  if (!options.onError) {
    // The request's flow token is removed from the line too (a handler's message may quote it).
    const withToken = request?.flow_token ? createRedactor([request.flow_token]) : undefined;
    logFailure('flow endpoint', error, withToken ? (text) => withToken(redact(text)) : redact, request ? `action ${request.action}` : undefined);
    return;
  }
  try {
    options.onError(error, request);
  } catch {
    // a failing error reporter must not turn an answer into a crash
  }
}
