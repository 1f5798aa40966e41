import type { Finding } from '../../diagnostics.js';
import { defineRule } from '../../rule.js';
import { isObject } from '../../values.js';
import { invalidValue, keyNotAllowed, missingProperty, wrongType } from '../../checks/document-messages.js';

const LAYOUT_KEYS = new Set(['type', 'children']);

/** A screen `layout` is `{"type": "SingleColumnLayout", "children": [...]}` and nothing else (flows-platform §2.4). */
export const screenLayoutRule = defineRule({
  id: 'flow-json/screen-layout',
  description: 'Each screen layout is a SingleColumnLayout with a children array.',
  severity: 'error',
  versions: 'all',
  evidence: 'flows-platform §2.4, §2.12 schema codes',
  check(ctx) {
    const findings: Finding[] = [];
    for (const screen of ctx.model.screens) {
      const layout = screen.node.layout;
      if (layout === undefined) continue; // screen-keys reports the missing layout
      const path = [...screen.path, 'layout'];
      if (!isObject(layout)) {
        findings.push(wrongType(path, 'object', layout));
        continue;
      }
      for (const key of Object.keys(layout)) if (!LAYOUT_KEYS.has(key)) findings.push(keyNotAllowed(path, key));
      if (layout.type === undefined) findings.push(missingProperty(path, 'type'));
      else if (layout.type !== 'SingleColumnLayout') findings.push(invalidValue(path, 'type'));
      if (layout.children === undefined) findings.push(missingProperty(path, 'children'));
      else if (!Array.isArray(layout.children)) findings.push(wrongType([...path, 'children'], 'array', layout.children));
    }
    return findings;
  },
});
