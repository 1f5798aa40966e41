import type { Finding } from '../../diagnostics.js';
import { defineRule } from '../../rule.js';
import * as msg from '../../checks/component-messages.js';

/**
 * A NavigationList is not on a terminal screen, and no other component shares its screen (flows-platform §2.10). Meta's
 * catalogue has no dedicated code: `INVALID_PROPERTY_VALUE` on the component's `type`, the closest one.
 */
export const navigationListScreenRule = defineRule({
  id: 'flow-json/navigation-list-screen',
  description: 'NavigationList is not on a terminal screen and has its screen to itself.',
  severity: 'error',
  versions: { from: '6.2' },
  evidence: 'flows-platform §2.10 NavigationList (not on terminal screens, no other components)',
  check(ctx) {
    const findings: Finding[] = [];
    for (const screen of ctx.model.screens) {
      const lists = screen.components.filter((c) => c.type === 'NavigationList');
      if (lists.length === 0) continue;
      if (screen.terminal) {
        for (const c of lists) {
          findings.push({ code: 'INVALID_PROPERTY_VALUE', message: msg.invalidValue('type', c.path, 'NavigationList is not allowed on a terminal screen.'), path: [...c.path, 'type'] });
        }
      }
      // The outermost other components: a Form around other components is reported, not each of them.
      for (const c of screen.components) {
        if (c.parent || c.type === 'NavigationList') continue;
        const why = 'A screen with a NavigationList cannot have other components.';
        findings.push({ code: 'INVALID_PROPERTY_VALUE', message: msg.invalidValue('type', c.path, why), path: [...c.path, 'type'] });
      }
    }
    return findings;
  },
});
