import type { Reference } from '../references/binding-syntax.js';
import { MAX_EXPRESSION_DEPTH, nestedTooDeeply } from '../resource-limits.js';
import { tokenize, type BinaryOperator, type ExpressionError, type Token } from './expression-lexer.js';

export type { BinaryOperator, ExpressionError } from './expression-lexer.js';

/**
 * Parser of Flow JSON expressions (Meta: Flow JSON reference, Dynamic properties): nested expressions (≥ 6.0, a whole value wrapped in
 * backticks) and `If` conditions (≥ 4.0, the same grammar without backticks). It gives an AST the simulator can
 * evaluate, or the first syntax error with Meta's message. Meta's further rules (literals on both sides,
 * concatenation next to operators, types) are checked on the AST by `expression-checks.ts`.
 *
 * Grammar, loosest first (`&&` binds tighter than `||`, as §2.6 says; the rest as in JavaScript):
 *   sequence   := or or*                 (two or more juxtaposed operands: string concatenation)
 *   or         := and ('||' and)*
 *   and        := equality ('&&' equality)*
 *   equality   := comparison (('==' | '!=') comparison)*
 *   comparison := additive (('<' | '<=' | '>' | '>=') additive)*
 *   additive   := term (('+' | '-') term)*
 *   term       := unary (('*' | '/' | '%') unary)*
 *   unary      := '!' unary | primary
 *   primary    := string | number | '-' number | boolean | reference | '(' sequence ')'
 *
 * The tree is at most MAX_EXPRESSION_DEPTH deep (resource-limits.ts): deeper input is a syntax error "nested too
 * deeply" at the column where it goes past the limit, so the parser's recursion and every walk over the tree are
 * bounded (issue 10, finding 3).
 *
 * Positions (`start`, `end`) are 0-based indices into the whole property value; columns in messages are 1-based
 * columns of that value, so in a nested expression the opening backtick is column 1.
 */

export type ExpressionNode =
  | { kind: 'literal'; type: 'string'; value: string; start: number; end: number }
  | { kind: 'literal'; type: 'number'; value: number; start: number; end: number }
  | { kind: 'literal'; type: 'boolean'; value: boolean; start: number; end: number }
  | { kind: 'reference'; ref: Exclude<Reference, { kind: 'invalid' }>; start: number; end: number }
  | { kind: 'not'; operand: ExpressionNode; start: number; end: number }
  | { kind: 'binary'; operator: BinaryOperator; left: ExpressionNode; right: ExpressionNode; operatorStart: number; start: number; end: number }
  | { kind: 'concat'; parts: ExpressionNode[]; start: number; end: number }
  | { kind: 'group'; expression: ExpressionNode; start: number; end: number };

export type ParseResult = { ok: true; ast: ExpressionNode } | { ok: false; error: ExpressionError };

export interface ParseOptions {
  /** Start of the expression in `source` (default 0). */
  from?: number;
  /** End of the expression in `source` (default `source.length`). */
  to?: number;
  /** Property name for "Expected property '…' to contain at least one operand." (default `condition`). */
  property?: string;
}

const LEVELS: ReadonlyArray<readonly BinaryOperator[]> = [['||'], ['&&'], ['==', '!='], ['<', '<=', '>', '>='], ['+', '-'], ['*', '/', '%']];

class Failure extends Error {
  constructor(readonly error: ExpressionError) {
    super(error.message);
  }
}

