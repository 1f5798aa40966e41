import type { Finding } from '../../diagnostics.js';
import { defineRule } from '../../rule.js';
import { isObject } from '../../values.js';
import { navigateEdge } from '../../checks/navigate-edges.js';
import { PayloadTyper, declaredType } from '../../checks/payload-types.js';

/**
 * In endpoint-less flows a navigate payload matches the next screen's data model: the same keys in both
 * directions, with matching types where they can be told statically (flows-platform §2.8, §2.12
 * `INVALID_NAVIGATE_ACTION_PAYLOAD`). Endpoint flows get their data from the endpoint, so they are skipped.
 */
export const navigatePayloadDataModelRule = defineRule({
  id: 'flow-json/navigate-payload-data-model',
  description: "In endpoint-less flows, navigate payloads match the next screen's data model.",
  severity: 'error',
  versions: 'all',
  evidence: 'flows-platform §2.8, §2.12 INVALID_NAVIGATE_ACTION_PAYLOAD / INVALID_ON_CLICK_ACTION_PAYLOAD',
  check(ctx) {
    if (ctx.endpointFlow) return [];
    const findings: Finding[] = [];
    const typer = new PayloadTyper(ctx.model);
    for (const action of ctx.model.actions) {
      const edge = navigateEdge(action);
      const target = edge && ctx.model.screensById.get(edge.target);
      // Unknown and same-screen targets are navigate-next-screen's; a non-object payload is action-properties'.
      if (!edge || !target || edge.target === edge.source) continue;
      const raw = action.node.payload;
      if (raw !== undefined && !isObject(raw)) continue;
      const payload = raw ?? {};
      const payloadPath = raw === undefined ? action.path : [...action.path, 'payload'];
      const keys = Object.keys(payload);
      const data = target.data;
      if (!data) {
        if (keys.length > 0) {
          findings.push({
            code: 'INVALID_NAVIGATE_ACTION_PAYLOAD',
            message: `No data model is defined in the next screen '${edge.target}'.`,
            path: payloadPath,
          });
        }
        continue;
      }
      const extra = keys.filter((k) => !Object.hasOwn(data, k));
      if (extra.length > 0) {
        findings.push({
          code: 'INVALID_NAVIGATE_ACTION_PAYLOAD',
          message: `Following fields are missing in the next screen's data model: [${extra.join(', ')}].`,
          path: [...action.path, 'payload', extra[0]!],
          target: 'key',
        });
      }
      const absent = Object.keys(data).filter((k) => !Object.hasOwn(payload, k));
      if (absent.length > 0) {
        findings.push({
          code: 'INVALID_NAVIGATE_ACTION_PAYLOAD',
          message: `Following fields are expected in the next screen's data model but missing in payload: [${absent.join(', ')}].`,
          path: payloadPath,
        });
      }
      for (const key of keys) {
        const expected = declaredType(data, key);
        if (expected === undefined) continue;
        const value = payload[key];
        const actual = typer.typeOf(value, action.screen);
        if (actual === undefined || actual === expected) continue;
        const sourceId = edge.source ?? '';
        // The dynamic-data message's tail is elided in the catalogue ("…"); it is completed like the static one.
        const message =
          typeof value === 'string' && value.includes('${')
            ? `Schema of dynamic data '${value}' is not matching schema of data model field '${key}' on screen '${edge.target}'. Property is expecting '${expected}' but got '${actual}'.`
            : `Schema of payload data at '${key}' on screen '${sourceId}' is not matching with schema of data model field on screen '${edge.target}'. Property is expecting '${expected}' but got '${actual}'.`;
        findings.push({ code: 'INVALID_NAVIGATE_ACTION_PAYLOAD', message, path: [...action.path, 'payload', key] });
      }
    }
    return findings;
  },
});
