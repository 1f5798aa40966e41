import type { Finding } from '../../diagnostics.js';
import { isDynamic } from '../../references/binding-syntax.js';
import { defineRule } from '../../rule.js';
import { wrongType } from '../../checks/document-messages.js';
import { INPUT_TYPES } from './component-sets.js';

/**
 * `sensitive` (≥ 5.1) lists names of input components on the same screen (flows-platform §2.3).
 * Code choice: Meta's catalogue has none for this; Meta's own Flow Builder validator reports it as
 * `INVALID_SENSITIVE_FIELD` with the message used here (one finding per screen, at the first unknown name).
 * A binding string is accepted (the Builder schema allows an array of strings or a binding).
 * Before 5.1 the key itself is reported by screen-keys.
 */
export const sensitiveFieldsRule = defineRule({
  id: 'flow-json/sensitive-fields',
  description: 'Screen sensitive fields name input components of that screen.',
  severity: 'error',
  versions: { from: '5.1' },
  evidence: 'flows-platform §2.3 (sensitive, ≥5.1); Meta Flow Builder validator INVALID_SENSITIVE_FIELD',
  check(ctx) {
    const findings: Finding[] = [];
    for (const screen of ctx.model.screens) {
      const sensitive = screen.node.sensitive;
      if (sensitive === undefined || isDynamic(sensitive)) continue;
      const path = [...screen.path, 'sensitive'];
      if (!Array.isArray(sensitive)) {
        findings.push(wrongType(path, 'array', sensitive));
        continue;
      }
      const names = new Set<string>();
      for (const c of screen.components) {
        if (c.type !== undefined && INPUT_TYPES.has(c.type) && typeof c.node.name === 'string') names.add(c.node.name);
      }
      const unknown: string[] = [];
      let firstUnknown = -1;
      sensitive.forEach((field, i) => {
        if (typeof field !== 'string') findings.push(wrongType([...path, i], 'string', field));
        else if (!names.has(field)) {
          if (firstUnknown < 0) firstUnknown = i;
          unknown.push(field);
        }
      });
      if (unknown.length > 0) {
        findings.push({
          code: 'INVALID_SENSITIVE_FIELD',
          message: `No component corresponding to the sensitive field${unknown.length > 1 ? 's' : ''} '${unknown.join("', '")}' can be found in screen '${screen.id ?? screen.index}'.`,
          path: [...path, firstUnknown],
        });
      }
    }
    return findings;
  },
});
