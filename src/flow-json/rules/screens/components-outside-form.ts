import type { Finding } from '../../diagnostics.js';
import { defineRule } from '../../rule.js';
import type { ComponentModel } from '../../model.js';
import { INPUT_TYPES } from './component-sets.js';

/**
 * From 4.0 a Form is optional, but a screen that has one keeps every input component inside it
 * (flows-platform §2.7). One finding per screen, at the first input outside, naming the types in Meta's
 * singular or plural message.
 */
export const componentsOutsideFormRule = defineRule({
  id: 'flow-json/components-outside-form',
  description: 'From Flow JSON 4.0, a screen with a Form has no input component outside it.',
  severity: 'error',
  versions: { from: '4.0' },
  evidence: 'flows-platform §2.7, §2.12 COMPONENTS_OUTSIDE_FORM',
  check(ctx) {
    const findings: Finding[] = [];
    for (const screen of ctx.model.screens) {
      if (!screen.components.some((c) => c.type === 'Form')) continue;
      const outside = screen.components.filter((c): c is ComponentModel & { type: string } => c.type !== undefined && INPUT_TYPES.has(c.type) && c.form === undefined);
      const first = outside[0];
      if (!first) continue;
      const types = [...new Set(outside.map((c) => c.type))];
      const message =
        types.length === 1
          ? `Component '${types[0]}' is not allowed outside Form when Form component is present.`
          : `Components '${types.join("', '")}' are not allowed outside Form when Form component is present.`;
      findings.push({ code: 'COMPONENTS_OUTSIDE_FORM', message, path: first.path });
    }
    return findings;
  },
});
