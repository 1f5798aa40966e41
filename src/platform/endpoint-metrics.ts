// Owns: the health series of a data endpoint as Meta's Metrics API published them (flows-platform §1.3.10), which
// an endpoint has to measure itself since that API's deprecation on 2026-04-30 (§6.2): series names, the error
// kinds, the latency buckets, and how one answer is classified. Consumers: the endpoint's metrics recorder
// (src/endpoint/metrics.ts), the deprecated `getFlowMetrics` names (src/enums/flow-metric.ts) and the emulator's
// metric field (src/emulator/flow-view.ts).
import { CHANNEL_ERRORS, ENDPOINT_STATUS, ENDPOINT_TIMEOUT_MS } from './endpoint-response/status.js';

/** Meta's series names (§1.3.10 `metric.name(...)`), kept so a self-measured series can be told apart by the same name. */
export const ENDPOINT_METRIC_SERIES = {
  requestCount: 'ENDPOINT_REQUEST_COUNT',
  requestError: 'ENDPOINT_REQUEST_ERROR',
  requestErrorRate: 'ENDPOINT_REQUEST_ERROR_RATE',
  latency: 'ENDPOINT_REQUEST_LATENCY_SECONDS_CEIL',
  availability: 'ENDPOINT_AVAILABILITY',
} as const;

/**
 * Error kinds an endpoint can see from its own side. `timeout_error` and `unexpected_http_status_code` are Meta's
 * keys of ENDPOINT_REQUEST_ERROR (§1.3.10). `decryption_error` is ours: a 421 (§3.6) has its own cause and fix (the
 * public key for this phone number is not the one the endpoint holds), so it is kept apart. Meta's other two keys,
 * `no_http_response_error` and `cannot_be_served`, happen where the endpoint cannot see them (no answer reached
 * WhatsApp; Meta never defined the second), so they are not measured here.
 */
export const ENDPOINT_ERROR_KINDS = [CHANNEL_ERRORS.timeout, CHANNEL_ERRORS.otherStatus, 'decryption_error'] as const;
export type EndpointErrorKind = (typeof ENDPOINT_ERROR_KINDS)[number];

/** ENDPOINT_REQUEST_LATENCY_SECONDS_CEIL keys (§1.3.10): whole seconds rounded up, "1" to "10", then "10+". */
export const LATENCY_BUCKETS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '10+'] as const;
export type LatencyBucket = (typeof LATENCY_BUCKETS)[number];

/** ENDPOINT_AVAILABILITY keys (§1.3.10): the outcome of each health check (`ping`, §3.4). */
export const AVAILABILITY_KEYS = ['succeeded', 'failed'] as const;

/** The latency bucket of an answer that took `ms` milliseconds: seconds rounded up, at least "1", past 10 s "10+". */
export function latencyBucket(ms: number): LatencyBucket {
  const seconds = Math.ceil(ms / 1000);
  if (seconds <= 1) return '1';
  if (seconds > 10) return '10+';
  return LATENCY_BUCKETS[seconds - 1]!;
}

/**
 * What WhatsApp's client makes of an answer with `status` given after `ms` milliseconds, or undefined when it is
 * no error:
 * - past the client's 10 s timeout (§3.2), or 504 (the client's own TIMEOUT status, §6.6): `timeout_error`;
 * - 421: `decryption_error` (§3.6);
 * - 200 and 427: no error. A 427 is a documented answer the client handles (it shows the business's `error_msg`
 *   and disables the button, §3.6, §6.6); it is counted per status, not as an error;
 * - any other status (400, 432, 500, ...): `unexpected_http_status_code` (§3.6: "other ... counted as
 *   unexpected_http_status_code"; 432 too, since the user sees a generic error).
 */
export function errorKindOf(status: number, ms: number): EndpointErrorKind | undefined {
  if (ms >= ENDPOINT_TIMEOUT_MS || status === ENDPOINT_STATUS.timeout) return 'timeout_error';
  if (status === ENDPOINT_STATUS.ok || status === ENDPOINT_STATUS.flowTokenInvalid) return undefined;
  if (status === ENDPOINT_STATUS.cannotDecrypt) return 'decryption_error';
  return 'unexpected_http_status_code';
}
