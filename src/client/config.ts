import { ConfigurationError, InvalidArgumentError } from '../core/errors.js';
import type { RequestEvent, ResponseEvent } from '../core/observability.js';
import { readEnv } from '../internal/env.js';
import { debugLogFromEnv } from '../internal/log.js';
import { TRANSPORT_NAMES, type TransportName } from '../internal/transport-types.js';
import { DEFAULT_GRAPH_API_VERSION } from '../platform/graph-versions.js';

/** Options of `new WhatsApp(options)`. Each falls back to an environment variable where one is named. */
export interface ClientOptions {
  /** System-user or user access token. Env: `CLOUD_API_ACCESS_TOKEN`. */
  accessToken?: string;
  /** Business phone number id, used by `messages` and `encryption`. Env: `WA_PHONE_NUMBER_ID`. */
  phoneNumberId?: string | number;
  /** WhatsApp Business Account id, used when a flows method is called without one. Env: `WA_BUSINESS_ACCOUNT_ID`. */
  businessAcctId?: string | number;
  /**
   * Graph API version: `27`, `'27.0'` and `'v27.0'` are all accepted (any version Meta serves, v27.0 included;
   * see the README's version table). Env: `CLOUD_API_VERSION`. Default `v25.0`: of the versions whose end date Meta
   * has published, the one available longest (until 2028-07-29; Meta: Graph API changelog, src/platform/graph-versions.ts).
   */
  apiVersion?: string | number;
  /** Origin of the Graph API (optionally with a path prefix). Env: `WA_BASE_URL`. Default `https://graph.facebook.com`. */
  baseUrl?: string;
  /** Meta app secret. Env: `WA_APP_SECRET`. Used for `appsecret_proof` when `appSecretProof` is true, and never logged. */
  appSecret?: string;
  /** Send Graph's `appsecret_proof` (HMAC-SHA256 of the token with the app secret) with every call. Default false. */
  appSecretProof?: boolean;
  /** Per-attempt timeout in milliseconds. Default 60000. */
  timeout?: number;
  /** Retries after a failed attempt (see README, "Retries"). Default 2. */
  maxRetries?: number;
  /** A `fetch` implementation (for tests, proxies, or runtimes without a global one). Only with `transport: 'fetch'`. */
  fetch?: typeof fetch;
  /**
   * How requests are sent. `'fetch'` (default): the runtime's `fetch`, on every runtime. `'node'`: Node's own
   * `node:http`/`node:https` with a keep-alive connection pool, about 40 % cheaper per call than `fetch` on Node (Bun
   * and Deno provide `node:http` too); loaded on the first call, so it costs nothing unless chosen. Both give the same
   * retries, timeouts, abort signals, body limits, redaction, hooks, `.withResponse()` and errors.
   */
  transport?: TransportName;
  /**
   * Called before each HTTP attempt (retries included) with the method, the redacted URL and the attempt number.
   * Never given a body or a token. A hook that throws is ignored.
   */
  onRequest?: (event: RequestEvent) => void;
  /**
   * Called after each HTTP attempt: status, headers, `traceId` (`x-fb-trace-id`) and duration, or `failure` when no
   * answer came (timeout, network error). Never given a body or a token. A hook that throws is ignored.
   */
  onResponse?: (event: ResponseEvent) => void;
}

/**
 * The Graph API version used when none is given (src/platform/graph-versions.ts: v25.0, available until
 * 2028-07-29; v26.0 and v27.0 have no published end date yet, Meta: Graph API changelog).
 */
export const DEFAULT_API_VERSION = DEFAULT_GRAPH_API_VERSION;
export const DEFAULT_BASE_URL = 'https://graph.facebook.com';
export const DEFAULT_TIMEOUT_MS = 60_000;
/** Retries after a failed attempt (README, "Retries"); which failures are retried is `internal/retry.ts`. */
export const DEFAULT_MAX_RETRIES = 2;

export const ENV = {
  accessToken: 'CLOUD_API_ACCESS_TOKEN',
  phoneNumberId: 'WA_PHONE_NUMBER_ID',
  businessAcctId: 'WA_BUSINESS_ACCOUNT_ID',
  apiVersion: 'CLOUD_API_VERSION',
  baseUrl: 'WA_BASE_URL',
  appSecret: 'WA_APP_SECRET',
} as const;

export interface ResolvedConfig {
  accessToken: string | undefined;
  phoneNumberId: string | number | undefined;
  businessAcctId: string | number | undefined;
  apiVersion: string;
  baseUrl: string;
  appSecret: string | undefined;
  appSecretProof: boolean;
  timeout: number;
  maxRetries: number;
  fetch: typeof fetch;
  transport: TransportName;
  onRequest: ((event: RequestEvent) => void) | undefined;
  onResponse: ((event: ResponseEvent) => void) | undefined;
  /** `META_CLOUD_API_LOG=debug`: one line per attempt on stderr. */
  debug: boolean;
}

