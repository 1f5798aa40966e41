import { isObject } from '../flow-json/values.js';
import { autoText } from './auto-text.js';
import { dayNumber, formatDay, today, weekday } from './dates.js';
import { SimulatorError } from './errors.js';
import { dateFormat, inputKind } from './inputs.js';
import { extensionOf } from './media.js';
import { numberProp, type FieldContext } from './rules/context.js';
import { includeDays, unavailableDays } from './rules/dates.js';
import { fileLimits } from './rules/media.js';
import { dataSourceItems } from './rules/selection.js';
import type { FlowSimulator } from './simulator.js';
import type { AutoAnswerOptions } from './types.js';

/**
 * Valid generated answers for the inputs a screen shows now, so a flow can be walked without a script: the first
 * enabled item (or the `min-selected-items` first ones), `true` for OptIns, the first selectable date from
 * `min-date` (or today), text fitting `input-type`, `pattern`, `min-chars` and `max-chars`, the minimum number of
 * files (at least one). Every password input of a screen gets the same value (forms ask to repeat it).
 */
export function autoAnswers(sim: FlowSimulator, options: AutoAnswerOptions = {}): Record<string, unknown> {
  const screen = sim.screen;
  if (screen === undefined) throw new SimulatorError('autoAnswers needs an open flow: call await sim.open() first.');
  const given = options.answers?.[screen] ?? {};
  const out: Record<string, unknown> = {};
  let password: string | undefined;
  for (const c of sim.components) {
    if (!c.name || !inputKind(c.node) || c.props.enabled === false) continue;
    if (Object.hasOwn(given, c.name)) {
      out[c.name] = given[c.name];
      continue;
    }
    const ctx: FieldContext = { screen, flow: sim.flow, node: c.node, props: c.props };
    if (options.optional === false && !isRequired(ctx)) continue;
    if (c.type === 'TextInput' && c.props['input-type'] === 'password') {
      password ??= autoText(ctx, undefined);
      out[c.name] = autoText(ctx, password);
      continue;
    }
    const value = autoValue(ctx, options);
    if (value !== undefined) out[c.name] = value;
  }
  return out;
}

/** A valid value for one input; undefined when none can be made (no items, no selectable date). */
export function autoValue(ctx: FieldContext, options: AutoAnswerOptions = {}): unknown {
  switch (inputKind(ctx.node)) {
    case 'text':
      return autoText(ctx, undefined);
    case 'single':
      return dataSourceItems(ctx.props).find((i) => i.enabled)?.id;
    case 'multi': {
      const items = dataSourceItems(ctx.props).filter((i) => i.enabled);
      const want = Math.max(numberProp(ctx.props, 'min-selected-items') ?? 1, 1);
      const count = Math.min(want, numberProp(ctx.props, 'max-selected-items') ?? want, items.length);
      return count > 0 ? items.slice(0, count).map((i) => i.id) : undefined;
    }
    case 'boolean':
      return true;
    case 'date': {
      const day = firstDay(ctx, startDay(ctx, options), Infinity, true);
      return day === undefined ? undefined : formatDay(day, dateFormat(ctx.node, ctx.flow));
    }
    case 'date-range':
      return autoRange(ctx, options);
    case 'media': {
      const { min, max } = fileLimits(ctx);
      const count = Math.min(Math.max(min, 1), max);
      const allowed = ctx.props['allowed-mime-types'];
      const mime = ctx.node.type === 'PhotoPicker' ? 'image/jpeg' : Array.isArray(allowed) && typeof allowed[0] === 'string' ? allowed[0] : 'application/pdf';
      const stem = ctx.node.type === 'PhotoPicker' ? 'photo' : 'document';
      return Array.from({ length: count }, (_, i) => ({ file_name: `${stem}-${i + 1}.${extensionOf(mime)}`, mime_type: mime, size: 2048 }));
    }
    default:
      return undefined;
  }
}

/** Whether the input must be answered for the Footer to work. */
export function isRequired(ctx: FieldContext): boolean {
  const kind = inputKind(ctx.node);
  if (kind === 'media') return fileLimits(ctx).min > 0;
  const required = ctx.props.required;
  if (kind === 'date-range' && isObject(required)) return required['start-date'] === true || required['end-date'] === true;
  return required === true;
}

function startDay(ctx: FieldContext, options: AutoAnswerOptions): number {
  const min = dayNumber(ctx.props['min-date']);
  if (min !== undefined) return min;
  return (options.today !== undefined ? dayNumber(options.today) : undefined) ?? today();
}

/** The first selectable day from `from` to `until` (`wrap`: start at `min-date` when `from` is past `max-date`). */
function firstDay(ctx: FieldContext, from: number, until = Infinity, wrap = false): number | undefined {
  const min = dayNumber(ctx.props['min-date']) ?? dayNumber('1900-01-01')!;
  const max = Math.min(dayNumber(ctx.props['max-date']) ?? dayNumber('2100-12-31')!, until);
  const unavailable = unavailableDays(ctx.props);
  const include = includeDays(ctx.props);
  let day = Math.max(from, min);
  if (day > max && wrap) day = min;
  for (let n = 0; n < 4000 && day <= max; n++, day++) {
    if (!unavailable.has(day) && (!include || include.has(weekday(day)))) return day;
  }
  return undefined;
}

function autoRange(ctx: FieldContext, options: AutoAnswerOptions): Record<string, string> | undefined {
  const minDays = Math.max(numberProp(ctx.props, 'min-days') ?? 1, 0);
  const maxDays = numberProp(ctx.props, 'max-days') ?? Infinity;
  let start = firstDay(ctx, startDay(ctx, options), Infinity, true);
  for (let tries = 0; start !== undefined && tries < 400; tries++) {
    const end = firstDay(ctx, start + minDays, start + maxDays);
    if (end !== undefined) return { 'start-date': formatDay(start, 'iso'), 'end-date': formatDay(end, 'iso') };
    start = firstDay(ctx, start + 1);
  }
  return undefined;
}
