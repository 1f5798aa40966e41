/**
 * Calendar dates of DatePicker and CalendarPicker (flows-platform §2.10): `"YYYY-MM-DD"` from Flow JSON 5.0
 * (CalendarPicker always), epoch milliseconds as a string before 5.0. Dates are handled as whole UTC days.
 */

const DAY_MS = 86_400_000;
const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;

/** The client's default selectable range. */
export const DEFAULT_MIN_DATE = '1900-01-01';
export const DEFAULT_MAX_DATE = '2100-12-31';

export type DateFormat = 'iso' | 'epoch-ms';

/** Days since 1970-01-01 of `"YYYY-MM-DD"` or an epoch-ms string; undefined when it is neither (or not a real date). */
export function dayNumber(text: unknown): number | undefined {
  if (typeof text !== 'string') return undefined;
  const m = ISO.exec(text);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const ms = Date.UTC(y, mo - 1, d);
    const back = new Date(ms);
    if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return undefined;
    return ms / DAY_MS;
  }
  if (/^\d{1,15}$/.test(text)) return Math.floor(Number(text) / DAY_MS);
  return undefined;
}

/** Whether `text` is a date in `format`. */
export function isDate(text: unknown, format: DateFormat): text is string {
  if (typeof text !== 'string') return false;
  return format === 'iso' ? ISO.test(text) && dayNumber(text) !== undefined : /^\d{1,15}$/.test(text);
}

/** A day number in `format`: `"YYYY-MM-DD"`, or the epoch ms of that day's UTC midnight. */
export function formatDay(day: number, format: DateFormat): string {
  if (format === 'epoch-ms') return String(day * DAY_MS);
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** `Mon` … `Sun` of a day number. */
export function weekday(day: number): (typeof WEEKDAYS)[number] {
  return WEEKDAYS[new Date(day * DAY_MS).getUTCDay()]!;
}

/** Today as a UTC day number. */
export function today(): number {
  return Math.floor(Date.now() / DAY_MS);
}
