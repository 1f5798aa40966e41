import type { Finding } from '../../diagnostics.js';
import { defineRule } from '../../rule.js';
import { isObject } from '../../values.js';
import { navigateEdge } from '../../checks/navigate-edges.js';

/**
 * When a flow has a routing model, each navigate action's route is in it: a navigate from A to B needs B in
 * A's list (flows-platform §2.9, `INVALID_ROUTING_MODEL`). Unknown and same-screen targets are
 * navigate-next-screen's.
 */
export const routingModelNavigateRoutesRule = defineRule({
  id: 'flow-json/routing-model-navigate-routes',
  description: 'Every navigate action has its route in the routing model.',
  severity: 'error',
  versions: 'all',
  evidence: 'flows-platform §2.9 INVALID_ROUTING_MODEL "Missing direct route …"',
  check(ctx) {
    const rm = ctx.flow.routing_model;
    if (!isObject(rm)) return [];
    const findings: Finding[] = [];
    const reported = new Set<string>();
    for (const action of ctx.model.actions) {
      const edge = navigateEdge(action);
      if (!edge || edge.source === undefined || edge.source === edge.target || !ctx.model.screensById.has(edge.target)) continue;
      const list = Object.hasOwn(rm, edge.source) ? rm[edge.source] : undefined;
      if (Array.isArray(list) && list.includes(edge.target)) continue;
      const pair = `${edge.source}\u0000${edge.target}`;
      if (reported.has(pair)) continue;
      reported.add(pair);
      findings.push({
        code: 'INVALID_ROUTING_MODEL',
        message: `Missing direct route from screen '${edge.source}' to screen '${edge.target}' in the routing model, while it exists in the navigate screen action of screen '${edge.source}'.`,
        path: edge.targetPath,
      });
    }
    return findings;
  },
});
