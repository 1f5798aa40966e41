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
  // A generator: a dense model has O(screens²) backward routes, and validateFlowJson lists only the first ones.
  *check(ctx): Generator<Finding> {
    const rm = ctx.flow.routing_model;
    if (!isObject(rm)) return;
    // Each screen's targets with the index of their first occurrence: lookups stay linear in the routes
    // (a dense model of 1 000 screens spent seconds in indexOf).
    const lists = new Map<string, Map<string, number>>();
    for (const [from, targets] of Object.entries(rm)) {
      if (!Array.isArray(targets)) continue;
      const first = new Map<string, number>();
      targets.forEach((t, i) => {
        if (typeof t === 'string' && !first.has(t)) first.set(t, i);
      });
      lists.set(from, first);
    }
    const position = new Map(Object.keys(rm).map((k, n) => [k, n]));
    for (const [from, targets] of Object.entries(rm)) {
      if (!Array.isArray(targets)) continue;
      const mine = lists.get(from)!;
      for (let i = 0; i < targets.length; i++) {
        const to: unknown = targets[i];
        if (typeof to !== 'string') continue;
        if (to === from) {
          // A self route is the shortest loop; the catalogue's loop message names it.
          yield { code: 'INVALID_ROUTING_MODEL', message: `Loop detected in the routing model for screens: ${from}.`, path: ['routing_model', from, i] };
          continue;
        }
        // The route listed first (routes are read screen by screen, in key order) is the forward one; its
        // reverse is reported, once, however often either is repeated.
        if (mine.get(to) !== i || position.get(from)! > position.get(to)!) continue;
        const back = lists.get(to)?.get(from);
        if (back === undefined) continue;
        yield {
          code: 'INVALID_ROUTING_MODEL',
          message: `Backward route [${to}->${from}] corresponding to forward route [${from}->${to}] is not allowed in the routing model. Only forward routes can be specified.`,
          path: ['routing_model', to, back],
        };
      }
    }
  },
});
