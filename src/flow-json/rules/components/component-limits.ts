import { defineRule } from '../../rule.js';
import { schemaFindings } from '../../checks/schema-walk.js';

/** Static component strings, arrays and numbers are within the limits of flows-platform §2.10 (characters, item counts, numeric ranges), with §2.12's codes. */
export const componentLimitsRule = defineRule({
  id: 'flow-json/component-limits',
  description: 'Component strings, arrays and numbers are within their limits.',
  check: (ctx) => schemaFindings(ctx, 'limit'),
});
