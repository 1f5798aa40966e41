import type { Finding } from '../../diagnostics.js';
import { isNestedExpression } from '../../references/binding-syntax.js';
import { defineRule } from '../../rule.js';
import { checkExpression } from '../../expressions/expression-checks.js';
import { parseExpression, type ParseResult } from '../../expressions/expression-parser.js';
import { referenceTypes } from '../../references/reference-type.js';

/**
 * `If.condition` (≥ 4.0) is an expression of flows-platform §2.6 without backticks: well-formed, no literal on
 * both sides of an operator, `==`/`!=` operands of one type, at least one dynamic operand, and boolean. Meta's
 * INVALID_PROPERTY_VALUE messages; columns are 1-based columns of the condition string. A condition wrapped in
 * backticks (≥ 6.0) is read as the expression inside them. Before 4.0 `If` itself is the components family's.
 */
export const ifConditionRule = defineRule({
  id: 'flow-json/if-condition',
  description: 'If conditions are well-formed boolean expressions with at least one dynamic operand.',
  severity: 'error',
  versions: { from: '4.0' },
  evidence: 'flows-platform §2.6 (If.condition grammar and its INVALID_PROPERTY_VALUE messages)',
  check(ctx) {
    const findings: Finding[] = [];
    // Conditions repeat across screens; each distinct one is parsed once.
    // The cache holds at most CACHED_CHARACTERS of text, so that its trees stay small for any document.
    const parsedConditions = new Map<string, ParseResult>();
    let cached = 0;
    for (const component of ctx.model.components) {
      const condition = component.node.condition;
      if (component.type !== 'If' || typeof condition !== 'string') continue;
      const wrapped = ctx.atLeast('6.0') && isNestedExpression(condition);
      const key = `${wrapped ? 1 : 0}${condition}`;
      let parsed = parsedConditions.get(key);
      if (!parsed) {
        parsed = parseExpression(condition, wrapped ? { from: 1, to: condition.length - 1 } : {});
        if (cached + key.length <= CACHED_CHARACTERS) {
          parsedConditions.set(key, parsed);
          cached += key.length;
        }
      }
      const typeOf = referenceTypes(ctx.model, component.screen);
      const errors = parsed.ok ? checkExpression(condition, parsed.ast, { mode: 'condition', typeOf }) : [parsed.error];
      for (const e of errors) findings.push({ code: 'INVALID_PROPERTY_VALUE', message: e.message, path: [...component.path, 'condition'] });
    }
    return findings;
  },
});

const CACHED_CHARACTERS = 1_000_000;
