import type { Reference } from '../references/binding-syntax.js';
import { referenceAt } from '../references/reference-scan.js';
import { MAX_EXPRESSION_TOKENS, expressionTooLong } from '../resource-limits.js';

/**
 * Tokens of Flow JSON expressions (flows-platform §2.6): nested expressions (≥ 6.0, inside backticks) and `If`
 * conditions (≥ 4.0, the same grammar without backticks). Positions are 0-based indices into the string the
 * lexer was given; `column` in errors is 1-based (index + 1), i.e. the column within the property value.
 */

export type Token =
  | { kind: 'string'; value: string; start: number; end: number }
  | { kind: 'number'; value: number; start: number; end: number }
  | { kind: 'boolean'; value: boolean; start: number; end: number }
  | { kind: 'reference'; ref: Exclude<Reference, { kind: 'invalid' }>; start: number; end: number }
  | { kind: 'operator'; op: Operator; start: number; end: number }
  | { kind: 'lparen' | 'rparen'; start: number; end: number };

export const BINARY_OPERATORS = ['||', '&&', '==', '!=', '<', '<=', '>', '>=', '+', '-', '*', '/', '%'] as const;
export type BinaryOperator = (typeof BINARY_OPERATORS)[number];
export type Operator = BinaryOperator | '!';

export interface ExpressionError {
  message: string;
  /** 1-based column of the offending character in the property value; undefined when Meta's message has none. */
  column?: number;
}

export type LexResult = { ok: true; tokens: Token[] } | { ok: false; error: ExpressionError };

const OPERATOR_CHARS = '=!<>&|';
const TWO_CHAR = new Set(['==', '!=', '<=', '>=', '&&', '||']);
const ONE_CHAR = new Set(['<', '>', '!', '+', '-', '*', '/', '%']);
const NUMBER = /^\d+(\.\d+)?$/;

/** Splits `source[from, to)` into tokens, or returns the first lexical error with Meta's message. */
export function tokenize(source: string, from = 0, to = source.length): LexResult {
  const tokens: Token[] = [];
  let i = from;
  const fail = (message: string): LexResult => ({ ok: false, error: { message } });
  const failAt = (message: string, at: number): LexResult => ({ ok: false, error: { message, column: at + 1 } });
  while (i < to) {
    // Bounded, so that one huge value cannot take hundreds of MB of tokens (resource-limits.ts).
    if (tokens.length > MAX_EXPRESSION_TOKENS) return failAt(expressionTooLong(), tokens.at(-1)!.start);
    const c = source[i]!;
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      i++;
    } else if (c === "'" || c === '"') {
      const start = i;
      let value = '';
      let chunk = ++i;
      while (i < to && source[i] !== c) {
        // `\'`, `\\` and `` \` `` (the escaped backtick of §2.6) stand for the character itself.
        if (source[i] === '\\' && i + 1 < to) {
          value += source.slice(chunk, i);
          chunk = ++i;
        }
        i++;
      }
      value += source.slice(chunk, i);
      if (i >= to) return fail('Missing closing quote for string.');
      i++;
      // Only single quotes delimit string literals (§2.6).
      if (c === '"') return fail(`Invalid literal '${source.slice(start, i)}'.`);
      tokens.push({ kind: 'string', value, start, end: i });
    } else if (c === '$') {
      const start = i;
      if (source[i + 1] !== '{') return failAt(`Unexpected character '$' found at column ${i + 1}.`, i);
      const close = source.indexOf('}', i);
      if (close < 0 || close >= to) return failAt(`Invalid operand format '${source.slice(start, to)}' found at column ${start + 1}.`, start);
      const ref = referenceAt(source, start, close + 1);
      if (ref.kind === 'invalid') return failAt(`Invalid operand format '${ref.text}' found at column ${start + 1}.`, start);
      tokens.push({ kind: 'reference', ref, start, end: close + 1 });
      i = close + 1;
    } else if (isWordChar(source.charCodeAt(i))) {
      const start = i;
      while (i < to && isWordChar(source.charCodeAt(i))) i++;
      const word = source.slice(start, i);
      if (NUMBER.test(word)) tokens.push({ kind: 'number', value: Number(word), start, end: i });
      else if (word === 'true' || word === 'false') tokens.push({ kind: 'boolean', value: word === 'true', start, end: i });
      else if (word === 'null' || word === 'undefined') return fail(`Invalid literal '${word}'.`);
      else return failAt(`Invalid operand format '${word}' found at column ${start + 1}.`, start);
    } else if (c === '(' || c === ')') {
      tokens.push({ kind: c === '(' ? 'lparen' : 'rparen', start: i, end: i + 1 });
      i++;
    } else if (OPERATOR_CHARS.includes(c)) {
      const start = i;
      while (i < to && OPERATOR_CHARS.includes(source[i]!)) i++;
      const run = splitOperatorRun(source.slice(start, i));
      if (!run) return failAt(`Invalid operator '${source.slice(start, i)}' found at column ${start + 1}.`, start);
      let at = start;
      for (const op of run) {
        tokens.push({ kind: 'operator', op, start: at, end: at + op.length });
        at += op.length;
      }
    } else if (ONE_CHAR.has(c)) {
      tokens.push({ kind: 'operator', op: c as Operator, start: i, end: i + 1 });
      i++;
    } else {
      return failAt(`Unexpected character '${c}' found at column ${i + 1}.`, i);
    }
  }
  if (tokens.length > MAX_EXPRESSION_TOKENS) return failAt(expressionTooLong(), tokens.at(-1)!.start);
  return { ok: true, tokens };
}

/** A run like `&&!` or `==` into operators: one operator optionally followed by negations; undefined when invalid. */
function splitOperatorRun(run: string): Operator[] | undefined {
  let head: Operator[] = [];
  let rest = run;
  if (TWO_CHAR.has(run.slice(0, 2))) {
    head = [run.slice(0, 2) as Operator];
    rest = run.slice(2);
  } else if (run[0] === '<' || run[0] === '>') {
    head = [run[0] as Operator];
    rest = run.slice(1);
  }
  if (!/^!*$/.test(rest)) return undefined;
  return [...head, ...Array.from(rest, () => '!' as const)];
}

/** `[A-Za-z0-9_.]`: the characters of numbers, `true`/`false` and (invalid) bare words. */
function isWordChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 46;
}
