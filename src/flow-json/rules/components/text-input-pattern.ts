import type { Finding } from '../../diagnostics.js';
import { defineRule } from '../../rule.js';
import * as msg from '../../checks/component-messages.js';

/** Input types a `pattern` may not be combined with (the others are text, number, password and passcode). */
const NO_PATTERN_INPUT_TYPES = new Set(['email', 'phone']);

/**
 * TextInput `pattern` (≥ 6.2) only with input-type text (the default), number, password or passcode, and then with a
 * `helper-text` (flows-platform §2.10 "Text entry"). Meta's catalogue has no dedicated codes: `INVALID_PROPERTY_KEY` on
 * the pattern and `MISSING_REQUIRED_TYPE_PROPERTY` for the helper text, the closest ones.
 */
export const textInputPatternRule = defineRule({
  id: 'flow-json/text-input-pattern',
  description: 'TextInput pattern is used with a text, number, password or passcode input, and with a helper-text.',
  severity: 'error',
  versions: { from: '6.2' },
  evidence: 'flows-platform §2.10 TextInput pattern (input-type, helper-text)',
  check(ctx) {
    const findings: Finding[] = [];
    for (const c of ctx.model.components) {
      const { node, type } = c;
      if (type !== 'TextInput' || node.pattern === undefined) continue;
      const path = c.path;
      const inputType = node['input-type'];
      if (typeof inputType === 'string' && NO_PATTERN_INPUT_TYPES.has(inputType)) {
        const why = `A pattern can only be used with input-type text, number, password or passcode, not ${inputType}.`;
        findings.push({ code: 'INVALID_PROPERTY_KEY', message: msg.invalidKey('pattern', path, why), path: [...path, 'pattern'], target: 'key' });
      }
      if (node['helper-text'] === undefined) {
        findings.push({ code: 'MISSING_REQUIRED_TYPE_PROPERTY', message: msg.missingRequired('helper-text'), path });
      }
    }
    return findings;
  },
});
