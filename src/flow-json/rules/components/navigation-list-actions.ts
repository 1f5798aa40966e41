import type { Finding } from '../../diagnostics.js';
import { defineRule } from '../../rule.js';
import type { JsonPath } from '../../parse.js';
import { isObject, type JsonObject } from '../../values.js';
import * as msg from '../../checks/component-messages.js';

/**
 * A NavigationList has its `on-click-action` either on the component or on every item, not both (flows-platform
 * §2.10). Only static `list-items` are checked. Meta's catalogue has no dedicated code: `INVALID_PROPERTY_KEY` for an
 * action on both levels, `MISSING_REQUIRED_TYPE_PROPERTY` for an item without one, the closest ones.
 */
export const navigationListActionsRule = defineRule({
  id: 'flow-json/navigation-list-actions',
  description: 'NavigationList on-click-action is set on the component or on every item, not both.',
  severity: 'error',
  versions: { from: '6.2' },
  evidence: 'flows-platform §2.10 NavigationList (on-click-action on the component or on every item)',
  check(ctx) {
    const findings: Finding[] = [];
    for (const c of ctx.model.components) {
      const items = c.node['list-items'];
      if (c.type === 'NavigationList' && Array.isArray(items)) checkList(c.node, items, c.path, findings);
    }
    return findings;
  },
});

/** In a function of its own: its closures then allocate nothing for the other components (issue 13). */
function checkList(node: JsonObject, items: unknown[], path: JsonPath, findings: Finding[]): void {
  const onComponent = node['on-click-action'] !== undefined;
  const objects = items.flatMap((item, i) => (isObject(item) ? [{ item, path: [...path, 'list-items', i] }] : []));
  const withAction = objects.filter(({ item }) => item['on-click-action'] !== undefined);
  if (onComponent) {
    const why = 'The NavigationList has an on-click-action already: set it on the component or on every item, not both.';
    for (const it of withAction) {
      findings.push({ code: 'INVALID_PROPERTY_KEY', message: msg.invalidKey('on-click-action', it.path, why), path: [...it.path, 'on-click-action'], target: 'key' });
    }
  } else if (withAction.length === 0) {
    if (objects.length > 0) findings.push({ code: 'MISSING_REQUIRED_TYPE_PROPERTY', message: msg.missingRequired('on-click-action'), path });
  } else {
    for (const it of objects) {
      if (it.item['on-click-action'] === undefined) findings.push({ code: 'MISSING_REQUIRED_TYPE_PROPERTY', message: msg.missingRequired('on-click-action'), path: it.path });
    }
  }
}
