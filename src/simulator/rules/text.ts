import { SimulatorPatternError, type InputFailure } from '../errors.js';
import { atLeast } from '../flow.js';
import { testPattern } from '../pattern/index.js';
import { failure, numberProp, show, type FieldContext } from './context.js';

/**
 * What the client accepts in TextInput and TextArea (flows-platform §2.10): the `input-type` format, `min-chars`,
 * `max-chars` (default 80), TextArea `max-length` (default 600) and `pattern` (≥ 6.2; a JavaScript regular
 * expression searched in the value, so anchor it with `^…$` to match the whole value, as Meta's example whose
 * pattern `007` is described as "Contains: 007" shows; number and passcode inputs keep their own format too).
 * The pattern runs on a linear-time matcher with a step budget (src/simulator/pattern), never on a backtracking
 * RegExp that a pattern like `^(a+)+$` could freeze.
 */

/** The format of each `input-type` (text and password accept anything). */
export const INPUT_TYPE_FORMATS: Record<string, { test: RegExp; describe: string }> = {
  number: { test: /^-?\d+(\.\d+)?$/, describe: 'a number' },
  email: { test: /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/, describe: 'an email address' },
  phone: { test: /^\+?[0-9(][0-9 ()-]*[0-9]$/, describe: 'a phone number (digits, spaces, -, parentheses, an optional leading +)' },
  passcode: { test: /^\d+$/, describe: 'a passcode (digits only)' },
};

export const DEFAULT_MAX_CHARS = 80;
export const DEFAULT_MAX_LENGTH = 600;

/** Every rule `text` breaks (an empty text breaks none: `required` is checked on submit). */
export function checkText(ctx: FieldContext, text: string): InputFailure[] {
  if (text === '') return [];
  const out: InputFailure[] = [];
  const { props } = ctx;
  if (ctx.node.type === 'TextArea') {
    const max = numberProp(props, 'max-length') ?? DEFAULT_MAX_LENGTH;
    if (text.length > max) out.push(failure(ctx, 'max-length', `${text.length} characters; at most ${max} are allowed`));
    return out;
  }
  const inputType = typeof props['input-type'] === 'string' ? props['input-type'] : 'text';
  const format = INPUT_TYPE_FORMATS[inputType];
  if (format && !format.test.test(text)) out.push(failure(ctx, 'input-type', `${show(text)} is not ${format.describe} (input-type ${inputType})`));
  const min = numberProp(props, 'min-chars');
  const max = numberProp(props, 'max-chars') ?? DEFAULT_MAX_CHARS;
  if (min !== undefined && text.length < min) out.push(failure(ctx, 'min-chars', `${text.length} characters; at least ${min} are needed`));
  if (text.length > max) out.push(failure(ctx, 'max-chars', `${text.length} characters; at most ${max} are allowed`));
  const pattern = props.pattern;
  if (typeof pattern === 'string' && pattern !== '' && atLeast(ctx.flow, '6.2')) {
    const verdict = testPattern(pattern, text);
    if (verdict.kind === 'refused') {
      const { field, component } = failure(ctx, 'pattern', '');
      throw new SimulatorPatternError({ screen: ctx.screen, field, component, pattern, detail: verdict.detail });
    }
    // A pattern JavaScript cannot compile is not checked (the validator reports it).
    if (verdict.kind === 'no-match') out.push(failure(ctx, 'pattern', `${show(text)} does not match the pattern ${pattern}`));
  }
  return out;
}
