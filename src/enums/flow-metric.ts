/** Endpoint metric names (flows-platform §1.3.10). */
export const FlowMetricNameEnum = {
  EndpointRequestCount: 'ENDPOINT_REQUEST_COUNT',
  EndpointRequestError: 'ENDPOINT_REQUEST_ERROR',
  EndpointRequestErrorRate: 'ENDPOINT_REQUEST_ERROR_RATE',
  EndpointRequestLatencySecondsCeil: 'ENDPOINT_REQUEST_LATENCY_SECONDS_CEIL',
  EndpointAvailability: 'ENDPOINT_AVAILABILITY',
} as const;
export type FlowMetricNameEnum = (typeof FlowMetricNameEnum)[keyof typeof FlowMetricNameEnum];

/** Metric granularities. Meta's sample writes `day` in lower case; the SDK sends upper case. */
export const FlowMetricGranularityEnum = {
  Day: 'DAY',
  Hour: 'HOUR',
  Lifetime: 'LIFETIME',
} as const;
export type FlowMetricGranularityEnum = (typeof FlowMetricGranularityEnum)[keyof typeof FlowMetricGranularityEnum];