export function resolveConfig(options: ClientOptions): ResolvedConfig {
  if (options === null || typeof options !== 'object') {
    throw new InvalidArgumentError('new WhatsApp(options) expects an options object, e.g. { accessToken, phoneNumberId, businessAcctId }.');
  }
  const fetchImpl = options.fetch ?? (globalThis as { fetch?: typeof fetch }).fetch;
  if (typeof fetchImpl !== 'function') {
    throw new ConfigurationError('No fetch implementation found: use Node 20 or later, or pass `fetch` in the options.');
  }
  return {
    accessToken: stringOption(options.accessToken, 'accessToken') ?? readEnv(ENV.accessToken),
    phoneNumberId: idOption(options.phoneNumberId) ?? readEnv(ENV.phoneNumberId),
    businessAcctId: idOption(options.businessAcctId) ?? readEnv(ENV.businessAcctId),
    apiVersion: normalizeApiVersion(options.apiVersion ?? readEnv(ENV.apiVersion) ?? DEFAULT_API_VERSION),
    baseUrl: normalizeBaseUrl(options.baseUrl ?? readEnv(ENV.baseUrl) ?? DEFAULT_BASE_URL),
    appSecret: stringOption(options.appSecret, 'appSecret') ?? readEnv(ENV.appSecret),
    appSecretProof: options.appSecretProof === true,
    timeout: numberOption(options.timeout, 'timeout', DEFAULT_TIMEOUT_MS, 1),
    maxRetries: numberOption(options.maxRetries, 'maxRetries', DEFAULT_MAX_RETRIES, 0, true),
    fetch: options.fetch ? options.fetch : (input, init) => fetchImpl(input, init),
    transport: transportOption(options.transport, options.fetch),
    onRequest: hookOption(options.onRequest, 'onRequest'),
    onResponse: hookOption(options.onResponse, 'onResponse'),
    debug: debugLogFromEnv(),
  };
}

/** `23`, `'23'`, `'23.0'`, `'v23'`, `'v23.0'` → `'v23.0'`. */
export function normalizeApiVersion(value: string | number): string {
  const text = String(value).trim();
  const match = /^v?(\d{1,3})(?:\.(\d{1,2}))?$/i.exec(text);
  if (!match) {
    throw new InvalidArgumentError(`apiVersion ${JSON.stringify(value)} is not a Graph API version: use e.g. 'v25.0', '25.0' or 25.`);
  }
  return `v${Number(match[1])}.${match[2] ? Number(match[2]) : 0}`;
}

export function normalizeBaseUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(String(value));
  } catch {
    throw new InvalidArgumentError(`baseUrl ${JSON.stringify(value)} is not a URL: use e.g. 'https://graph.facebook.com' or 'http://127.0.0.1:4010'.`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new InvalidArgumentError(`baseUrl must use http or https; got ${url.protocol}`);
  }
  if (url.search || url.hash || url.username || url.password) {
    throw new InvalidArgumentError('baseUrl must not contain a query string, fragment or credentials.');
  }
  const path = url.pathname.replace(/\/+$/, '');
  if (/\/v\d+(\.\d+)?$/i.test(path)) {
    throw new InvalidArgumentError(
      `baseUrl ${JSON.stringify(value)} ends with a Graph version; give the origin only (e.g. '${url.origin}') and the version as apiVersion.`,
    );
  }
  return url.origin + path;
}

function transportOption(value: unknown, fetchOption: unknown): TransportName {
  if (value === undefined || value === null) return 'fetch';
  if (typeof value !== 'string' || !(TRANSPORT_NAMES as readonly string[]).includes(value)) {
    throw new InvalidArgumentError(`transport must be ${TRANSPORT_NAMES.map((n) => `'${n}'`).join(' or ')}; got ${JSON.stringify(value) ?? typeof value}.`);
  }
  if (value === 'node' && fetchOption !== undefined && fetchOption !== null) {
    throw new InvalidArgumentError("transport: 'node' sends with node:http and never calls the `fetch` option: pass one of them, not both.");
  }
  return value as TransportName;
}

function hookOption<T>(value: T | undefined, name: string): T | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'function') throw new InvalidArgumentError(`${name} must be a function (event) => void; got ${typeof value}.`);
  return value;
}

function stringOption(value: unknown, name: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw new InvalidArgumentError(`${name} must be a string.`);
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

/** Ids may be numbers (`Number(process.env.WA_PHONE_NUMBER_ID)` in the docs); NaN counts as absent. */
function idOption(value: unknown): string | number | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'number') return Number.isNaN(value) ? undefined : value;
  if (typeof value === 'string') return value.trim() === '' ? undefined : value.trim();
  return value as string; // rejected with a clear message when first used
}

function numberOption(value: unknown, name: string, fallback: number, min: number, integer = false): number {
  if (value === undefined || value === null) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || (integer && !Number.isInteger(value))) {
    throw new InvalidArgumentError(`${name} must be ${integer ? 'an integer' : 'a number'} ≥ ${min}; got ${JSON.stringify(value)}.`);
  }
  return value;
}
