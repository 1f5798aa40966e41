/**
 * The types every client transport shares (`transport.ts` picks one; `transport-fetch.ts` and `transport-node.ts`
 * implement them; `http.ts` consumes the outcome).
 */
import type { RequestSummary } from '../core/errors.js';

/** The transports a client can be given (`new WhatsApp({ transport })`). */
export const TRANSPORT_NAMES = ['fetch', 'node'] as const;
export type TransportName = (typeof TRANSPORT_NAMES)[number];

/** One attempt to send. */
export interface TransportRequest {
  method: string;
  /** Absolute URL, query included. */
  url: string;
  headers: Record<string, string>;
  body: string | URLSearchParams | FormData | undefined;
}

/** How long the attempt may take, how much it may read, and who may abort it. */
export interface AttemptSettings {
  /** Per-attempt limit in ms, from sending to the end of the body (a non-finite value means no limit). */
  timeout: number;
  /** Body limit, counted after decompression. */
  maxBytes: number;
  /** The request as errors name it (its URL redacted on first read). */
  summary: RequestSummary;
  /** The caller's signal: aborting it ends the attempt at once. */
  signal: AbortSignal | undefined;
  /** Applied to every URL an error names. */
  redact: (text: string) => string;
}

/** An answer read to the end (inside the timeout window: a server that stalls mid-body is a timeout). */
export interface ReadResponse {
  ok: boolean;
  status: number;
  statusText: string;
  headers: Headers;
  text: string;
  /** Time from sending to the end of the body, in ms (set by the observer). */
  durationMs: number;
}

/** How an attempt ended. `failed` carries what went wrong (a network error, or our own verdict: too large, redirected away). */
export type AttemptOutcome =
  | { kind: 'response'; response: ReadResponse }
  | { kind: 'timeout' }
  | { kind: 'aborted' }
  | { kind: 'failed'; cause: unknown };

/** Sends one attempt; never rejects (every ending is an outcome). */
export type Transport = (request: TransportRequest, settings: AttemptSettings) => Promise<AttemptOutcome>;

export const TIMED_OUT: AttemptOutcome = Object.freeze({ kind: 'timeout' });
export const ABORTED: AttemptOutcome = Object.freeze({ kind: 'aborted' });

/** A summary with its URL read once (errors keep this copy, not the lazy one that holds the unredacted URL). */
export function plainSummary(summary: RequestSummary): RequestSummary {
  return { method: summary.method, url: summary.url };
}
