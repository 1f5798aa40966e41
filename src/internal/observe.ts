/**
 * How the client's HTTP attempts are observed: the `onRequest` / `onResponse` hooks, the `META_CLOUD_API_LOG=debug`
 * line (`log.ts`), and the response sink behind `.withResponse()`. Used by `http.ts` only.
 */
import { TRACE_ID_HEADER, type GraphResponse, type RequestEvent, type ResponseEvent } from '../core/observability.js';
import type { RequestSummary } from '../core/errors.js';
import { writeDebugLine } from './log.js';

/** What the observers read of an answered attempt. */
export interface AnsweredAttempt {
  status: number;
  headers: Headers;
  /** Set here: time from sending to the end of the body, in ms. */
  durationMs: number;
}

/** The outcome of one attempt, as `http.ts` has it. */
export type AttemptOutcome = { kind: 'response'; response: AnsweredAttempt } | { kind: 'timeout' } | { kind: 'aborted' } | { kind: 'failed'; cause: unknown };

/** The observers of the client's attempts (from the client options and the environment). */
export interface Observers {
  onRequest?: ((event: RequestEvent) => void) | undefined;
  onResponse?: ((event: ResponseEvent) => void) | undefined;
  debug?: boolean | undefined;
  /** The clock for durations (default `performance.now`). */
  now?: (() => number) | undefined;
}

/**
 * Where a call's `.withResponse()` learns of the answers (the client puts it on the call's options; spreading the
 * options keeps it). Not part of the public options.
 */
export const RESPONSE_SINK: unique symbol = Symbol('meta-cloud-api.response-sink');
export type ResponseSink = (response: () => GraphResponse) => void;
type WithSink = { [RESPONSE_SINK]?: ResponseSink };

/** Tells the call's `.withResponse()` sink (if any) about a successful answer. */
export function tellSink(options: object | undefined, res: AnsweredAttempt, summary: RequestSummary): void {
  const sink = (options as WithSink | undefined)?.[RESPONSE_SINK];
  // The response is built only if `.withResponse()` asks for it: most calls are only awaited (the URL's redaction and
  // the header lookup would cost every call).
  sink?.(() => ({
    status: res.status,
    headers: res.headers,
    traceId: res.headers.get(TRACE_ID_HEADER) ?? undefined,
    method: summary.method,
    url: summary.url,
    durationMs: res.durationMs,
  }));
}

/**
 * One attempt, told to the hooks and the debug log: `onRequest` before, `onResponse` and the debug line after.
 * A hook that throws is ignored (observing a call never changes it).
 */
export async function observedAttempt<O extends AttemptOutcome>(ctx: Observers, attempt: number, summary: RequestSummary, run: () => Promise<O>): Promise<O> {
  const now = ctx.now ?? performanceNow;
  // No hooks, no debug log: nothing reads the (redacted) URL, so it is not computed.
  if (ctx.onRequest) safely(() => ctx.onRequest!({ method: summary.method, url: summary.url, attempt }));
  const started = now();
  const outcome = await run();
  const durationMs = now() - started;
  if (outcome.kind === 'response') outcome.response.durationMs = durationMs;
  if (!ctx.onResponse && !ctx.debug) return outcome;
  const request: RequestEvent = { method: summary.method, url: summary.url, attempt };
  const event: ResponseEvent = { ...request, durationMs };
  if (outcome.kind === 'response') {
    event.status = outcome.response.status;
    event.headers = outcome.response.headers;
    const traceId = outcome.response.headers.get(TRACE_ID_HEADER);
    if (traceId) event.traceId = traceId;
  } else {
    event.failure = outcome.kind === 'timeout' ? 'timeout' : outcome.kind === 'aborted' ? 'aborted' : 'network error';
  }
  if (ctx.onResponse) safely(() => ctx.onResponse!(event));
  if (ctx.debug) writeDebugLine({ method: event.method, url: event.url, status: event.status, failure: event.failure, durationMs, traceId: event.traceId, attempt });
  return outcome;
}

const performanceNow = () => performance.now();

function safely(hook: () => void): void {
  try {
    hook();
  } catch {
    // a throwing hook must not change the call
  }
}
