import type { Finding } from '../../diagnostics.js';
import { defineRule } from '../../rule.js';
import { isObject } from '../../values.js';

/** A Switch with a Footer in any case has one in every case (flows-platform §2.10). Reported at the first case without. */
export const footerInSwitchCasesRule = defineRule({
  id: 'flow-json/footer-in-switch-cases',
  description: 'If any case of a Switch has a Footer, every case has one.',
  severity: 'error',
  versions: { from: '4.0' },
  evidence: 'flows-platform §2.10 Switch, §2.12 MISSING_FOOTER_IN_SWITCH_BRANCHES',
  check(ctx) {
    const findings: Finding[] = [];
    for (const c of ctx.model.components) {
      if (c.type !== 'Switch' || !isObject(c.node.cases)) continue;
      const cases = Object.entries(c.node.cases).map(([key, list]) => ({
        key,
        footer: Array.isArray(list) && list.some((n) => isObject(n) && n.type === 'Footer'),
      }));
      const without = cases.find((k) => !k.footer);
      if (!without || !cases.some((k) => k.footer)) continue;
      findings.push({
        code: 'MISSING_FOOTER_IN_SWITCH_BRANCHES',
        message: 'Footer component must be present in all switch cases if it exists in any one case.',
        path: [...c.path, 'cases', without.key],
      });
    }
    return findings;
  },
});
