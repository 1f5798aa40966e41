import type { Finding } from '../../diagnostics.js';
import { defineRule } from '../../rule.js';
import { isObject } from '../../values.js';
import { routingGraph } from '../../checks/routing-graph.js';

import { MAX_ROUTING_BRANCHES as MAX_BRANCHES } from '../../../platform/limits.js';

/**
 * A screen has at most 10 outgoing routes, counted in the routing model, or, in endpoint-less flows without
 * one, as distinct navigate destinations (flows-platform §2.9, §2.11, `INVALID_ROUTING_MODEL`).
 */
export const routingModelBranchesRule = defineRule({
  id: 'flow-json/routing-model-branches',
  description: 'No screen has more than 10 outgoing routes.',
  severity: 'error',
  versions: 'all',
  evidence: 'flows-platform §2.9 INVALID_ROUTING_MODEL "Number of branches exceeds the max limit of 10", §2.11',
  check(ctx) {
    const findings: Finding[] = [];
    const rm = ctx.flow.routing_model;
    if (isObject(rm)) {
      for (const [from, targets] of Object.entries(rm)) {
        if (!Array.isArray(targets) || new Set(targets).size <= MAX_BRANCHES) continue;
        findings.push({
          code: 'INVALID_ROUTING_MODEL',
          message: `Number of branches exceeds the max limit of ${MAX_BRANCHES} for screen: ${from}.`,
          path: ['routing_model', from],
        });
      }
      return findings;
    }
    const graph = routingGraph(ctx);
    if (graph?.source !== 'navigate') return findings;
    for (const [from, targets] of graph.out) {
      if (targets.length <= MAX_BRANCHES) continue;
      findings.push({
        code: 'INVALID_ROUTING_MODEL',
        message: `Number of branches exceeds the max limit of ${MAX_BRANCHES} for screen: ${from}. Reduce navigate actions for the screen.`,
        path: [...ctx.model.screensById.get(from)!.path, 'id'],
      });
    }
    return findings;
  },
});
