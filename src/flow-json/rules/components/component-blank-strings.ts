import { defineRule } from '../../rule.js';
import { schemaFindings } from '../../checks/schema-walk.js';

/** From Flow JSON 6.0, component string properties are neither empty nor blank (flows-platform §2.2 6.0, §2.11): `PATTERN_MISMATCH`. */
export const componentBlankStringsRule = defineRule({
  id: 'flow-json/component-blank-strings',
  description: 'From 6.0, component string properties are not empty or blank.',
  severity: 'error',
  versions: { from: '6.0' },
  evidence: 'flows-platform §2.2 (6.0 row), §2.11, §2.12 PATTERN_MISMATCH "should not be blank or empty string"',
  check: (ctx) => schemaFindings(ctx, 'blank'),
});
