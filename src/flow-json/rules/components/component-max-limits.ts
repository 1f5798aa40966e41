import { defineRule } from '../../rule.js';
import { schemaFindings } from '../../checks/schema-walk.js';
import { PROPERTY_LIMIT_SEVERITY } from '../../../platform/limits.js';

/**
 * Static component strings and arrays stay within the documented maximum lengths and item counts of
 * flows-platform §2.10. A warning: Meta's catalogue (§2.12) has no error for them and a flow past a documented
 * length was published (§6.5); the severities live in src/platform/limits.ts.
 */
export const componentMaxLimitsRule = defineRule({
  id: 'flow-json/component-max-limits',
  description: 'Component strings and arrays stay within their documented maximum lengths and item counts (warning).',
  severity: PROPERTY_LIMIT_SEVERITY.maxLength,
  versions: 'all',
  evidence: 'flows-platform §6.5 (a 21-character TextInput label was published; no maximum-length code in §2.12), §2.10 limits tables',
  check: (ctx) => schemaFindings(ctx, 'max'),
});
