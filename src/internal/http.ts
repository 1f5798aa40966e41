import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIUserAbortError,
  InvalidArgumentError,
  WhatsAppError,
  type RequestSummary,
} from '../core/errors.js';
import type { RequestEvent, ResponseEvent } from '../core/observability.js';
import { toFormData, type FormFields } from './form-data.js';
import { observedAttempt, tellSink } from './observe.js';
import type { Redactor } from './redact.js';
import { fetchTransport } from './transport-fetch.js';
import { plainSummary, type ReadResponse, type Transport, type TransportRequest } from './transport-types.js';
export { RESPONSE_SINK, type ResponseSink } from './observe.js';
import type { RetryPolicy } from './retry.js';

type FailurePath = typeof import('./http-failure.js');
let failurePath: Promise<FailurePath> | undefined;

/** The failure path (errors, retry decisions), loaded on the first failed attempt. */
function loadFailurePath(): Promise<FailurePath> {
  return (failurePath ??= import('./http-failure.js'));
}

/** Per-call options, accepted as the last argument of every resource method. */
export interface RequestOptions {
  /** Per-attempt timeout in ms (overrides the client's `timeout`). */
  timeout?: number;
  /** Retries after the first attempt (overrides the client's `maxRetries`). */
  maxRetries?: number;
  /** Aborts the call (all attempts). */
  signal?: AbortSignal;
  /** Extra request headers. */
  headers?: Record<string, string>;
  /**
   * Most bytes of the response body read, counted after decompression (default
   * {@link DEFAULT_MAX_RESPONSE_BYTES}; `downloadFlowJson` allows Meta's 10 MB). Past it: `ResponseTooLargeError`.
   */
  maxResponseBytes?: number;
}

/** Default limit of a Graph answer's body: 4 MiB, far above any Graph JSON answer (an endless body stops there). */
export const DEFAULT_MAX_RESPONSE_BYTES = 4 * 1024 * 1024;

export type QueryValue = string | number | boolean | undefined;

export interface ApiRequest {
  method: 'GET' | 'POST' | 'DELETE';
  /** Path below the version, e.g. `/123/flows`. */
  path: string;
  query?: Record<string, QueryValue>;
  json?: unknown;
  /** multipart/form-data fields (text values have their line breaks normalised to CRLF by the encoding). */
  form?: FormFields;
  /** application/x-www-form-urlencoded fields, sent byte for byte. */
  urlencoded?: Record<string, string | undefined>;
  retry: RetryPolicy;
  options?: RequestOptions;
}

/** What the HTTP layer needs from the client. */
export interface HttpContext {
  baseUrl: string;
  apiVersion: string;
  /** The fetch transport's `fetch` (used when no `transport` is given). */
  fetch: typeof fetch;
  /** How attempts are sent (`transport.ts`); default: the fetch transport on `fetch`. */
  transport?: Transport;
  timeout: number;
  maxRetries: number;
  redact: Redactor;
  /** Resolves the token (throws a ConfigurationError when there is none). */
  accessToken(): string;
  /** `appsecret_proof` for the token, when the client is set to send one (undefined: none, no await needed). */
  appSecretProof(): Promise<string> | undefined;
  sleep?: (ms: number) => Promise<void>;
  /** Called before each attempt (client option `onRequest`). */
  onRequest?: (event: RequestEvent) => void;
  /** Called after each attempt, answered or not (client option `onResponse`). */
  onResponse?: (event: ResponseEvent) => void;
  /** Print one line per attempt to stderr (`META_CLOUD_API_LOG=debug`). */
  debug?: boolean;
  /** The clock for durations (default `performance.now`). */
  now?: () => number;
}

export interface ApiResponse<T> {
  data: T;
  status: number;
  headers: Headers;
}

const USER_AGENT = 'meta-cloud-api (+https://www.npmjs.com/package/meta-cloud-api)';

export function buildUrl(ctx: Pick<HttpContext, 'baseUrl' | 'apiVersion'>, path: string, query?: Record<string, QueryValue>): URL {
  return new URL(graphUrl(ctx, path, query));
}

