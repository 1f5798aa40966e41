import { InvalidArgumentError } from '../../../core/errors.js';
import { FlowMetricGranularityEnum, FlowMetricNameEnum } from '../../../enums/flow-metric.js';
import { FLOW_CATEGORIES, type FlowCategory } from '../../../enums/flow-category.js';
import { categoriesProblem } from '../../../platform/categories.js';

/** `['name', 'status']` or `'name,status'` → `'name,status'`. */
export function fieldsParam(fields: unknown): string | undefined {
  if (fields === undefined || fields === null) return undefined;
  const list = typeof fields === 'string' ? fields.split(',') : Array.isArray(fields) ? fields : undefined;
  if (!list) throw new InvalidArgumentError('fields must be an array of field names or a comma-separated string.');
  const names = list.map((f) => (typeof f === 'string' ? f.trim() : f));
  if (names.some((f) => typeof f !== 'string' || f === '')) {
    throw new InvalidArgumentError(`fields must contain non-empty field names; got ${JSON.stringify(fields)}.`);
  }
  return names.length ? names.join(',') : undefined;
}

/**
 * Checks categories with Meta's own rule (src/platform/categories.ts, flows-platform §1.6) before sending:
 * values are sent exactly as given, and what Meta refuses (`APPOINTMENT`, lower case) is refused here with the
 * value to use instead.
 */
export function categoriesParam(categories: unknown, required: boolean): FlowCategory[] | undefined {
  if (categories === undefined || categories === null) {
    if (required) throw new InvalidArgumentError(`categories is required: give at least one of ${FLOW_CATEGORIES.join(', ')}.`);
    return undefined;
  }
  const list = Array.isArray(categories) ? categories : [categories];
  const problem = categoriesProblem(list);
  if (problem) {
    const hint = problem.suggestion ? ` Use ${problem.suggestion}${problem.suggestion === 'APPOINTMENT_BOOKING' ? ' (FlowCategoryEnum.Appointment)' : ''}.` : ' Use FlowCategoryEnum.';
    throw new InvalidArgumentError(`${problem.message}${hint}`);
  }
  return list as FlowCategory[];
}

export interface MetricQuery {
  name: FlowMetricNameEnum | `${FlowMetricNameEnum}`;
  granularity: FlowMetricGranularityEnum | `${FlowMetricGranularityEnum}` | Lowercase<FlowMetricGranularityEnum>;
  /** First day, `YYYY-MM-DD` or a Date (its UTC day). */
  since?: string | Date;
  /** Last day, `YYYY-MM-DD` or a Date (its UTC day). */
  until?: string | Date;
}

/** `metric.name(ENDPOINT_REQUEST_COUNT).granularity(DAY).since(2024-01-28).until(2024-01-30)` */
export function metricField(query: MetricQuery): string {
  if (!query || typeof query !== 'object') throw new InvalidArgumentError('getFlowMetrics needs { name, granularity, since?, until? }.');
  const name = String(query.name ?? '').toUpperCase();
  const names = Object.values(FlowMetricNameEnum) as string[];
  if (!names.includes(name)) throw new InvalidArgumentError(`Unknown metric name ${JSON.stringify(query.name)}: use one of ${names.join(', ')}.`);
  const granularity = String(query.granularity ?? '').toUpperCase();
  const grans = Object.values(FlowMetricGranularityEnum) as string[];
  if (!grans.includes(granularity)) {
    throw new InvalidArgumentError(`Unknown granularity ${JSON.stringify(query.granularity)}: use one of ${grans.join(', ')}.`);
  }
  let field = `metric.name(${name}).granularity(${granularity})`;
  const since = dayParam('since', query.since);
  const until = dayParam('until', query.until);
  if (since && until && since > until) throw new InvalidArgumentError(`since (${since}) is after until (${until}).`);
  if (since) field += `.since(${since})`;
  if (until) field += `.until(${until})`;
  return field;
}

function dayParam(name: string, value: string | Date | undefined): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw new InvalidArgumentError(`${name} is an invalid Date.`);
    return value.toISOString().slice(0, 10);
  }
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value))) return value;
  throw new InvalidArgumentError(`${name} must be a date as 'YYYY-MM-DD' or a Date; got ${JSON.stringify(value)}.`);
}
