/**
 * The endpoint measures itself (Meta's Metrics API is deprecated since 2026-04-30, Meta: Flows Metrics API): one
 * sample per answer, kept as counters in the series Meta used to publish (§1.3.10; definitions in
 * `platform/endpoint-metrics.ts`). A sample holds the action kind, the status, the latency and the error kind:
 * never a flow token, a screen name, data or a payload. Recording is a few integer increments, so it stays on.
 * This module holds the shapes and the empty snapshot; the recorder (`metrics-recorder.ts`) loads with the first
 * request, off the startup path (issue 12: the endpoint's bundle size).
 */
import type { EndpointErrorKind, LatencyBucket } from '../platform/endpoint-metrics.js';

/** What a request was, once decrypted: the bounded set of actions (any other action string counts as `other`). */
export type MetricAction = 'INIT' | 'BACK' | 'data_exchange' | 'ping' | 'error_notification' | 'other';

/** One answered request, given to `onMetrics`. */
export interface EndpointMetricSample {
  /** The request's action; `other` when it could not be decrypted or names an unknown action. */
  action: MetricAction;
  /** The HTTP status answered. */
  status: number;
  /** Milliseconds from the call of the handler to its Response (the endpoint's share of WhatsApp's latency). */
  latencyMs: number;
  /** Meta's latency bucket (seconds rounded up). */
  latencyBucket: LatencyBucket;
  /** The error WhatsApp's client would count, if any. */
  error?: EndpointErrorKind;
}

/** Counters since the endpoint was created (cumulative: take differences between two snapshots for a period). */
export interface EndpointMetricsSnapshot {
  /** When counting started (ms since the epoch) and when this snapshot was taken. */
  since: number;
  at: number;
  /** ENDPOINT_REQUEST_COUNT: every request answered, health checks included. */
  requests: number;
  /** ENDPOINT_REQUEST_ERROR, by kind. */
  errors: Record<EndpointErrorKind, number>;
  /** ENDPOINT_REQUEST_ERROR_RATE: errors / requests (0 with no requests). */
  errorRate: number;
  /** ENDPOINT_REQUEST_LATENCY_SECONDS_CEIL: requests per bucket "1".."10", "10+". */
  latency: Record<LatencyBucket, number>;
  /** Sum of latencies in ms, for a mean (latencySumMs / requests). */
  latencySumMs: number;
  /** ENDPOINT_AVAILABILITY: health checks (`ping`) answered 200 (`succeeded`) or not (`failed`). */
  availability: { succeeded: number; failed: number };
  /** Requests per action and per status answered. */
  actions: Record<MetricAction, number>;
  statuses: Record<string, number>;
}

const ACTIONS = new Set<string>(['INIT', 'BACK', 'data_exchange', 'ping']);

/** The bounded action kind of a decrypted request's action (never the raw string: anyone can encrypt a request). */
export function metricAction(action: unknown, isErrorNotification = false): MetricAction {
  if (isErrorNotification) return 'error_notification';
  return typeof action === 'string' && ACTIONS.has(action) ? (action as MetricAction) : 'other';
}

/** The snapshot of an endpoint that has answered nothing yet (the one definition of the counters' keys). */
export function emptyMetricsSnapshot(since: number): EndpointMetricsSnapshot {
  return {
    since,
    at: Date.now(),
    requests: 0,
    errors: { timeout_error: 0, unexpected_http_status_code: 0, decryption_error: 0 },
    errorRate: 0,
    latency: { '1': 0, '2': 0, '3': 0, '4': 0, '5': 0, '6': 0, '7': 0, '8': 0, '9': 0, '10': 0, '10+': 0 },
    latencySumMs: 0,
    availability: { succeeded: 0, failed: 0 },
    actions: { INIT: 0, BACK: 0, data_exchange: 0, ping: 0, error_notification: 0, other: 0 },
    statuses: {},
  };
}
