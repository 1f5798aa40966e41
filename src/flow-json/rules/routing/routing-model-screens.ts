import type { Finding } from '../../diagnostics.js';
import type { JsonPath } from '../../parse.js';
import { defineRule } from '../../rule.js';
import { isObject } from '../../values.js';

/**
 * The routing model names only existing screens, and names every screen (as a key or as a destination; a screen
 * without outgoing routes need not be a key, and a single-screen flow needs no entries) (flows-platform §2.9).
 */
export const routingModelScreensRule = defineRule({
  id: 'flow-json/routing-model-screens',
  description: 'The routing model names every screen and no screen that does not exist.',
  severity: 'error',
  versions: 'all',
  evidence: 'flows-platform §2.9 INVALID_ROUTING_MODEL (missing or invalid screens)',
  check(ctx) {
    const rm = ctx.flow.routing_model;
    if (!isObject(rm)) return [];
    const { screensById } = ctx.model;
    const named = new Set<string>();
    const invalid = new Map<string, { path: JsonPath; key: boolean }>();
    const note = (id: string, path: JsonPath, key: boolean) => {
      named.add(id);
      if (!screensById.has(id) && !invalid.has(id)) invalid.set(id, { path, key });
    };
    for (const [from, targets] of Object.entries(rm)) {
      note(from, ['routing_model', from], true);
      if (!Array.isArray(targets)) continue;
      targets.forEach((to, i) => {
        if (typeof to === 'string') note(to, ['routing_model', from, i], false);
      });
    }
    const findings: Finding[] = [];
    if (invalid.size > 0) {
      const first = invalid.values().next().value!;
      findings.push({
        code: 'INVALID_ROUTING_MODEL',
        message: `Invalid screens found in the routing model: ${[...invalid.keys()].join(', ')}.`,
        path: first.path,
        target: first.key ? 'key' : 'value',
      });
    }
    if (screensById.size > 1) {
      const missing = [...screensById.keys()].filter((id) => !named.has(id));
      if (missing.length > 0) {
        findings.push({
          code: 'INVALID_ROUTING_MODEL',
          message: `Following screens are missing in the routing model: ${missing.join(', ')}.`,
          path: ['routing_model'],
        });
      }
    }
    return findings;
  },
});
