import { isObject } from '../../flow-json/values.js';
import type { InputFailure } from '../errors.js';
import { inputKind, isNumberInput } from '../inputs.js';
import { failure, show, type FieldContext } from './context.js';
import { checkDate, checkRange } from './dates.js';
import { checkFiles, toFiles } from './media.js';
import { checkMulti, checkSingle } from './selection.js';
import { checkText } from './text.js';

export type { FieldContext } from './context.js';

/**
 * The client's input checks: `acceptValue` when a value is entered (type and format), `checkOnSubmit` when the
 * Footer is pressed (`required`, minimums, and the value again, since data sources may have changed).
 */

/** The value to store for `value` (undefined clears the field) and every rule it breaks. */
export function acceptValue(ctx: FieldContext, value: unknown): { stored: unknown; failures: InputFailure[] } {
  if (value === undefined || value === null) return { stored: undefined, failures: [] };
  switch (inputKind(ctx.node)) {
    case 'text': {
      const text = typeof value === 'number' && isNumberInput(ctx.node) && Number.isFinite(value) ? String(value) : value;
      if (typeof text !== 'string') return { stored: undefined, failures: [failure(ctx, 'value-type', `expects text (a string); got ${show(value)}`)] };
      return { stored: text, failures: checkText(ctx, text) };
    }
    case 'single':
      return { stored: value, failures: checkSingle(ctx, value) };
    case 'multi':
      return { stored: value, failures: checkMulti(ctx, value, false) };
    case 'boolean':
      return { stored: value, failures: typeof value === 'boolean' ? [] : [failure(ctx, 'value-type', `expects true or false; got ${show(value)}`)] };
    case 'date':
      return { stored: value, failures: checkDate(ctx, value) };
    case 'date-range':
      return { stored: value, failures: checkRange(ctx, value) };
    case 'media': {
      const files = toFiles(ctx, value);
      return 'failures' in files ? { stored: undefined, failures: files.failures } : { stored: files.files, failures: checkFiles(ctx, files.files, false) };
    }
    default:
      return { stored: undefined, failures: [failure(ctx, 'value-type', `${String(ctx.node.type)} is not an input`)] };
  }
}

/** Every rule the stored value breaks when the Footer is pressed. */
export function checkOnSubmit(ctx: FieldContext, stored: unknown): InputFailure[] {
  const kind = inputKind(ctx.node);
  if (kind === 'media') return checkFiles(ctx, Array.isArray(stored) ? stored : [], true);
  if (kind === 'date-range') return checkRangeOnSubmit(ctx, stored);
  const required = ctx.props.required === true;
  const empty = stored === undefined || stored === '' || (Array.isArray(stored) && stored.length === 0) || (kind === 'boolean' && stored !== true);
  if (empty) return required ? [failure(ctx, 'required', kind === 'boolean' ? 'must be checked' : 'is required')] : [];
  const { failures } = acceptValue(ctx, stored);
  return kind === 'multi' ? [...failures, ...checkMulti(ctx, stored, true).filter((f) => f.rule === 'min-selected-items')] : failures;
}

function checkRangeOnSubmit(ctx: FieldContext, stored: unknown): InputFailure[] {
  const required = ctx.props.required;
  const need = (side: 'start-date' | 'end-date') => required === true || (isObject(required) && required[side] === true);
  const value = isObject(stored) ? stored : {};
  const missing = (['start-date', 'end-date'] as const).filter((side) => need(side) && typeof value[side] !== 'string');
  if (missing.length) return [failure(ctx, 'required', `${missing.join(' and ')} ${missing.length > 1 ? 'are' : 'is'} required`)];
  return stored === undefined ? [] : acceptValue(ctx, stored).failures;
}
