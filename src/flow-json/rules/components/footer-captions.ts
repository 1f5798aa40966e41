import type { Finding } from '../../diagnostics.js';
import { defineRule } from '../../rule.js';

/**
 * Footer captions: `center-caption` alone, or `left-caption` and `right-caption` together (flows-platform §2.10, §2.12):
 * `INVALID_DEPENDENCIES` for one side without the other, `NOT_KEYWORD_SCHEMA_VALIDATION_FAILED` for center with a side.
 */
export const footerCaptionsRule = defineRule({
  id: 'flow-json/footer-captions',
  description: 'Footer has center-caption alone, or left-caption and right-caption together.',
  severity: 'error',
  versions: 'all',
  evidence: 'flows-platform §2.10 Footer, §2.12 INVALID_DEPENDENCIES / NOT_KEYWORD_SCHEMA_VALIDATION_FAILED',
  check(ctx) {
    const findings: Finding[] = [];
    for (const c of ctx.model.components) {
      const { node, type } = c;
      if (type !== 'Footer') continue;
      const path = c.path;
      const left = node['left-caption'] !== undefined;
      const right = node['right-caption'] !== undefined;
      if (node['center-caption'] !== undefined && (left || right)) {
        const sides = [left ? 'left-caption' : undefined, right ? 'right-caption' : undefined].filter(Boolean).join(', ');
        findings.push({
          code: 'NOT_KEYWORD_SCHEMA_VALIDATION_FAILED',
          message: `Properties 'center-caption' and [${sides}] must be present exclusively at Footer.`,
          path: [...path, 'center-caption'],
          target: 'key',
        });
      } else if (left !== right) {
        const [present, missing] = left ? ['left-caption', 'right-caption'] : ['right-caption', 'left-caption'];
        findings.push({
          code: 'INVALID_DEPENDENCIES',
          message: `Footer should have property ${missing} when property ${present} is present.`,
          path: [...path, present],
          target: 'key',
        });
      }
    }
    return findings;
  },
});
