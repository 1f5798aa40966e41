import { defineRule } from '../../rule.js';

/** `success` may only be set on terminal screens (flows-platform §2.3, §2.12). */
export const successOnTerminalOnlyRule = defineRule({
  id: 'flow-json/success-on-terminal-only',
  description: 'Only terminal screens set success.',
  severity: 'error',
  versions: 'all',
  evidence: 'flows-platform §2.3, §2.12 NOT_KEYWORD_SCHEMA_VALIDATION_FAILED "Property \'success\' can only be specified on a terminal screen."',
  check(ctx) {
    return ctx.model.screens
      .filter((screen) => !screen.terminal && screen.node.success !== undefined)
      .map((screen) => ({
        code: 'NOT_KEYWORD_SCHEMA_VALIDATION_FAILED',
        message: "Property 'success' can only be specified on a terminal screen.",
        path: [...screen.path, 'success'],
        target: 'key' as const,
      }));
  },
});
