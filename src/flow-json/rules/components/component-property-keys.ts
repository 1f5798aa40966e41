import { defineRule } from '../../rule.js';
import { schemaFindings } from '../../checks/schema-walk.js';

/** Components only have the properties of their type in the declared version (flows-platform §2.10): others are `INVALID_PROPERTY_KEY` on the key. */
export const componentPropertyKeysRule = defineRule({
  id: 'flow-json/component-property-keys',
  description: 'Component properties are known to the component and available in the declared version.',
  severity: 'error',
  versions: 'all',
  evidence: 'flows-platform §2.10, §2.12 INVALID_PROPERTY_KEY',
  check: (ctx) => schemaFindings(ctx, 'key'),
});