/** The Graph URL as text: built without parsing (the base URL was checked when the client was made). */
function graphUrl(ctx: Pick<HttpContext, 'baseUrl' | 'apiVersion'>, path: string, query: Record<string, QueryValue> | undefined, proof?: string): string {
  const url = `${ctx.baseUrl}/${ctx.apiVersion}${path}`;
  let params: URLSearchParams | undefined;
  if (query) {
    for (const k in query) {
      const v = query[k];
      if (v !== undefined) (params ??= new URLSearchParams()).set(k, String(v));
    }
  }
  if (proof !== undefined) (params ??= new URLSearchParams()).set('appsecret_proof', proof);
  return params ? `${url}?${params.toString()}` : url;
}

/** What errors and hooks name of a request: the URL is redacted only when something reads it (rarely on success). */
function lazySummary(method: string, url: string, redact: Redactor): RequestSummary {
  let redacted: string | undefined;
  return {
    method,
    get url() {
      return (redacted ??= redact(url));
    },
  };
}

/** The headers every Graph request sends, built once per client and token (fetch and node:http never change them). */
const baseHeaders = new WeakMap<HttpContext, { token: string; headers: Record<string, string> }>();

function graphHeaders(ctx: HttpContext, token: string, req: ApiRequest): Record<string, string> {
  const extra = req.options?.headers;
  if (extra === undefined && req.json === undefined) {
    const cached = baseHeaders.get(ctx);
    if (cached?.token === token) return cached.headers;
    const headers = { accept: 'application/json', 'user-agent': USER_AGENT, authorization: `Bearer ${token}` };
    baseHeaders.set(ctx, { token, headers });
    return headers;
  }
  const headers: Record<string, string> = { accept: 'application/json', 'user-agent': USER_AGENT, ...extra, authorization: `Bearer ${token}` };
  if (req.json !== undefined) headers['content-type'] = 'application/json';
  return headers;
}

export async function requestJson<T>(ctx: HttpContext, req: ApiRequest): Promise<ApiResponse<T>> {
  const token = ctx.accessToken();
  const pendingProof = ctx.appSecretProof();
  const url = graphUrl(ctx, req.path, req.query, pendingProof ? await pendingProof : undefined);
  const summary = lazySummary(req.method, url, ctx.redact);
  const send: TransportRequest = { method: req.method, url, headers: graphHeaders(ctx, token, req), body: requestBody(req) };
  const res = await sendWithRetries(ctx, req, summary, send);
  const data = parseSuccessBody<T>(res.text, res, summary, ctx.redact);
  tellSink(req.options, res, summary);
  return { data, status: res.status, headers: res.headers };
}

/**
 * Fetches a URL outside the Graph API (an asset's download_url), with the same timeout, retries and errors.
 * `defaultMaxBytes` is the body limit when the call's `maxResponseBytes` does not set one.
 */
export async function fetchText(ctx: HttpContext, url: URL, sendToken: boolean, options?: RequestOptions, defaultMaxBytes = DEFAULT_MAX_RESPONSE_BYTES): Promise<string> {
  const summary = lazySummary('GET', url.toString(), ctx.redact);
  const headers: Record<string, string> = { 'user-agent': USER_AGENT, ...options?.headers };
  if (sendToken) headers.authorization = `Bearer ${ctx.accessToken()}`;
  const withLimit: RequestOptions = { ...options, maxResponseBytes: options?.maxResponseBytes ?? defaultMaxBytes };
  const send: TransportRequest = { method: 'GET', url: url.toString(), headers, body: undefined };
  const res = await sendWithRetries(ctx, { method: 'GET', path: '', retry: 'idempotent', options: withLimit }, summary, send);
  tellSink(options, res, summary);
  return res.text;
}

function requestBody(req: ApiRequest): TransportRequest['body'] {
  if (req.json !== undefined) return JSON.stringify(req.json);
  if (req.form) return toFormData(req.form);
  if (req.urlencoded) {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(req.urlencoded)) if (v !== undefined) params.set(k, v);
    return params;
  }
  return undefined;
}

