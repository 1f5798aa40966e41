import type { Finding } from '../../diagnostics.js';
import { defineRule } from '../../rule.js';

/** Screen ids are unique; every repeat after the first is reported (flows-platform §2.3, §2.12). */
export const screenIdUniqueRule = defineRule({
  id: 'flow-json/screen-id-unique',
  description: 'Screen ids are unique.',
  severity: 'error',
  versions: 'all',
  evidence: 'flows-platform §2.3, §2.12 DUPLICATE_SCREEN_IDS',
  check(ctx) {
    const findings: Finding[] = [];
    const seen = new Set<string>();
    for (const screen of ctx.model.screens) {
      if (screen.id === undefined) continue;
      if (seen.has(screen.id)) {
        findings.push({ code: 'DUPLICATE_SCREEN_IDS', message: `Duplicate screen id found: ${screen.id}.`, path: [...screen.path, 'id'] });
      } else seen.add(screen.id);
    }
    return findings;
  },
});
