/**
 * The endpoint's own measurement (see `metrics.ts` for the shapes): counters in the series Meta's deprecated Metrics
 * API published. Loaded with the first request (`handler.ts`), off the startup path.
 */
import { errorKindOf, latencyBucket } from '../platform/endpoint-metrics.js';
import { emptyMetricsSnapshot, type EndpointMetricSample, type EndpointMetricsSnapshot, type MetricAction } from './metrics.js';

export class EndpointMetrics {
  private readonly counts: EndpointMetricsSnapshot;
  // Statuses are the endpoint's own (a small fixed set), so this map stays small.
  private readonly statuses = new Map<number, number>();

  constructor(
    since: number,
    private readonly onSample?: (sample: EndpointMetricSample) => void,
  ) {
    this.counts = emptyMetricsSnapshot(since);
  }

  record(action: MetricAction, status: number, latencyMs: number): void {
    const bucket = latencyBucket(latencyMs);
    const error = errorKindOf(status, latencyMs);
    const c = this.counts;
    c.requests++;
    c.latencySumMs += latencyMs;
    c.latency[bucket]++;
    c.actions[action]++;
    this.statuses.set(status, (this.statuses.get(status) ?? 0) + 1);
    if (error) c.errors[error]++;
    if (action === 'ping') c.availability[status === 200 && !error ? 'succeeded' : 'failed']++;
    if (this.onSample) {
      try {
        this.onSample(error ? { action, status, latencyMs, latencyBucket: bucket, error } : { action, status, latencyMs, latencyBucket: bucket });
      } catch {
        // a failing metrics sink must not change the answer
      }
    }
  }

  snapshot(): EndpointMetricsSnapshot {
    const c = this.counts;
    const errorCount = c.errors.timeout_error + c.errors.unexpected_http_status_code + c.errors.decryption_error;
    return {
      ...c,
      at: Date.now(),
      errors: { ...c.errors },
      errorRate: c.requests === 0 ? 0 : errorCount / c.requests,
      latency: { ...c.latency },
      availability: { ...c.availability },
      actions: { ...c.actions },
      statuses: Object.fromEntries([...this.statuses].sort((a, b) => a[0] - b[0]).map(([s, n]) => [String(s), n])),
    };
  }
}
