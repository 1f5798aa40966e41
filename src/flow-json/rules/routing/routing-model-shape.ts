import type { Finding } from '../../diagnostics.js';
import { metaPath } from '../../diagnostics.js';
import type { JsonPath } from '../../parse.js';
import { defineRule } from '../../rule.js';
import { isObject, jsonType } from '../../values.js';

/** `routing_model` is an object mapping screen ids to arrays of screen ids (flows-platform §2.1, §2.9). */
export const routingModelShapeRule = defineRule({
  id: 'flow-json/routing-model-shape',
  description: 'routing_model is an object whose values are arrays of screen id strings.',
  severity: 'error',
  versions: 'all',
  evidence: 'flows-platform §2.1, §2.9, §2.12 INVALID_PROPERTY_TYPE',
  check(ctx) {
    const rm = ctx.flow.routing_model;
    if (rm === undefined) return [];
    if (!isObject(rm)) return [typeError(['routing_model'], 'object', rm)];
    const findings: Finding[] = [];
    for (const [key, targets] of Object.entries(rm)) {
      if (!Array.isArray(targets)) {
        findings.push(typeError(['routing_model', key], 'array', targets));
        continue;
      }
      targets.forEach((t, i) => {
        if (typeof t !== 'string') findings.push(typeError(['routing_model', key, i], 'string', t));
      });
    }
    return findings;
  },
});

function typeError(path: JsonPath, expected: string, value: unknown): Finding {
  return {
    code: 'INVALID_PROPERTY_TYPE',
    message: `Expected property ${metaPath(path)} to be of type ${expected}, but found ${jsonType(value)}.`,
    path,
  };
}
