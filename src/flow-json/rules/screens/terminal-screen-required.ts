import { defineRule } from '../../rule.js';

/** A flow has at least one terminal screen (flows-platform §2.3, §2.11). */
export const terminalScreenRequiredRule = defineRule({
  id: 'flow-json/terminal-screen-required',
  description: 'At least one screen is terminal.',
  severity: 'error',
  versions: 'all',
  evidence: 'flows-platform §2.11, §2.12 MISSING_TERMINAL_SCREEN',
  check(ctx) {
    const { screens } = ctx.model;
    // No screens at all is the screens-array rule's finding.
    if (screens.length === 0 || screens.some((s) => s.terminal)) return [];
    return [{ code: 'MISSING_TERMINAL_SCREEN', message: 'Terminal screen is required but not provided.', path: ['screens'] }];
  },
});
