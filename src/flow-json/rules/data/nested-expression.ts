import type { Finding } from '../../diagnostics.js';
import { isNestedExpression } from '../../references/binding-syntax.js';
import { defineRule } from '../../rule.js';
import { checkExpression } from '../../expressions/expression-checks.js';
import { parseNestedExpression, type ParseResult } from '../../expressions/expression-parser.js';
import { referenceTypes } from '../../references/reference-type.js';
import { propertyName, screenStrings } from '../../references/screen-strings.js';

/**
 * Nested expressions (≥ 6.0, a whole value in backticks, any component property but `name`/`type`, action
 * payloads included) follow the grammar of flows-platform §2.6; errors carry Meta's INVALID_PROPERTY_VALUE
 * messages (§2.6, §2.12) with the column filled as the 1-based column in the property value (the opening
 * backtick is column 1). Before 6.0 backticks are plain text: see binding-mixed-with-text.
 */
export const nestedExpressionRule = defineRule({
  id: 'flow-json/nested-expression',
  description: 'Nested expressions (backtick values, ≥ 6.0) are well-formed and well-typed.',
  severity: 'error',
  versions: { from: '6.0' },
  evidence: 'flows-platform §2.6 (nested expression grammar and its INVALID_PROPERTY_VALUE messages), §2.2 (6.0 row)',
  check(ctx) {
    const findings: Finding[] = [];
    // Values repeat across screens; each distinct one is parsed once.
    // The cache holds at most CACHED_CHARACTERS of text, so that its trees stay small for any document.
    const parsedValues = new Map<string, ParseResult>();
    let cached = 0;
    for (const [screen, { strings }] of screenStrings(ctx.model)) {
      let typeOf: ReturnType<typeof referenceTypes> | undefined;
      for (const s of strings) {
        if (s.where === 'title' || !isNestedExpression(s.text)) continue;
        if (s.direct && (s.property === 'name' || s.property === 'type' || (s.component?.type === 'If' && s.property === 'condition'))) continue;
        let parsed = parsedValues.get(s.text);
        if (!parsed) {
          parsed = parseNestedExpression(s.text, propertyName(s.path));
          // Failures name the property in one message: only successes are shared between values.
          if (parsed.ok && cached + s.text.length <= CACHED_CHARACTERS) {
            parsedValues.set(s.text, parsed);
            cached += s.text.length;
          }
        }
        typeOf ??= referenceTypes(ctx.model, screen);
        const errors = parsed.ok ? checkExpression(s.text, parsed.ast, { mode: 'nested', typeOf }) : [parsed.error];
        for (const e of errors) findings.push({ code: 'INVALID_PROPERTY_VALUE', message: e.message, path: s.path });
      }
    }
    return findings;
  },
});

const CACHED_CHARACTERS = 1_000_000;
