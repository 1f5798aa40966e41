import { defineRule } from '../../rule.js';
import { schemaFindings } from '../../checks/schema-walk.js';

/** Components and their nested items have every property flows-platform §2.10 marks required in the declared version: `MISSING_REQUIRED_TYPE_PROPERTY`. */
export const componentRequiredPropertiesRule = defineRule({
  id: 'flow-json/component-required-properties',
  description: 'Components (and their items) have every required property.',
  severity: 'error',
  versions: 'all',
  evidence: 'flows-platform §2.10, §2.12 MISSING_REQUIRED_TYPE_PROPERTY',
  check: (ctx) => schemaFindings(ctx, 'required'),
});
