import type { Finding } from '../../diagnostics.js';
import { defineRule } from '../../rule.js';
import type { JsonPath } from '../../parse.js';
import { isObject, type JsonObject } from '../../values.js';
import * as msg from '../../checks/component-messages.js';

/**
 * NavigationList items: at most one has a `badge`, and none has an `end` when `media-size` is `large` (flows-platform
 * §2.10). Meta's catalogue has no dedicated code: `INVALID_PROPERTY_KEY` on the offending key, the closest one.
 */
export const navigationListItemsRule = defineRule({
  id: 'flow-json/navigation-list-items',
  description: 'NavigationList has at most one item with a badge, and no item end with media-size large.',
  severity: 'error',
  versions: { from: '6.2' },
  evidence: 'flows-platform §2.10 NavigationList (at most one item with a badge, end with media-size large)',
  check(ctx) {
    const findings: Finding[] = [];
    for (const c of ctx.model.components) {
      const items = c.node['list-items'];
      if (c.type === 'NavigationList' && Array.isArray(items)) checkItems(c.node, items, c.path, findings);
    }
    return findings;
  },
});

/** In a function of its own: the closure below then allocates nothing for the other components (issue 13). */
function checkItems(node: JsonObject, items: unknown[], path: JsonPath, findings: Finding[]): void {
  const large = node['media-size'] === 'large';
  let badges = 0;
  items.forEach((item, i) => {
    if (!isObject(item)) return;
    const at = [...path, 'list-items', i];
    if (item.badge !== undefined && ++badges > 1) {
      findings.push({ code: 'INVALID_PROPERTY_KEY', message: msg.invalidKey('badge', at, 'Only one item of a NavigationList may have a badge.'), path: [...at, 'badge'], target: 'key' });
    }
    if (large && item.end !== undefined) {
      findings.push({ code: 'INVALID_PROPERTY_KEY', message: msg.invalidKey('end', at, 'An item cannot have an end when media-size is large.'), path: [...at, 'end'], target: 'key' });
    }
  });
}
