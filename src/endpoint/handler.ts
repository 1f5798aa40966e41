import { InvalidArgumentError } from '../core/base-errors.js';
import { DEFAULT_BODY_TIMEOUT_MS, declareBodyLimit } from '../internal/body-limit.js';
import { RAW_EXCHANGE, webResponse, type RawExchangeAnswer, type RawExchangeRequest } from '../internal/raw-exchange.js';
import { readRawBody } from '../internal/read-body.js';
import type { FlowCrypto } from './crypto/types.js';
import { readEndpointOptions } from './endpoint-options.js';
import { EndpointError } from './errors.js';
import { createExchange, type Seen } from './exchange.js';
import { createKeySet, type PrivateKeyOption } from './keys/key-set.js';
import type { FlowTokenOptions } from './flow-tokens/guard.js';
import { checkFlowStateOptions } from './sessions/options.js';
import type { FlowSessionStore } from './sessions/store.js';
import { emptyMetricsSnapshot, type EndpointMetricSample, type EndpointMetricsSnapshot } from './metrics.js';
import type { EndpointMetrics } from './metrics-recorder.js';
import type { Awaitable, FlowErrorNotification, FlowHandler, FlowRequest, FlowResponse } from './types.js';

export type { RawExchangeAnswer, RawExchangeRequest };

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
 * The data endpoint: a Web handler, plus `exchange()` (the same answers from the raw body, without Web objects),
 * `metrics()`, a snapshot of the counters it keeps since it was created in the series Meta's deprecated Metrics API
 * published (Meta: Flows Metrics API (deprecated)), and `ready()`.
 */
export type FlowEndpoint = ((request: Request) => Promise<Response>) & {
  /**
   * The same exchange from the raw request: the body exactly as received (bytes, or text) and the headers (for
   * `X-Hub-Signature-256`); resolves with `{ status, headers, body }` to send back. For hosts that hand over the raw
   * body (serverless functions, custom servers); the Node, Express and Fastify adapters use it. The body limit is
   * checked on what is given; reading the body within a limit and a deadline is the caller's job.
   */
  exchange(request: RawExchangeRequest): Promise<RawExchangeAnswer>;
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
  const report = (error: unknown, request: FlowRequest | undefined) => reportFailure(options, [...secrets, options.passphrase], error, request);
  // Issue 16: the key set (one key, a rotation list or a resolver) and the flow token / session hooks.
  const keys = createKeySet(crypto, options.privateKey, options.passphrase, (error) => report(error, undefined));
  // The options are checked now (a mistake throws here); the code behind them loads only when one is set, off the
  // startup path of endpoints that use neither (issue 12: the endpoint's bundle size).
  const flowState = checkFlowStateOptions(options) ? import('./sessions/flow-state.js').then((m) => m.flowStateHooks(options)) : undefined;
  flowState?.catch(() => undefined);
  const answer = createExchange({ crypto, options, secrets, deadline, maxBody, keys, flowState, report });
  // The recorder loads now, off the startup path (issue 12: the endpoint's bundle size); until it has loaded,
  // `metrics()` is the empty snapshot, and an answer waits for it before it is recorded.
  const since = Date.now();
  let metrics: EndpointMetrics | undefined;
  const recorder = options.metrics === false ? undefined : import('./metrics-recorder.js').then((m) => (metrics = new m.EndpointMetrics(since, options.onMetrics)), () => undefined);

  /** One answer, measured from `started` (the call of the handler) when metrics are on. */
  async function run(request: RawExchangeRequest, started: number, refused?: EndpointError): Promise<RawExchangeAnswer> {
    const seen: Seen = {};
    const answered = await answer(request, seen, refused);
    if (recorder) (metrics ?? (await recorder))?.record(seen.action ?? 'other', answered.status, performance.now() - started);
    return answered;
  }

  const exchange = (request: RawExchangeRequest) => run(request, performance.now());

  async function flowEndpoint(request: Request): Promise<Response> {
    const started = performance.now();
    let body: Uint8Array | undefined;
    let refused: EndpointError | undefined;
    if (request.method === 'POST') {
      const read = await readRawBody(request, maxBody, bodyTimeout);
      if (read === 'too-large') refused = new EndpointError(413, `The body is larger than ${maxBody} bytes.`);
      else if (read === 'too-slow') refused = new EndpointError(408, `The body did not arrive within ${bodyTimeout} ms.`, { headers: { connection: 'close' } });
      else body = read;
    }
    return webResponse(await run({ method: request.method, url: request.url, body, headers: Object.fromEntries(request.headers) }, started, refused));
  }

  // The one body limit, declared on the handler so the Node/Express/Fastify adapters refuse larger bodies unread;
  // the raw exchange, which those adapters call with the bytes they read.
  const endpoint = Object.assign(flowEndpoint, { exchange, metrics: () => metrics?.snapshot() ?? emptyMetricsSnapshot(since), ready: keys.ready, [RAW_EXCHANGE]: exchange });
  return declareBodyLimit(endpoint, maxBody);
}

/**
 * One failure, once: to onError when given, else one redacted line on console.error (that code is imported on the
 * first failure: off the startup path). Never rejects.
 */
async function reportFailure(options: FlowEndpointOptions, secrets: Array<string | undefined>, error: unknown, request: FlowRequest | undefined): Promise<void> {
  try {
    if (options.onError) options.onError(error, request);
    else (await import('./log-failure.js')).logEndpointFailure(secrets, error, request);
  } catch {
    // a failing error reporter must not turn an answer into a crash
  }
}
