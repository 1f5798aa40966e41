import { defineRule } from '../../rule.js';

/**
 * A flow that uses `data_exchange` anywhere declares `data_api_version` (flows-platform §2.1, §2.8, §2.12
 * `MISSING_REQUIRED_PROPERTY`). Reported once, at the first data_exchange action.
 */
export const dataExchangeRequiresDataApiVersionRule = defineRule({
  id: 'flow-json/data-exchange-requires-data-api-version',
  description: "A flow using the data_exchange action declares 'data_api_version'.",
  severity: 'error',
  versions: 'all',
  evidence: 'flows-platform §2.1, §2.12 MISSING_REQUIRED_PROPERTY',
  check(ctx) {
    if (ctx.flow.data_api_version !== undefined) return [];
    const first = ctx.model.actions.find((a) => a.name === 'data_exchange');
    if (!first) return [];
    return [
      {
        code: 'MISSING_REQUIRED_PROPERTY',
        message: "The property 'data_api_version' is required for data_exchange action.",
        path: [...first.path, 'name'],
      },
    ];
  },
});
