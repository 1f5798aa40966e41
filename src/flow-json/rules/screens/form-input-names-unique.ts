import type { Finding } from '../../diagnostics.js';
import { defineRule } from '../../rule.js';
import type { ComponentModel, ScreenModel } from '../../model.js';
import { INPUT_TYPES } from './component-sets.js';

/**
 * Input `name`s are unique within their Form (or, without a Form, within the screen), across all If/Switch
 * branches too, even alternative ones (flows-platform §2.7). Every repeat after the first is reported.
 */
export const formInputNamesUniqueRule = defineRule({
  id: 'flow-json/form-input-names-unique',
  description: 'Input component names are unique within their Form or screen, If/Switch branches included.',
  severity: 'error',
  versions: 'all',
  evidence: 'flows-platform §2.7, §2.12 DUPLICATE_FORM_COMPONENT_NAMES',
  check(ctx) {
    const findings: Finding[] = [];
    const seen = new Map<ComponentModel | ScreenModel, Set<string>>();
    for (const c of ctx.model.components) {
      if (c.type === undefined || !INPUT_TYPES.has(c.type) || typeof c.node.name !== 'string') continue;
      const scope = c.form ?? c.screen;
      let names = seen.get(scope);
      if (!names) seen.set(scope, (names = new Set()));
      if (names.has(c.node.name)) {
        findings.push({
          code: 'DUPLICATE_FORM_COMPONENT_NAMES',
          message: `Duplicate name found for Form components: ${c.node.name}.`,
          path: [...c.path, 'name'],
        });
      } else names.add(c.node.name);
    }
    return findings;
  },
});
