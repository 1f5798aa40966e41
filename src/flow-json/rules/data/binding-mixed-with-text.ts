import { metaPath, type Finding } from '../../diagnostics.js';
import { isNestedExpression, isSingleBinding } from '../../references/binding-syntax.js';
import { defineRule } from '../../rule.js';
import { propertyName, screenStrings } from '../../references/screen-strings.js';

/**
 * A value is either static or one binding: static text mixed with `${…}` outside a nested expression is a
 * compile error (flows-platform §2.6). Before 6.0 backticks mean nothing, so `` `…${…}…` `` is mixed text too;
 * `name`/`type` never hold expressions. Meta's catalogue has no dedicated message: INVALID_PROPERTY_VALUE with its
 * generic template. Checked on component properties and screen titles; inside actions (payloads, `url`) the
 * reference is silent, so they are left alone. `If.condition` is an expression of its own (if-condition rule).
 */
export const bindingMixedWithTextRule = defineRule({
  id: 'flow-json/binding-mixed-with-text',
  description: 'A property value is either static text or a single ${…} binding (or, from 6.0, a nested expression).',
  check(ctx) {
    const nested = ctx.atLeast('6.0');
    const findings: Finding[] = [];
    for (const { strings } of screenStrings(ctx.model).values()) {
      for (const s of strings) {
        if (s.action || !s.text.includes('${') || isSingleBinding(s.text)) continue;
        if (s.direct && s.component?.type === 'If' && s.property === 'condition') continue;
        const expressionAllowed = !(s.direct && (s.property === 'name' || s.property === 'type'));
        if (nested && expressionAllowed && isNestedExpression(s.text)) continue;
        findings.push({ code: 'INVALID_PROPERTY_VALUE', message: `Invalid value found for property ${propertyName(s.path)} at ${metaPath(s.path)}.`, path: s.path });
      }
    }
    return findings;
  },
});
