import type { Finding } from '../../diagnostics.js';
import { defineRule } from '../../rule.js';
import { isObject } from '../../values.js';

/**
 * Routes in the routing model only go forward: no screen routes to itself, and no pair routes both ways, since
 * every route already implies the way back (flows-platform §2.9, `INVALID_ROUTING_MODEL`).
 */
export const routingModelForwardRoutesRule = defineRule({
  id: 'flow-json/routing-model-forward-routes',
  description: 'The routing model has no self routes and no backward routes.',
  severity: 'error',
  versions: 'all',
  evidence: 'flows-platform §2.9 INVALID_ROUTING_MODEL "Backward route … is not allowed"',
  check(ctx) {
    const rm = ctx.flow.routing_model;
    if (!isObject(rm)) return [];
    const lists = new Map<string, Set<string>>();
    for (const [from, targets] of Object.entries(rm)) {
      if (Array.isArray(targets)) lists.set(from, new Set(targets.filter((t): t is string => typeof t === 'string')));
    }
    const findings: Finding[] = [];
    const reported = new Set<string>();
    for (const [from, targets] of Object.entries(rm)) {
      if (!Array.isArray(targets)) continue;
      targets.forEach((to, i) => {
        if (typeof to !== 'string') return;
        const path = ['routing_model', from, i];
        if (to === from) {
          // A self route is the shortest loop; the catalogue's loop message names it.
          findings.push({ code: 'INVALID_ROUTING_MODEL', message: `Loop detected in the routing model for screens: ${from}.`, path });
          return;
        }
        // The route listed first is the forward one; its reverse, met later, is reported.
        const pair = from < to ? `${from}\u0000${to}` : `${to}\u0000${from}`;
        if (!lists.get(to)?.has(from) || reported.has(pair)) return;
        reported.add(pair);
        const backPath = ['routing_model', to, (rm[to] as unknown[]).indexOf(from)];
        findings.push({
          code: 'INVALID_ROUTING_MODEL',
          message: `Backward route [${to}->${from}] corresponding to forward route [${from}->${to}] is not allowed in the routing model. Only forward routes can be specified.`,
          path: backPath,
        });
      });
    }
    return findings;
  },
});
