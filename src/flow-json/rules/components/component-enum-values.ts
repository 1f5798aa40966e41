import { defineRule } from '../../rule.js';
import { schemaFindings } from '../../checks/schema-walk.js';

/** Enumerated component properties (input-type, media-size, mode, …) hold one of the values of flows-platform §2.10: `INVALID_ENUM_VALUE`. */
export const componentEnumValuesRule = defineRule({
  id: 'flow-json/component-enum-values',
  description: 'Enumerated component properties hold one of their values.',
  severity: 'error',
  versions: 'all',
  evidence: 'flows-platform §2.10, §2.12 INVALID_ENUM_VALUE',
  check: (ctx) => schemaFindings(ctx, 'enum'),
});
