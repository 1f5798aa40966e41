import { ENDPOINT_METRIC_SERIES } from '../platform/endpoint-metrics.js';
/**
 * Endpoint metric names (Meta: Flows Metrics API).
 *
 * @deprecated Meta deprecated the Flows Metrics API on 2026-04-30 (Meta: Flows Metrics API); it may stop answering at
 * any time. Measure the endpoint itself instead: `createFlowEndpoint({ onMetrics })` reports the same series
 * (request count, errors by kind, latency buckets, availability). Kept for apps that still get answers.
 */
export const FlowMetricNameEnum = {
  EndpointRequestCount: ENDPOINT_METRIC_SERIES.requestCount,
  EndpointRequestError: ENDPOINT_METRIC_SERIES.requestError,
  EndpointRequestErrorRate: ENDPOINT_METRIC_SERIES.requestErrorRate,
  EndpointRequestLatencySecondsCeil: ENDPOINT_METRIC_SERIES.latency,
  EndpointAvailability: ENDPOINT_METRIC_SERIES.availability,
} as const;
/** @deprecated Meta deprecated the Flows Metrics API on 2026-04-30 (Meta: Flows Metrics API): see `FlowMetricNameEnum`. */
export type FlowMetricNameEnum = (typeof FlowMetricNameEnum)[keyof typeof FlowMetricNameEnum];

/**
 * Metric granularities. Meta's sample writes `day` in lower case; the SDK sends upper case.
 *
 * @deprecated Meta deprecated the Flows Metrics API on 2026-04-30 (Meta: Flows Metrics API); it may stop answering at
 * any time. Measure the endpoint itself instead: `createFlowEndpoint({ onMetrics })` reports the same series
 * (request count, errors by kind, latency buckets, availability). Kept for apps that still get answers.
 */
export const FlowMetricGranularityEnum = {
  Day: 'DAY',
  Hour: 'HOUR',
  Lifetime: 'LIFETIME',
} as const;
/** @deprecated Meta deprecated the Flows Metrics API on 2026-04-30 (Meta: Flows Metrics API): see `FlowMetricNameEnum`. */
export type FlowMetricGranularityEnum = (typeof FlowMetricGranularityEnum)[keyof typeof FlowMetricGranularityEnum];
