import { defineRule } from '../../rule.js';

/**
 * Every terminal screen has a Footer, wherever it sits (in a Form, or in If/Switch branches) (flows-platform
 * §2.3, §2.11). One finding per screen, at its `terminal` flag, naming that screen.
 */
export const terminalScreenFooterRule = defineRule({
  id: 'flow-json/terminal-screen-footer',
  description: 'Terminal screens have a Footer.',
  severity: 'error',
  versions: 'all',
  evidence: 'flows-platform §2.11, §2.12 MISSING_FOOTER_ON_TERMINAL_SCREEN',
  check(ctx) {
    return ctx.model.screens
      .filter((screen) => screen.terminal && !screen.components.some((c) => c.type === 'Footer'))
      .map((screen) => ({
        code: 'MISSING_FOOTER_ON_TERMINAL_SCREEN',
        message: `Footer component is missing on terminal screens: ${screen.id ?? screen.index}.`,
        path: [...screen.path, 'terminal'],
      }));
  },
});
