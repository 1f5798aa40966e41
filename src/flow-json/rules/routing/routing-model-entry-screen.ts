import { defineRule } from '../../rule.js';
import { entryScreens, routingGraph } from '../../checks/routing-graph.js';

/**
 * Some screen is an entry screen: no route leads to it (routing model), or, in endpoint-less flows without a
 * routing model, no navigate action targets it (flows-platform §2.9, `INVALID_ROUTING_MODEL`).
 */
export const routingModelEntryScreenRule = defineRule({
  id: 'flow-json/routing-model-entry-screen',
  description: 'The flow has an entry screen: one that no route or navigate action leads to.',
  severity: 'error',
  versions: 'all',
  evidence: 'flows-platform §2.9 INVALID_ROUTING_MODEL "No entry screen found …"',
  check(ctx) {
    const graph = routingGraph(ctx);
    if (!graph || graph.nodes.length === 0 || entryScreens(graph).length > 0) return [];
    if (graph.source === 'routing_model') {
      return [
        {
          code: 'INVALID_ROUTING_MODEL',
          message: 'No entry screen found in the routing model. Expected a screen with no inbound edges as the entry screen.',
          path: ['routing_model'],
        },
      ];
    }
    return [
      {
        code: 'INVALID_ROUTING_MODEL',
        message: 'No entry screen found in the routing model. Add a screen that is not used as the next screen in any of the navigate actions.',
        path: ['screens'],
      },
    ];
  },
});
