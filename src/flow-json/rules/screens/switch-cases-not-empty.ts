import type { Finding } from '../../diagnostics.js';
import { metaPath } from '../../diagnostics.js';
import { defineRule } from '../../rule.js';
import { isObject } from '../../values.js';

/**
 * A Switch's `cases` map has at least one case (flows-platform §2.10). The message is the Components page's;
 * Meta's catalogue has no code for it, so the schema code `INVALID_PROPERTY_VALUE` is used (Meta's Flow Builder
 * calls it `EMPTY_SWITCH_CASES`). An empty case array is accepted, as in Meta's own catalogue example. That
 * `value` and `cases` are present and of the right types is the component schemas' (components family).
 */
export const switchCasesNotEmptyRule = defineRule({
  id: 'flow-json/switch-cases-not-empty',
  description: 'The cases map of a Switch has at least one case.',
  severity: 'error',
  versions: { from: '4.0' },
  evidence: 'flows-platform §2.10 Switch ("Invalid empty property found at …cases")',
  check(ctx) {
    const findings: Finding[] = [];
    for (const c of ctx.model.components) {
      if (c.type !== 'Switch' || !isObject(c.node.cases) || Object.keys(c.node.cases).length > 0) continue;
      const path = [...c.path, 'cases'];
      findings.push({ code: 'INVALID_PROPERTY_VALUE', message: `Invalid empty property found at: "${metaPath(path)}".`, path });
    }
    return findings;
  },
});
