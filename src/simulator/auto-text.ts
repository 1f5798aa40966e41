import { atLeast } from './flow.js';
import { numberProp, type FieldContext } from './rules/context.js';
import { checkText, DEFAULT_MAX_CHARS, DEFAULT_MAX_LENGTH } from './rules/text.js';
import { sampleForPattern } from './regex-sample.js';

/**
 * Auto text for TextInput / TextArea: a sample of the `pattern` (≥ 6.2) or a value of the `input-type`, fitted
 * to `min-chars` / `max-chars`, kept only when the client's own checks accept it.
 */

const SAMPLES: Record<string, string> = {
  text: 'Sample text',
  email: 'user@example.com',
  phone: '+15551234567',
  number: '42',
  passcode: '123456',
  password: 'Passw0rd!',
};

/** A text the input accepts; `preferred` first when given (a password shared by the screen's password inputs). */
export function autoText(ctx: FieldContext, preferred: string | undefined): string {
  if (ctx.node.type === 'TextArea') return SAMPLES.text!.slice(0, numberProp(ctx.props, 'max-length') ?? DEFAULT_MAX_LENGTH);
  const type = typeof ctx.props['input-type'] === 'string' && SAMPLES[ctx.props['input-type']] ? ctx.props['input-type'] : 'text';
  const min = numberProp(ctx.props, 'min-chars') ?? 0;
  const max = numberProp(ctx.props, 'max-chars') ?? DEFAULT_MAX_CHARS;
  const pattern = ctx.props.pattern;
  const candidates: string[] = [];
  if (preferred !== undefined) candidates.push(preferred);
  if (typeof pattern === 'string' && atLeast(ctx.flow, '6.2')) {
    const sample = sampleForPattern(pattern);
    if (sample !== undefined) candidates.push(sample, fit(sample, type, min, max));
  }
  candidates.push(fit(SAMPLES[type]!, type, min, max));
  return candidates.find((c) => checkText(ctx, c).length === 0) ?? candidates.at(-1)!;
}

/** `text` padded or cut to `min` … `max` characters, keeping the input type's format. */
function fit(text: string, type: string, min: number, max: number): string {
  const pad = type === 'number' || type === 'passcode' || type === 'phone' ? '1' : 'x';
  if (type === 'email') {
    const domain = max < 16 ? '@b.co' : '@example.com';
    const local = 'user'.slice(0, Math.max(1, max - domain.length)).padEnd(Math.max(1, min - domain.length), 'x');
    return local + domain;
  }
  let out = text.length > max ? text.slice(0, Math.max(max, 1)) : text;
  if (out.length < min) out = out.padEnd(min, pad);
  return out;
}
