import type { Reference } from '../flow-json/references/binding-syntax.js';
import { parseExpression, type ExpressionNode, type ParseResult } from '../flow-json/expressions/expression-parser.js';
import { SimulatorFlowError } from './errors.js';

/**
 * Evaluates Flow JSON expressions (Meta: Flow JSON reference, Dynamic properties) over the AST of the validator's parser: nested
 * expressions (≥ 6.0, a whole value in backticks) and `If` conditions (≥ 4.0). Types as Meta describes them:
 * - `==` / `!=` compare values of one type (strings, numbers, booleans); values of different types are unequal;
 * - `<` `<=` `>` `>=` and `+` `-` `*` `/` `%` work on numbers; division and modulo by zero give 0;
 * - `&&` `||` `!` work on booleans;
 * - operands side by side are concatenated as text (`'Hello ' ${form.name}`).
 * A reference with no value yet (a field not filled, a forward reference to a screen not visited) counts as the
 * empty value of the type the operator needs: `''`, `0` or `false` (Meta: "handle empty values").
 */

/** A resolved reference: the value `${data.x}`, `${form.x}` or `${screen.ID.…}` has now (undefined when none). */
export type ReferenceLookup = (ref: Exclude<Reference, { kind: 'invalid' }>) => unknown;

const cache = new Map<string, ParseResult>();
const CACHE_LIMIT = 5_000;

/** Parses `source[from, to)` once and caches the AST. @throws SimulatorFlowError on a syntax error. */
export function parseCached(source: string, from: number, to: number): ExpressionNode {
  const key = `${from}:${to}:${source}`;
  let parsed = cache.get(key);
  if (!parsed) {
    parsed = parseExpression(source, { from, to });
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(key, parsed);
  }
  if (!parsed.ok) throw new SimulatorFlowError(`Cannot evaluate the expression ${JSON.stringify(source)}: ${parsed.error.message}`);
  return parsed.ast;
}

/** Evaluates a nested expression value (text in backticks). */
export function evaluateNested(value: string, lookup: ReferenceLookup): unknown {
  return evaluate(parseCached(value, 1, value.length - 1), lookup);
}

/** Evaluates an `If.condition` (backticks allowed) to a boolean. */
export function evaluateCondition(condition: string, lookup: ReferenceLookup): boolean {
  const wrapped = condition.length >= 2 && condition.startsWith('`') && condition.endsWith('`');
  const ast = wrapped ? parseCached(condition, 1, condition.length - 1) : parseCached(condition, 0, condition.length);
  return toBoolean(evaluate(ast, lookup));
}

/** Evaluates a parsed expression. */
export function evaluate(node: ExpressionNode, lookup: ReferenceLookup): unknown {
  switch (node.kind) {
    case 'literal':
      return node.value;
    case 'reference':
      return lookup(node.ref);
    case 'group':
      return evaluate(node.expression, lookup);
    case 'not':
      return !toBoolean(evaluate(node.operand, lookup));
    case 'concat':
      return node.parts.map((p) => toText(evaluate(p, lookup))).join('');
    case 'binary':
      return binary(node, lookup);
  }
}

function binary(node: Extract<ExpressionNode, { kind: 'binary' }>, lookup: ReferenceLookup): unknown {
  const left = () => evaluate(node.left, lookup);
  const right = () => evaluate(node.right, lookup);
  switch (node.operator) {
    case '&&':
      return toBoolean(left()) && toBoolean(right());
    case '||':
      return toBoolean(left()) || toBoolean(right());
    case '==':
      return equal(left(), right());
    case '!=':
      return !equal(left(), right());
    case '<':
      return toNumber(left()) < toNumber(right());
    case '<=':
      return toNumber(left()) <= toNumber(right());
    case '>':
      return toNumber(left()) > toNumber(right());
    case '>=':
      return toNumber(left()) >= toNumber(right());
    case '+':
      return toNumber(left()) + toNumber(right());
    case '-':
      return toNumber(left()) - toNumber(right());
    case '*':
      return toNumber(left()) * toNumber(right());
    case '/': {
      const d = toNumber(right());
      return d === 0 ? 0 : toNumber(left()) / d;
    }
    case '%': {
      const d = toNumber(right());
      return d === 0 ? 0 : toNumber(left()) % d;
    }
  }
}

/** Same type and same value; a missing value is the empty value of the other side's type. */
function equal(a: unknown, b: unknown): boolean {
  if (isEmpty(a) && isEmpty(b)) return true;
  const x = isEmpty(a) ? emptyLike(b) : a;
  const y = isEmpty(b) ? emptyLike(a) : b;
  if (typeof x !== typeof y) return false;
  if (typeof x === 'object') return JSON.stringify(x) === JSON.stringify(y);
  return x === y;
}

function isEmpty(v: unknown): v is null | undefined {
  return v === undefined || v === null;
}

function emptyLike(v: unknown): unknown {
  if (typeof v === 'number') return 0;
  if (typeof v === 'boolean') return false;
  if (Array.isArray(v)) return [];
  return '';
}

/** Numbers as they are; numeric text as its number; anything else (a missing value included) 0. */
export function toNumber(v: unknown): number {
  if (typeof v === 'number') return Number.isFinite(v) ? v : 0;
  if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
  if (typeof v === 'boolean') return v ? 1 : 0;
  return 0;
}

/** Booleans as they are; `'true'`, non-zero numbers and non-empty lists true; anything else false. */
export function toBoolean(v: unknown): boolean {
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v !== 0;
  if (typeof v === 'string') return v === 'true';
  if (Array.isArray(v)) return v.length > 0;
  return false;
}

/** Text of a value in a concatenation or an interpolated string; a missing value is ''. */
export function toText(v: unknown): string {
  if (v === undefined || v === null) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return JSON.stringify(v);
}
