import type { Finding } from '../../diagnostics.js';
import { defineRule } from '../../rule.js';

/**
 * An If's `then` holds at least one component (flows-platform §2.10; catalogue wording). That `condition` and
 * `then` are present and of the right types is the component schemas' (components family); the condition's
 * expression syntax is the data family's.
 */
export const ifThenNotEmptyRule = defineRule({
  id: 'flow-json/if-then-not-empty',
  description: 'The then branch of an If holds at least one component.',
  severity: 'error',
  versions: { from: '4.0' },
  evidence: 'flows-platform §2.10 If, §2.12 INVALID_PROPERTY_VALUE "Expected array to contain at least one component."',
  check(ctx) {
    const findings: Finding[] = [];
    for (const c of ctx.model.components) {
      if (c.type !== 'If' || !Array.isArray(c.node.then) || c.node.then.length > 0) continue;
      findings.push({ code: 'INVALID_PROPERTY_VALUE', message: 'Expected array to contain at least one component.', path: [...c.path, 'then'] });
    }
    return findings;
  },
});
