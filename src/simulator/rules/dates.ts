import { isObject } from '../../flow-json/values.js';
import { dayNumber, DEFAULT_MAX_DATE, DEFAULT_MIN_DATE, isDate, weekday } from '../dates.js';
import type { InputFailure } from '../errors.js';
import { dateFormat } from '../inputs.js';
import { failure, numberProp, show, type FieldContext } from './context.js';

/**
 * What the client accepts in DatePicker and CalendarPicker (flows-platform §2.10): a date in the version's
 * format, within `min-date` … `max-date` (default 1900-01-01 … 2100-12-31), not in `unavailable-dates`, on one of
 * `include-days` (CalendarPicker); in range mode `{ "start-date", "end-date" }` with start ≤ end and the number
 * of days from start to end within `min-days` … `max-days`.
 */

/** Every rule one date breaks. */
export function checkDate(ctx: FieldContext, value: unknown): InputFailure[] {
  const format = dateFormat(ctx.node, ctx.flow);
  if (!isDate(value, format)) {
    return [failure(ctx, 'date-format', `expects ${format === 'iso' ? 'a "YYYY-MM-DD" date' : 'a date as epoch milliseconds in a string (Flow JSON before 5.0)'}; got ${show(value)}`)];
  }
  const day = dayNumber(value)!;
  const out: InputFailure[] = [];
  const min = dayNumber(ctx.props['min-date']) ?? dayNumber(DEFAULT_MIN_DATE)!;
  const max = dayNumber(ctx.props['max-date']) ?? dayNumber(DEFAULT_MAX_DATE)!;
  if (day < min) out.push(failure(ctx, 'min-date', `${value} is before the first selectable date ${String(ctx.props['min-date'] ?? DEFAULT_MIN_DATE)}`));
  if (day > max) out.push(failure(ctx, 'max-date', `${value} is after the last selectable date ${String(ctx.props['max-date'] ?? DEFAULT_MAX_DATE)}`));
  if (unavailableDays(ctx.props).has(day)) out.push(failure(ctx, 'unavailable-dates', `${value} is one of the unavailable dates`));
  const include = includeDays(ctx.props);
  if (include && !include.has(weekday(day))) out.push(failure(ctx, 'include-days', `${value} is a ${weekday(day)}; selectable days are ${[...include].join(', ')}`));
  return out;
}

/** Every rule a date range breaks. */
export function checkRange(ctx: FieldContext, value: unknown): InputFailure[] {
  if (!isObject(value) || (value['start-date'] === undefined && value['end-date'] === undefined)) {
    return [failure(ctx, 'value-type', `expects { "start-date": "YYYY-MM-DD", "end-date": "YYYY-MM-DD" }; got ${show(value)}`)];
  }
  const out: InputFailure[] = [];
  for (const side of ['start-date', 'end-date'] as const) if (value[side] !== undefined) out.push(...checkDate(ctx, value[side]));
  if (out.length > 0 || value['start-date'] === undefined || value['end-date'] === undefined) return out;
  const days = dayNumber(value['end-date'])! - dayNumber(value['start-date'])!;
  const minDays = numberProp(ctx.props, 'min-days');
  const maxDays = numberProp(ctx.props, 'max-days');
  if (days < 0) out.push(failure(ctx, 'date-format', `the end date ${String(value['end-date'])} is before the start date ${String(value['start-date'])}`));
  else if (minDays !== undefined && days < minDays) out.push(failure(ctx, 'min-days', `the range spans ${days} days; at least ${minDays} are needed`));
  else if (maxDays !== undefined && days > maxDays) out.push(failure(ctx, 'max-days', `the range spans ${days} days; at most ${maxDays} are allowed`));
  return out;
}

/** The day numbers of `unavailable-dates`. */
export function unavailableDays(props: Record<string, unknown>): Set<number> {
  const list = props['unavailable-dates'];
  return new Set(Array.isArray(list) ? list.map(dayNumber).filter((d): d is number => d !== undefined) : []);
}

/** `include-days` as a set (`Mon` … `Sun`); undefined when every day is allowed. */
export function includeDays(props: Record<string, unknown>): Set<string> | undefined {
  const list = props['include-days'];
  return Array.isArray(list) && list.length > 0 ? new Set(list.filter((d): d is string => typeof d === 'string')) : undefined;
}
