import { defineRule } from '../../rule.js';
import { connectedGroups, routingGraph } from '../../checks/routing-graph.js';

/**
 * All screens are connected: the routing model (or, in endpoint-less flows without one, the navigate actions)
 * joins every screen to the rest (flows-platform §2.9, `INVALID_ROUTING_MODEL`). The largest group counts as
 * "the rest"; screens the routing model does not name at all are routing-model-screens'. Skipped when the navigate
 * actions of a data-driven NavigationList cannot be seen.
 */
export const routingModelConnectedRule = defineRule({
  id: 'flow-json/routing-model-connected',
  description: 'Every screen is connected to the other screens by routes or navigate actions.',
  severity: 'error',
  versions: 'all',
  evidence: 'flows-platform §2.9 INVALID_ROUTING_MODEL (not connected)',
  check(ctx) {
    const graph = routingGraph(ctx);
    if (!graph || graph.incomplete || graph.nodes.length < 2) return [];
    const groups = connectedGroups(graph);
    if (groups.length < 2) return [];
    const main = groups.reduce((best, g) => (g.length > best.length ? g : best));
    const inMain = new Set(main);
    const apart = graph.nodes.filter((n) => !inMain.has(n));
    if (graph.source === 'routing_model') {
      return [
        {
          code: 'INVALID_ROUTING_MODEL',
          message: `Following screens are not connected with the rest of the screens : ${apart.join(', ')}. All screens should be connected.`,
          path: ['routing_model'],
        },
      ];
    }
    return [
      {
        code: 'INVALID_ROUTING_MODEL',
        message: `Following screens are not connected to any of the screens: ${apart.join(', ')}. A connection is formed by the navigate screen action.`,
        path: ctx.model.screensById.get(apart[0]!)!.path,
      },
    ];
  },
});
