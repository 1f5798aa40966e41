import type { Finding } from '../../diagnostics.js';
import { defineRule } from '../../rule.js';
import * as msg from '../../checks/component-messages.js';

/**
 * A screen with a RichText holds nothing else until 6.2; from 6.3 a Footer may join it (flows-platform §2.10, §2.2 6.3).
 * Meta's catalogue has no code for this: `INVALID_PROPERTY_VALUE` on the other component's `type`, the closest one.
 */
export const richTextScreenRule = defineRule({
  id: 'flow-json/rich-text-screen',
  description: 'RichText is alone on its screen (from 6.3: with a Footer at most).',
  severity: 'error',
  versions: { from: '5.1' },
  evidence: 'flows-platform §2.10 RichText, §2.2 (6.3 row)',
  check(ctx) {
    const withFooter = ctx.atLeast('6.3');
    const why = withFooter ? 'A screen with a RichText may only have a Footer besides.' : 'RichText must be the only component on its screen before Flow JSON 6.3.';
    const findings: Finding[] = [];
    for (const screen of ctx.model.screens) {
      if (!screen.components.some((c) => c.type === 'RichText')) continue;
      // The outermost other components: a Form around other components is reported, not each of them.
      for (const c of screen.components) {
        if (c.parent || c.type === 'RichText' || (withFooter && c.type === 'Footer')) continue;
        findings.push({ code: 'INVALID_PROPERTY_VALUE', message: msg.invalidValue('type', c.path, why), path: [...c.path, 'type'] });
      }
    }
    return findings;
  },
});
