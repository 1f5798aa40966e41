import type { Finding } from '../../diagnostics.js';
import { metaPath } from '../../diagnostics.js';
import { defineRule } from '../../rule.js';
import { jsonType } from '../../values.js';
import { allowedActionNames } from '../../../platform/action-sites.js';

/**
 * Every action has a `name`, and it is one the site accepts in this version, e.g. `complete` only on a Footer,
 * `update_data`/`open_url` from 6.0 (flows-platform §2.8, §2.10).
 */
export const actionNameRule = defineRule({
  id: 'flow-json/action-name',
  description: 'Each action has a name that its component, property and Flow JSON version accept.',
  severity: 'error',
  versions: 'all',
  evidence: 'flows-platform §2.8 (action table), §2.12 INVALID_ENUM_VALUE',
  check(ctx) {
    const findings: Finding[] = [];
    for (const action of ctx.model.actions) {
      const allowed = allowedActionNames(action, ctx.atLeast);
      if (!allowed) continue;
      const name = action.node.name;
      if (name === undefined) {
        findings.push({ code: 'MISSING_REQUIRED_TYPE_PROPERTY', message: "Required property 'name' is missing.", path: action.path });
      } else if (typeof name !== 'string') {
        const namePath = [...action.path, 'name'];
        findings.push({
          code: 'INVALID_PROPERTY_TYPE',
          message: `Expected property ${metaPath(namePath)} to be of type string, but found ${jsonType(name)}.`,
          path: namePath,
        });
      } else if (!allowed.includes(name)) {
        findings.push({ code: 'INVALID_ENUM_VALUE', message: `Value should be one of: [${allowed.join(', ')}].`, path: [...action.path, 'name'] });
      }
    }
    return findings;
  },
});
