import { defineRule } from '../../rule.js';

/** An endpoint flow (`data_api_version` set) declares a `routing_model` (flows-platform §2.1, §2.11). Its contents are the routing family's. */
export const routingModelRequiredRule = defineRule({
  id: 'flow-json/routing-model-required',
  description: 'routing_model is present when data_api_version is set.',
  severity: 'error',
  versions: 'all',
  evidence: 'flows-platform §2.1, §2.12 MISSING_REQUIRED_PROPERTY "The property \'routing_model\' is required …"',
  check(ctx) {
    if (ctx.flow.data_api_version === undefined || ctx.flow.routing_model !== undefined) return [];
    return [
      {
        code: 'MISSING_REQUIRED_PROPERTY',
        message: "The property 'routing_model' is required for property 'data_api_version'.",
        path: ['data_api_version'],
        target: 'key',
      },
    ];
  },
});
