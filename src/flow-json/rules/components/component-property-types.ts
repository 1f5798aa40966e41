import { defineRule } from '../../rule.js';
import { schemaFindings } from '../../checks/schema-walk.js';

/** Component properties have their JSON type from flows-platform §2.10, or a dynamic value where allowed (§2.6): `INVALID_PROPERTY_TYPE`, or `PATTERN_MISMATCH` for a static string where a dynamic one is allowed (§2.12). */
export const componentPropertyTypesRule = defineRule({
  id: 'flow-json/component-property-types',
  description: 'Component properties have the right JSON type (or a dynamic value where allowed).',
  severity: 'error',
  versions: 'all',
  evidence: 'flows-platform §2.10, §2.12 INVALID_PROPERTY_TYPE / PATTERN_MISMATCH',
  check: (ctx) => schemaFindings(ctx, 'type'),
});
