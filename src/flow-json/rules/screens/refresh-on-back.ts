import { defineRule } from '../../rule.js';

/** `refresh_on_back: true` needs an endpoint flow, i.e. `data_api_version` (flows-platform §2.3, §2.11). */
export const refreshOnBackRule = defineRule({
  id: 'flow-json/refresh-on-back',
  description: 'refresh_on_back is true only when data_api_version is set.',
  severity: 'error',
  versions: 'all',
  evidence: 'flows-platform §2.3, §2.11 ("refresh_on_back can be true only when data_api_version is set")',
  check(ctx) {
    if (ctx.endpointFlow) return [];
    return ctx.model.screens
      .filter((screen) => screen.node.refresh_on_back === true)
      .map((screen) => ({
        code: 'INVALID_PROPERTY_VALUE',
        message: "Property 'refresh_on_back' can be true only when property 'data_api_version' is set.",
        path: [...screen.path, 'refresh_on_back'],
      }));
  },
});
