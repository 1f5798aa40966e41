import { metaPath, type Finding } from '../../diagnostics.js';
import { isLiteralText } from '../../references/literal-text.js';
import { propertyName, screenStrings } from '../../references/screen-strings.js';
import { defineRule } from '../../rule.js';

/**
 * A value is either static or one binding (flows-platform §2.6). Static text mixed with `${…}` is published by Meta
 * and WhatsApp shows the `${…}` literally (flows-platform §6.5): a warning, not an error, whose message says so.
 * Checked on component properties and screen titles (see `isLiteralText`). Code: INVALID_PROPERTY_VALUE, the
 * catalogue's generic template (Meta has no dedicated message).
 */
export const bindingMixedWithTextRule = defineRule({
  id: 'flow-json/binding-mixed-with-text',
  description: 'A property value is either static text or a single ${…} binding (or, from 6.0, a nested expression).',
  severity: 'warning',
  versions: 'all',
  evidence: 'flows-platform §6.5 (published flows show ${…} literally), §2.6',
  check(ctx) {
    const nested = ctx.atLeast('6.0');
    const findings: Finding[] = [];
    for (const { strings } of screenStrings(ctx.model).values()) {
      for (const s of strings) {
        if (!isLiteralText(s, nested)) continue;
        const shown = s.references[0]?.text ?? '${…}';
        findings.push({
          code: 'INVALID_PROPERTY_VALUE',
          message: `Invalid value found for property ${propertyName(s.path)} at ${metaPath(s.path)}. WhatsApp shows \`${shown}\` literally: use a reference alone, or backtick concatenation from 6.0.`,
          path: s.path,
        });
      }
    }
    return findings;
  },
});
