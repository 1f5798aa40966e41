import { defineRule } from '../../rule.js';
import { invalidValue } from '../../checks/document-messages.js';
import { CONDITIONAL_CHILDREN_FROM_7_1, IF_CHILDREN, KNOWN_COMPONENT_TYPES, SWITCH_CHILDREN } from './component-sets.js';

/**
 * If branches and Switch cases hold only the components allowed there (flows-platform §2.10; see
 * component-sets.ts), ChipsSelector from 7.1, and a Footer only in a first-level If (not in an If nested in
 * another If). Unknown types are left to the components family; If depth to if-nesting-depth.
 */
export const conditionalChildrenRule = defineRule({
  id: 'flow-json/conditional-children',
  description: 'If branches and Switch cases contain only allowed components; Footer only in a first-level If.',
  severity: 'error',
  versions: { from: '4.0' },
  evidence: 'flows-platform §2.10 If/Switch (allowed children), §2.12 INVALID_PROPERTY_VALUE',
  check(ctx) {
    const chips = ctx.atLeast('7.1');
    return ctx.model.components
      .filter((c) => {
        const parent = c.parent;
        if (!parent || c.branch === undefined || c.type === undefined || !KNOWN_COMPONENT_TYPES.has(c.type)) return false;
        if (chips && CONDITIONAL_CHILDREN_FROM_7_1.has(c.type)) return false;
        if (parent.type === 'Switch') return !SWITCH_CHILDREN.has(c.type);
        if (c.type === 'Footer') return parent.ifDepth > 0;
        return !IF_CHILDREN.has(c.type);
      })
      .map((c) => invalidValue(c.path, 'type'));
  },
});
