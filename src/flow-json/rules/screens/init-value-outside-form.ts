import type { Finding } from '../../diagnostics.js';
import { defineRule } from '../../rule.js';
import { keyNotAllowed } from '../../checks/document-messages.js';

const OUTSIDE_FORM_ONLY = ['init-value', 'error-message'] as const;

/**
 * Component-level `init-value` and `error-message` (≥ 4.0) are only for components outside a Form; inside one,
 * use the Form's `init-values` / `error-messages` (flows-platform §2.2, §2.7). Before 4.0 the properties do not
 * exist at all, which the components family reports.
 */
export const initValueOutsideFormRule = defineRule({
  id: 'flow-json/init-value-outside-form',
  description: 'init-value and error-message are only set on components outside a Form.',
  severity: 'error',
  versions: { from: '4.0' },
  evidence: 'flows-platform §2.7 (component init-value/error-message only outside a Form), §2.2 (4.0 row)',
  check(ctx) {
    const findings: Finding[] = [];
    for (const c of ctx.model.components) {
      if (c.form === undefined || c.type === undefined) continue;
      for (const key of OUTSIDE_FORM_ONLY) {
        if (c.node[key] !== undefined) findings.push(keyNotAllowed(c.path, key, c.type));
      }
    }
    return findings;
  },
});
