import { defineRule } from '../../rule.js';
import { schemaFindings } from '../../checks/schema-walk.js';
import { PROPERTY_LIMIT_SEVERITY } from '../../../platform/limits.js';

/**
 * Static component strings, arrays and numbers respect the limits Meta rejects (flows-platform §2.10 numbers, §2.12
 * codes): minimum lengths (MIN_CHARS_REQUIRED), minimum item counts (MIN_ITEMS_REQUIRED) and numeric ranges
 * (MINIMUM_VALUE_REQUIRED / MAXIMUM_VALUE_REQUIRED). Documented maxima are warnings: component-max-limits.
 */
export const componentLimitsRule = defineRule({
  id: 'flow-json/component-limits',
  description: 'Component strings, arrays and numbers respect their minimum lengths, minimum item counts and numeric ranges.',
  severity: PROPERTY_LIMIT_SEVERITY.minLength,
  versions: 'all',
  evidence: 'flows-platform §2.12 MIN_CHARS_REQUIRED / MIN_ITEMS_REQUIRED / MINIMUM_VALUE_REQUIRED / MAXIMUM_VALUE_REQUIRED, §2.11',
  check: (ctx) => schemaFindings(ctx, 'limit'),
});
