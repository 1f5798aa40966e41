import { defineRule } from '../../rule.js';

/**
 * At least one terminal screen ends the flow successfully: `success` defaults to true, so only terminal
 * screens that all say `"success": false` fail (flows-platform §2.3, §2.12). Reported at the first one.
 */
export const successScreenRequiredRule = defineRule({
  id: 'flow-json/success-screen-required',
  description: 'At least one terminal screen has success true (the default).',
  severity: 'error',
  versions: 'all',
  evidence: 'flows-platform §2.3, §2.12 INVALID_PROPERTY_VALUE "At least one terminal screen must have property \'success\' set as true."',
  check(ctx) {
    const terminals = ctx.model.screens.filter((s) => s.terminal);
    const first = terminals[0];
    if (!first || terminals.some((s) => s.node.success !== false)) return [];
    return [
      {
        code: 'INVALID_PROPERTY_VALUE',
        message: "At least one terminal screen must have property 'success' set as true.",
        path: [...first.path, 'success'],
      },
    ];
  },
});
