import type { Finding } from '../../diagnostics.js';
import { defineRule } from '../../rule.js';
import { navigateEdge } from '../../checks/navigate-edges.js';

/**
 * A navigate action's `next.name` is an existing screen other than its own (flows-platform §2.8,
 * `INVALID_NAVIGATE_ACTION_NEXT_SCREEN_NAME`).
 *
 * Not reported: navigate on a terminal screen's Footer. §2.8 advises against it, but Meta's error catalogue
 * (§2.12) has no error for it, so Meta's validator is not known to reject it.
 */
export const navigateNextScreenRule = defineRule({
  id: 'flow-json/navigate-next-screen',
  description: 'Navigate actions go to an existing screen, never to their own screen.',
  severity: 'error',
  versions: 'all',
  evidence: 'flows-platform §2.8, §2.12 INVALID_NAVIGATE_ACTION_NEXT_SCREEN_NAME',
  check(ctx) {
    const findings: Finding[] = [];
    for (const action of ctx.model.actions) {
      const edge = navigateEdge(action);
      if (!edge) continue;
      if (!ctx.model.screensById.has(edge.target)) {
        findings.push({
          code: 'INVALID_NAVIGATE_ACTION_NEXT_SCREEN_NAME',
          message: `Unknown screen ids found: [${edge.target}].`,
          path: edge.targetPath,
        });
      } else if (edge.target === edge.source) {
        findings.push({
          code: 'INVALID_NAVIGATE_ACTION_NEXT_SCREEN_NAME',
          message: `Same screen navigation is not allowed. Loop detected at [${edge.target}].`,
          path: edge.targetPath,
        });
      }
    }
    return findings;
  },
});