async function sendWithRetries(
  ctx: HttpContext,
  req: ApiRequest,
  summary: RequestSummary,
  send: TransportRequest,
): Promise<ReadResponse> {
  const maxRetries = checkCount('maxRetries', req.options?.maxRetries ?? ctx.maxRetries);
  const timeout = checkCount('timeout', req.options?.timeout ?? ctx.timeout);
  const maxBytes = checkCount('maxResponseBytes', req.options?.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES);
  const sleep = ctx.sleep ?? defaultSleep;
  const signal = req.options?.signal;
  const transport = ctx.transport ?? fetchTransport(ctx.fetch);
  const settings = { timeout, maxBytes, summary, signal, redact: ctx.redact };

  for (let attempt = 0; ; attempt++) {
    if (signal?.aborted) throw new APIUserAbortError();
    const outcome = await observedAttempt(ctx, attempt + 1, summary, () => transport(send, settings));
    const retriesLeft = attempt < maxRetries;

    if (outcome.kind === 'response' && outcome.response.ok) return outcome.response;
    const failure = await loadFailurePath();
    if (outcome.kind === 'response') {
      const res = outcome.response;
      const error = failure.toGraphError(res, plainSummary(summary), ctx.redact);
      if (!retriesLeft || !failure.shouldRetryResponse(req.retry, error)) throw error;
      // Meta asked for a longer pause than we wait: give the error back rather than retry too early.
      if ((failure.parseRetryAfter(res.headers.get('retry-after')) ?? 0) > failure.MAX_RETRY_AFTER_MS) throw error;
      await abortableSleep(sleep, failure.retryDelayMs(attempt + 1, res.headers.get('retry-after'), failure.CLIENT_BACKOFF), signal);
      continue;
    }
    if (outcome.kind === 'aborted') throw new APIUserAbortError();
    // Our own verdicts on the answer (too large, redirected to another origin): the same call would end the same way.
    if (outcome.kind === 'failed' && outcome.cause instanceof WhatsAppError) throw outcome.cause;
    const timedOut = outcome.kind === 'timeout';
    const cause = outcome.kind === 'failed' ? outcome.cause : undefined;
    if (!retriesLeft || !failure.shouldRetryConnectionFailure(req.retry, cause, timedOut)) {
      if (timedOut) throw new APIConnectionTimeoutError(plainSummary(summary), timeout);
      throw new APIConnectionError(plainSummary(summary), undefined, { cause: failure.sanitizeCause(cause, ctx.redact) });
    }
    await abortableSleep(sleep, failure.retryDelayMs(attempt + 1, undefined, failure.CLIENT_BACKOFF), signal);
  }
}

/** Waits between attempts; the caller's signal ends the wait at once. */
async function abortableSleep(sleep: (ms: number) => Promise<void>, ms: number, signal: AbortSignal | undefined): Promise<void> {
  if (!signal) return sleep(ms);
  if (signal.aborted) throw new APIUserAbortError();
  let onAbort: (() => void) | undefined;
  const aborted = new Promise<never>((_, reject) => {
    onAbort = () => reject(new APIUserAbortError());
    signal.addEventListener('abort', onAbort, { once: true });
  });
  try {
    await Promise.race([sleep(ms), aborted]);
  } finally {
    signal.removeEventListener('abort', onAbort!);
  }
}

function parseSuccessBody<T>(text: string, res: ReadResponse, request: RequestSummary, redact: Redactor): T {
  if (text === '') return {} as T;
  try {
    return JSON.parse(text) as T;
  } catch {
    // No `cause`: JSON.parse's message quotes the body, which has not been through the redactor.
    throw new WhatsAppError(`Expected JSON from ${request.method} ${request.url} (HTTP ${res.status}) but got: ${redact(text).slice(0, 200)}`);
  }
}

function checkCount(name: string, value: number): number {
  if (!Number.isFinite(value) || value < 0) throw new InvalidArgumentError(`${name} must be a non-negative number of ${name === 'timeout' ? 'milliseconds' : 'retries'}; got ${value}.`);
  return value;
}

function defaultSleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
