import type { Finding } from '../../diagnostics.js';
import { defineRule } from '../../rule.js';
import { loops, routingGraph, type RoutingGraph } from '../../checks/routing-graph.js';

/**
 * The routing model has no loops; in endpoint-less flows without one, neither have the navigate actions
 * (flows-platform §2.9, `INVALID_ROUTING_MODEL`). Self routes and plain back-and-forth pairs of a routing model
 * have their own messages (routing-model-forward-routes); same-screen navigate is navigate-next-screen's.
 */
export const routingModelLoopsRule = defineRule({
  id: 'flow-json/routing-model-loops',
  description: 'Screens do not route (or navigate) in a loop.',
  severity: 'error',
  versions: 'all',
  evidence: 'flows-platform §2.9 INVALID_ROUTING_MODEL "Loop detected …"',
  check(ctx) {
    const graph = routingGraph(ctx);
    if (!graph) return [];
    const findings: Finding[] = [];
    for (const members of loops(graph)) {
      if (graph.source === 'routing_model' && onlyBackwardRoutes(members, graph)) continue;
      const first = members[0]!;
      findings.push({
        code: 'INVALID_ROUTING_MODEL',
        message: `Loop detected in the routing model for screens: ${members.join(', ')}.`,
        path: graph.source === 'routing_model' ? ['routing_model', first] : ctx.model.screensById.get(first)!.path,
        target: graph.source === 'routing_model' ? 'key' : 'value',
      });
    }
    return findings;
  },
});

/** Every route inside the group has its reverse: the group is made of backward routes only. */
function onlyBackwardRoutes(members: string[], graph: RoutingGraph): boolean {
  const inGroup = new Set(members);
  return members.every((from) => (graph.out.get(from) ?? []).every((to) => !inGroup.has(to) || graph.hasEdge(to, from)));
}
