import type { Finding } from '../../diagnostics.js';
import { defineRule } from '../../rule.js';

/** A Footer's `complete` action sits on a terminal screen (flows-platform §2.8, `INVALID_COMPLETE_ACTION`). */
export const completeOnTerminalScreenRule = defineRule({
  id: 'flow-json/complete-on-terminal-screen',
  description: "The 'complete' action is only configured on terminal screens.",
  severity: 'error',
  versions: 'all',
  evidence: 'flows-platform §2.8, §2.12 INVALID_COMPLETE_ACTION',
  check(ctx) {
    const findings: Finding[] = [];
    for (const action of ctx.model.actions) {
      // `complete` anywhere but a Footer's on-click-action is already an INVALID_ENUM_VALUE (action-name).
      if (action.name !== 'complete' || action.component.type !== 'Footer' || action.property !== 'on-click-action' || action.item) continue;
      if (action.screen.terminal) continue;
      findings.push({
        code: 'INVALID_COMPLETE_ACTION',
        message: "On-click-action 'complete' can only be configured on a terminal screen.",
        path: [...action.path, 'name'],
      });
    }
    return findings;
  },
});
