import type { Finding } from '../../diagnostics.js';
import { defineRule } from '../../rule.js';
import { jsonType } from '../../values.js';
import { COMPONENT_CATALOG } from '../../../platform/components/catalog.js';
import * as msg from '../../checks/component-messages.js';

/**
 * Every component has a string `type` naming a component of flows-platform §2.10 (+ Form §2.7, If/Switch) that the
 * declared version has. Unknown or too new: `INVALID_PROPERTY_VALUE` on `type` (§2.12).
 */
export const componentTypeRule = defineRule({
  id: 'flow-json/component-type',
  description: 'Components have a known type, available in the declared Flow JSON version.',
  severity: 'error',
  versions: 'all',
  evidence: 'flows-platform §2.10, §2.2 (version that introduced each component), §2.12 INVALID_PROPERTY_VALUE',
  check(ctx) {
    const findings: Finding[] = [];
    for (const c of ctx.model.components) {
      const type = c.node.type;
      if (type === undefined) {
        findings.push({ code: 'MISSING_REQUIRED_TYPE_PROPERTY', message: msg.missingRequired('type'), path: c.path });
        continue;
      }
      if (typeof type !== 'string') {
        const typePath = [...c.path, 'type'];
        findings.push({ code: 'INVALID_PROPERTY_TYPE', message: msg.invalidType(typePath, 'string', jsonType(type)), path: typePath });
        continue;
      }
      const spec = COMPONENT_CATALOG.get(type);
      if (spec && ctx.atLeast(spec.since)) continue;
      const why = spec ? `${type} is available from Flow JSON version ${spec.since}.` : undefined;
      findings.push({ code: 'INVALID_PROPERTY_VALUE', message: msg.invalidValue('type', c.path, why), path: [...c.path, 'type'] });
    }
    return findings;
  },
});