/** Parses `source[from, to)`. */
export function parseExpression(source: string, options: ParseOptions = {}): ParseResult {
  const lexed = tokenize(source, options.from ?? 0, options.to ?? source.length);
  if (!lexed.ok) return lexed;
  const tokens = lexed.tokens;
  if (tokens.length === 0) return { ok: false, error: { message: `Expected property '${options.property ?? 'condition'}' to contain at least one operand.` } };
  let pos = 0;
  const fail = (message: string, at?: number): never => {
    throw new Failure(at === undefined ? { message } : { message, column: at + 1 });
  };
  /** Levels of the tree below each node built, and the parentheses and `!` the parser is inside now. */
  const depths = new WeakMap<ExpressionNode, number>();
  let open = 0;
  const tooDeep = (at: number): never => fail(`${nestedTooDeeply(MAX_EXPRESSION_DEPTH, "parentheses, '!' and chained operators")} (at column ${at + 1}).`, at);
  const enter = (at: number) => {
    if (++open > MAX_EXPRESSION_DEPTH) tooDeep(at);
  };
  const built = <N extends ExpressionNode>(node: N, at: number, ...children: ExpressionNode[]): N => {
    let depth = 1;
    for (const c of children) depth = Math.max(depth, (depths.get(c) ?? 1) + 1);
    if (depth > MAX_EXPRESSION_DEPTH) tooDeep(at);
    depths.set(node, depth);
    return node;
  };

  const canStartOperand = (t: Token | undefined) =>
    !!t && (t.kind === 'string' || t.kind === 'number' || t.kind === 'boolean' || t.kind === 'reference' || t.kind === 'lparen' || (t.kind === 'operator' && t.op === '!'));

  const sequence = (): ExpressionNode => {
    const parts = [binary(0)];
    while (canStartOperand(tokens[pos])) parts.push(binary(0));
    if (parts.length === 1) return parts[0]!;
    return built({ kind: 'concat', parts, start: parts[0]!.start, end: parts.at(-1)!.end }, parts[0]!.start, ...parts);
  };

  const binary = (level: number): ExpressionNode => {
    if (level === LEVELS.length) return unary();
    let left = binary(level + 1);
    for (;;) {
      const t = tokens[pos];
      if (!t || t.kind !== 'operator' || !(LEVELS[level] as readonly string[]).includes(t.op)) return left;
      pos++;
      if (pos >= tokens.length) fail(`Missing operand after last operator '${t.op}'.`);
      const right = binary(level + 1);
      left = built({ kind: 'binary', operator: t.op as BinaryOperator, left, right, operatorStart: t.start, start: left.start, end: right.end }, t.start, left, right);
    }
  };

  const unary = (): ExpressionNode => {
    const t = tokens[pos];
    if (t?.kind === 'operator' && t.op === '!') {
      pos++;
      if (pos >= tokens.length) fail(`Missing operand after last operator '!'.`);
      enter(t.start);
      const operand = unary();
      open--;
      return built({ kind: 'not', operand, start: t.start, end: operand.end }, t.start, operand);
    }
    return primary();
  };

  const primary = (): ExpressionNode => {
    const t = tokens[pos];
    const previous = tokens[pos - 1];
    if (!t) return fail(previous?.kind === 'operator' ? `Missing operand after last operator '${previous.op}'.` : 'Missing closing parenthesis.');
    pos++;
    switch (t.kind) {
      case 'string':
        return { kind: 'literal', type: 'string', value: t.value, start: t.start, end: t.end };
      case 'number':
        return { kind: 'literal', type: 'number', value: t.value, start: t.start, end: t.end };
      case 'boolean':
        return { kind: 'literal', type: 'boolean', value: t.value, start: t.start, end: t.end };
      case 'reference':
        return { kind: 'reference', ref: t.ref, start: t.start, end: t.end };
      case 'lparen': {
        if (tokens[pos]?.kind === 'rparen') fail(`Found invalid empty parentheses at column ${t.start + 1}.`, t.start);
        enter(t.start);
        const expression = sequence();
        open--;
        const close = tokens[pos];
        if (close?.kind !== 'rparen') return fail('Missing closing parenthesis.');
        pos++;
        return built({ kind: 'group', expression, start: t.start, end: close.end }, t.start, expression);
      }
      case 'rparen':
        if (previous?.kind === 'operator') fail(`Missing operand after last operator '${previous.op}'.`);
        return fail(`Missing opening parenthesis for the closing parenthesis at column ${t.start + 1}.`, t.start);
      case 'operator': {
        if (t.op === '-') {
          const n = tokens[pos];
          if (n?.kind !== 'number') return fail('A numerical value is expected to follow the negative sign.');
          pos++;
          return { kind: 'literal', type: 'number', value: -n.value, start: t.start, end: n.end };
        }
        return fail(`Invalid operator '${t.op}' found at column ${t.start + 1}.`, t.start);
      }
    }
  };

  try {
    const ast = sequence();
    const rest = tokens[pos];
    if (rest) {
      // Whatever `sequence` could not take is a closing parenthesis with no opening one.
      fail(`Missing opening parenthesis for the closing parenthesis at column ${rest.start + 1}.`, rest.start);
    }
    return { ok: true, ast };
  } catch (e) {
    if (e instanceof Failure) return { ok: false, error: e.error };
    throw e;
  }
}

/** Parses a nested expression value (≥ 6.0): the text between its enclosing backticks. */
export function parseNestedExpression(value: string, property = 'value'): ParseResult {
  return parseExpression(value, { from: 1, to: value.length - 1, property });
}

/** The source text of a node, e.g. `${data.a}` or `'Hello '`. */
export function nodeText(source: string, node: ExpressionNode): string {
  return source.slice(node.start, node.end);
}
