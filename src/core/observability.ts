/**
 * What the client tells about each HTTP attempt: the `onRequest` / `onResponse` hooks of `new WhatsApp({...})`, the
 * `META_CLOUD_API_LOG=debug` line, and the `response` of `.withResponse()`. URLs are redacted (no access token, no
 * `appsecret_proof`); request and response bodies are never included.
 */

/** One attempt about to be sent (retries are attempts 2, 3, ...). */
export interface RequestEvent {
  method: string;
  /** The full URL with its query, redacted. */
  url: string;
  /** 1 for the first attempt. */
  attempt: number;
}

/** One attempt finished: with an HTTP answer (`status`), or without one (`failure`). */
export interface ResponseEvent extends RequestEvent {
  /** The HTTP status, when an answer came (error statuses included). */
  status?: number;
  /** The answer's headers, when an answer came. */
  headers?: Headers;
  /** `x-fb-trace-id` of the answer: quote it to Meta support. */
  traceId?: string;
  /** No HTTP answer: `timeout`, `aborted`, or `network error` (see the thrown error for details). */
  failure?: 'timeout' | 'aborted' | 'network error';
  /** Time from sending to the end of the body (or to the failure), in ms. */
  durationMs: number;
}

/** The HTTP side of a successful call, from `.withResponse()`: the last answer the call received. */
export interface GraphResponse {
  status: number;
  headers: Headers;
  /** `x-fb-trace-id`: Meta's id for the request, to quote to Meta support. */
  traceId: string | undefined;
  method: string;
  /** Redacted URL. */
  url: string;
  durationMs: number;
}

/** The name of Meta's trace id header (Graph API answers carry it on success and error). */
export const TRACE_ID_HEADER = 'x-fb-trace-id';
