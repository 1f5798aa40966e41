import type { Finding } from '../../diagnostics.js';
import type { JsonPath } from '../../parse.js';
import { defineRule } from '../../rule.js';
import { isObject, type JsonObject } from '../../values.js';
import { hasDynamicPart, isBlank } from '../../checks/dynamic-values.js';
import * as msg from '../../checks/component-messages.js';

/** The date properties of DatePicker and CalendarPicker. */
const SINGLE_DATES = ['min-date', 'max-date', 'init-value'] as const;
const RANGE_ENDS = ['start-date', 'end-date'] as const;

const ISO_FORMAT = 'YYYY-MM-DD';
/** How the message names the DatePicker format before 5.0 (Meta's docs: a timestamp in milliseconds, as a string). */
const EPOCH_FORMAT = 'timestamp in milliseconds';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** Epoch milliseconds; negative for dates before 1970 (the default range starts in 1900). */
const EPOCH_MS = /^-?\d+$/;

/** `YYYY-MM-DD` that names a day of the (proleptic Gregorian) calendar: no 2024-02-30, no month 13. */
export function isCalendarDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = month === 2 ? (leap ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
  return day <= days;
}

const formatMessage = (property: string, format: string, why?: string) =>
  `Property '${property}' should be in '${format}' format.${why ? ' ' + why : ''}`;

/**
 * Static dates of DatePicker and CalendarPicker use the version's format (flows-platform §2.10 "Dates"):
 * `min-date`, `max-date`, each of `unavailable-dates` and `init-value` (CalendarPicker range mode: each end of the
 * `{ "start-date", "end-date" }` object).
 * - DatePicker before 5.0: a string of epoch milliseconds (`"1693569600000"`, Meta's 4.0 example); a leading minus is
 *   accepted for dates before 1970.
 * - DatePicker from 5.0, and CalendarPicker (≥ 6.1): `"YYYY-MM-DD"`, a real calendar date.
 * Code `INVALID_PROPERTY_VALUE_FORMAT` with §2.12's template. Bindings and nested expressions are left alone (their
 * values are known at run time only), as are values another rule owns: non-strings (types), blank strings from 6.0
 * (blank strings), `init-value` before 4.0 (unknown key) and CalendarPicker before 6.1 (unknown component).
 *
 * CalendarPicker `unavailable-dates` lie within `min-date`/`max-date` (§2.10): a static date outside them is
 * `INVALID_PROPERTY_VALUE` (Meta's catalogue has no dedicated code; the closest one). `min-date` ≤ `max-date` is the
 * min/max rule's (`component-min-max.ts`), not repeated here.
 */
export const dateFormatRule = defineRule({
  id: 'flow-json/date-format',
  description: 'DatePicker and CalendarPicker dates use the format of the Flow JSON version.',
  severity: 'error',
  versions: 'all',
  evidence: 'flows-platform §2.10 DatePicker/CalendarPicker (epoch ms before 5.0, YYYY-MM-DD from 5.0), §2.12 INVALID_PROPERTY_VALUE_FORMAT',
  check(ctx) {
    const findings: Finding[] = [];
    const expressions = ctx.atLeast('6.0');
    const isoDatePicker = ctx.atLeast('5.0');
    const initValues = ctx.atLeast('4.0');
    const calendars = ctx.atLeast('6.1');
    const versions: DateVersions = { expressions, isoDatePicker, initValues };
    for (const c of ctx.model.components) {
      const calendar = c.type === 'CalendarPicker';
      if (c.type === 'DatePicker' || (calendar && calendars)) checkDates(c.node, c.path, calendar, versions, findings);
    }
    return findings;
  },
});

/** What of the document's version the date checks need. */
interface DateVersions {
  expressions: boolean;
  isoDatePicker: boolean;
  initValues: boolean;
}

/** One DatePicker or CalendarPicker (a function of its own: its closures allocate nothing for other components, issue 13). */
function checkDates(node: JsonObject, path: JsonPath, calendar: boolean, { expressions, isoDatePicker, initValues }: DateVersions, findings: Finding[]): void {
  const iso = calendar || isoDatePicker;
  const why = calendar
    ? undefined
    : iso
      ? `From Flow JSON version 5.0 DatePicker dates are '${ISO_FORMAT}' strings.`
      : `Before Flow JSON version 5.0 DatePicker dates are strings of epoch milliseconds, e.g. "1693569600000".`;

  /** Checks one date; `arrayItem`: an item of `unavailable-dates` (the blank-strings rule leaves those alone). */
  const check = (value: unknown, at: JsonPath, property: string, arrayItem = false): boolean => {
    if (typeof value !== 'string' || hasDynamicPart(value, expressions)) return false;
    if (expressions && !arrayItem && isBlank(value)) return false;
    if (iso ? isCalendarDate(value) : EPOCH_MS.test(value)) return true;
    // A well-formed date of the other format gets the version hint; anything else only Meta's sentence.
    const otherFormat = iso ? EPOCH_MS.test(value) : ISO_DATE.test(value);
    const hint = otherFormat ? why : iso && ISO_DATE.test(value) ? `${value} is not a calendar date.` : undefined;
    findings.push({ code: 'INVALID_PROPERTY_VALUE_FORMAT', message: formatMessage(property, iso ? ISO_FORMAT : EPOCH_FORMAT, hint), path: at });
    return false;
  };

  for (const key of SINGLE_DATES) {
    const value = node[key];
    if (value === undefined || (key === 'init-value' && !initValues)) continue;
    if (calendar && key === 'init-value' && isObject(value)) {
      for (const end of RANGE_ENDS) check(value[end], [...path, key, end], key);
    } else check(value, [...path, key], key);
  }

  const unavailable = node['unavailable-dates'];
  if (!Array.isArray(unavailable)) return;
  // CalendarPicker: static, well-formed bounds to compare unavailable dates with (ISO strings sort as dates).
  const bound = (key: string) => {
    const v = node[key];
    return calendar && typeof v === 'string' && isCalendarDate(v) ? v : undefined;
  };
  const min = bound('min-date');
  const max = bound('max-date');
  for (let i = 0; i < unavailable.length; i++) {
    const at = [...path, 'unavailable-dates', i];
    const date = unavailable[i];
    if (!check(date, at, 'unavailable-dates', true) || !calendar) continue;
    const d = date as string;
    if ((min !== undefined && d < min) || (max !== undefined && d > max)) {
      const range = min !== undefined && max !== undefined ? `between ${min} and ${max}` : min !== undefined ? `on or after ${min}` : `on or before ${max}`;
      const text = `Unavailable dates should lie within min-date and max-date (${range}), but found ${d}.`;
      findings.push({ code: 'INVALID_PROPERTY_VALUE', message: msg.invalidValue('unavailable-dates', path, text), path: at });
    }
  }
}
