import type { Finding } from '../../diagnostics.js';
import { defineRule } from '../../rule.js';
import { isObject } from '../../values.js';
import { hasOwn } from '../../checks/data-model.js';

/**
 * `update_data` (≥ 6.0) payload keys are fields of the current screen's data model (flows-platform §2.8):
 * INVALID_ACTION_PAYLOAD_PROPERTY "The following property (property) does not exist in the screen data model".
 * Where (and from which version) update_data may be used at all is the actions family's.
 */
export const updateDataPayloadRule = defineRule({
  id: 'flow-json/update-data-payload',
  description: 'update_data payload keys exist in the screen data model.',
  severity: 'error',
  versions: { from: '6.0' }, // update_data itself is new in 6.0: the actions family reports it before
  evidence: 'flows-platform §2.8, §2.12 INVALID_ACTION_PAYLOAD_PROPERTY',
  check(ctx) {
    const findings: Finding[] = [];
    for (const action of ctx.model.actions) {
      const payload = action.node.payload;
      if (action.name !== 'update_data' || !isObject(payload)) continue;
      const data = action.screen.data;
      for (const key of Object.keys(payload)) {
        if (data && hasOwn(data, key)) continue;
        findings.push({
          code: 'INVALID_ACTION_PAYLOAD_PROPERTY',
          message: `The following property ${key} does not exist in the screen data model`,
          path: [...action.path, 'payload', key],
          target: 'key',
        });
      }
    }
    return findings;
  },
});
