import { MAX_JSON_DEPTH as SDK_MAX_JSON_DEPTH } from '../internal/json-depth.js';
/**
 * The validator's resource limits, so that no input — however small or large — can exhaust the call stack or
 * memory (issue 10, findings 2 and 3: 4 000 nested brackets in 8 KB threw a bare RangeError; a dense routing model
 * of 7 MB gave half a million diagnostics and took 1 GB).
 * Past a nesting limit the input gets a diagnostic ("nested too deeply", at the position), never an exception.
 * Consumers: the JSON parsers (`span-scan.ts`, `parse-strict.ts`), the expression parser
 * (`expressions/expression-parser.ts`) and through it the simulator's evaluator (`src/simulator/evaluate.ts`),
 * and `validate.ts` (findings per rule).
 *
 * Meta documents no nesting limit (flows-platform has none). These are resource limits of this SDK, chosen far
 * above any real flow and far below the depth where a recursive walk overflows Node's default stack (about
 * 10 000 frames):
 */

/** Objects and arrays inside one another in Flow JSON: the SDK's one JSON depth bound (its evidence is there). */
export const MAX_JSON_DEPTH = SDK_MAX_JSON_DEPTH;

/**
 * Levels of one expression (parentheses, `!`, and operands chained by operators, each a level of the tree).
 * Hand-written expressions use a handful; 100 keeps the recursive-descent parser (about ten frames per
 * parenthesis) and every walk over the tree (checks, the simulator's evaluator) far from the stack limit.
 */
export const MAX_EXPRESSION_DEPTH = 100;

/**
 * Tokens (operands, operators, parentheses) of one expression. A 10 MB value of a million references took over
 * 500 MB as tokens and tree; real expressions have tens of tokens.
 */
export const MAX_EXPRESSION_TOKENS = 10_000;

export function expressionTooLong(): string {
  return `Expression too long: more than ${MAX_EXPRESSION_TOKENS} operands, operators and parentheses; split it into several values`;
}

/** The message part shared by every "nested too deeply" diagnostic. */
export function nestedTooDeeply(limit: number, what: string): string {
  return `Nested too deeply: more than ${limit} levels of ${what}; flatten the structure`;
}

/**
 * Diagnostics listed per rule; past it one more diagnostic of the rule says how many were left out. Meta
 * documents no such limit (its `validation_errors` are a list); a thousand findings of one rule already mean a
 * generated document with one systematic mistake, and the cap keeps a 10 MB input within a few hundred MB.
 */
export const MAX_FINDINGS_PER_RULE = 1000;
