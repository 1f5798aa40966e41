/**
 * Every error the SDK throws extends `WhatsAppError`.
 *
 * - `GraphApiError` (and one subclass per common HTTP status): the Graph API answered with an error.
 *   `error.response.data.error` is Meta's raw error object, so code written for axios-style clients works.
 * - `APIConnectionError` / `APIConnectionTimeoutError` / `APIUserAbortError`: no usable answer came back.
 * - `InvalidArgumentError`: a call was rejected locally, before anything was sent.
 * - `ConfigurationError`: a required option (token, ids) is missing or malformed.
 *
 * Messages never contain the access token or app secret: see `internal/redact.ts`.
 */

import { WhatsAppError } from './base-errors.js';

export { WhatsAppError, InvalidArgumentError, ConfigurationError, ResponseTooLargeError } from './base-errors.js';

/** Meta's Graph error object, as found under `error` in an error response body. */
export interface GraphErrorObject {
  message: string;
  type?: string;
  code?: number;
  error_subcode?: number;
  is_transient?: boolean;
  error_user_title?: string;
  error_user_msg?: string;
  fbtrace_id?: string;
  error_data?: unknown;
  [key: string]: unknown;
}

/** The part of the HTTP response kept on a `GraphApiError` (axios-like, so `error.response.data.error` works). */
export interface GraphErrorResponse {
  status: number;
  statusText: string;
  headers: Record<string, string>;
  data: { error: GraphErrorObject; [key: string]: unknown };
}

/** What was asked, with secrets removed. */
export interface RequestSummary {
  method: string;
  url: string;
}

/** Graph codes that mean "slow down" (app, user, page, WABA and Cloud API throttling). */
export const THROTTLING_CODES: ReadonlySet<number> = new Set([4, 17, 32, 613, 80007, 130429, 131056, 132069]);

export class GraphApiError extends WhatsAppError {
  readonly status: number;
  readonly headers: Record<string, string>;
  /** The whole parsed response body. */
  readonly body: unknown;
  readonly code: number | undefined;
  readonly subcode: number | undefined;
  readonly type: string | undefined;
  readonly fbtraceId: string | undefined;
  readonly userTitle: string | undefined;
  readonly userMessage: string | undefined;
  /** True when the same call may succeed later (Meta's `is_transient`, throttling codes, 5xx). */
  readonly isTransient: boolean;
  /** Meta's raw error object (same as `response.data.error`). */
  readonly error: GraphErrorObject;
  readonly response: GraphErrorResponse;
  readonly request: RequestSummary;

  constructor(args: {
    status: number;
    statusText?: string;
    headers: Record<string, string>;
    body: unknown;
    error: GraphErrorObject;
    request: RequestSummary;
  }) {
    const e = args.error;
    const codes = [e.code !== undefined ? `code ${e.code}` : undefined, e.error_subcode !== undefined ? `subcode ${e.error_subcode}` : undefined]
      .filter(Boolean)
      .join(', ');
    super(`${args.status} ${e.message}${codes ? ` (${codes})` : ''} [${args.request.method} ${args.request.url}]`);
    this.status = args.status;
    this.headers = args.headers;
    this.body = args.body;
    this.error = e;
    this.code = typeof e.code === 'number' ? e.code : undefined;
    this.subcode = typeof e.error_subcode === 'number' ? e.error_subcode : undefined;
    this.type = e.type;
    this.fbtraceId = e.fbtrace_id;
    this.userTitle = e.error_user_title;
    this.userMessage = e.error_user_msg;
    this.isTransient =
      e.is_transient === true || args.status >= 500 || args.status === 429 || (this.code !== undefined && THROTTLING_CODES.has(this.code));
    this.request = args.request;
    const data = (isObject(args.body) && isObject(args.body.error) ? args.body : { error: e }) as GraphErrorResponse['data'];
    this.response = { status: args.status, statusText: args.statusText ?? '', headers: args.headers, data };
  }

  /** True when Meta asked us to slow down (HTTP 429 or a throttling code). */
  get isThrottled(): boolean {
    return this.status === 429 || (this.code !== undefined && THROTTLING_CODES.has(this.code));
  }

  toJSON() {
    return {
      name: this.name,
      message: this.message,
      status: this.status,
      code: this.code,
      subcode: this.subcode,
      type: this.type,
      fbtraceId: this.fbtraceId,
      userTitle: this.userTitle,
      userMessage: this.userMessage,
      isTransient: this.isTransient,
      error: this.error,
      request: this.request,
    };
  }

  /** Picks the subclass that matches the HTTP status. */
  static generate(args: ConstructorParameters<typeof GraphApiError>[0]): GraphApiError {
    const s = args.status;
    if (s === 400) return new BadRequestError(args);
    if (s === 401) return new AuthenticationError(args);
    if (s === 403) return new PermissionDeniedError(args);
    if (s === 404) return new NotFoundError(args);
    if (s === 429) return new RateLimitError(args);
    if (s >= 500) return new InternalServerError(args);
    return new GraphApiError(args);
  }
}

export class BadRequestError extends GraphApiError {}
export class AuthenticationError extends GraphApiError {}
export class PermissionDeniedError extends GraphApiError {}
export class NotFoundError extends GraphApiError {}
export class RateLimitError extends GraphApiError {}
export class InternalServerError extends GraphApiError {}

/** The request never got an HTTP response (DNS, refused connection, reset, TLS...). */
export class APIConnectionError extends WhatsAppError {
  readonly request: RequestSummary;
  constructor(request: RequestSummary, message?: string, options?: { cause?: unknown }) {
    super(message ?? `Connection error: could not reach ${request.url}`, options);
    this.request = request;
  }
}

/** An attempt ran past the `timeout` option. */
export class APIConnectionTimeoutError extends APIConnectionError {
  constructor(request: RequestSummary, timeoutMs: number) {
    super(request, `Request timed out after ${timeoutMs} ms: ${request.method} ${request.url}. Raise the \`timeout\` option if the call is legitimately slow.`);
  }
}

/** The caller aborted the request through its own `signal`. */
export class APIUserAbortError extends WhatsAppError {
  constructor(message = 'Request was aborted by the caller.') {
    super(message);
  }
}

/**
 * A non-GET request was redirected to another origin. The body is not sent there (it may carry data meant only
 * for the first server); `location` names the target so the caller can decide.
 */
export class CrossOriginRedirectError extends WhatsAppError {
  /** Where the server redirected to. */
  readonly location: string;
  readonly status: number;
  constructor(method: string, from: string, location: string, status: number) {
    super(`${method} ${from} was redirected (HTTP ${status}) to another origin, ${location}; the request was not re-sent there. Call that URL directly if you trust it.`);
    this.location = location;
    this.status = status;
  }
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Class names are set explicitly: bundlers may rename classes (esbuild turns `GraphApiError` into
 * `_GraphApiError` when it must), and `error.name` is part of the public contract.
 */
for (const [cls, name] of [
  [GraphApiError, 'GraphApiError'],
  [BadRequestError, 'BadRequestError'],
  [AuthenticationError, 'AuthenticationError'],
  [PermissionDeniedError, 'PermissionDeniedError'],
  [NotFoundError, 'NotFoundError'],
  [RateLimitError, 'RateLimitError'],
  [InternalServerError, 'InternalServerError'],
  [APIConnectionError, 'APIConnectionError'],
  [APIConnectionTimeoutError, 'APIConnectionTimeoutError'],
  [APIUserAbortError, 'APIUserAbortError'],
  [CrossOriginRedirectError, 'CrossOriginRedirectError'],
] as const) {
  Object.defineProperty(cls, 'name', { value: name });
}
