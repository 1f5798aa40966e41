import { defineRule } from '../../rule.js';
import { FORM_ONLY_INPUTS_BEFORE_4_0 } from './component-sets.js';

/**
 * Before 4.0, TextInput, TextArea, CheckboxGroup, RadioButtonsGroup, OptIn, Dropdown and DatePicker sit inside
 * a Form (flows-platform §2.7). The property named in Meta's message is the component type.
 */
export const inputsInsideFormRule = defineRule({
  id: 'flow-json/inputs-inside-form',
  description: 'Before Flow JSON 4.0, input components are inside a Form.',
  severity: 'error',
  versions: { before: '4.0' },
  evidence: 'flows-platform §2.7, §2.12 KEYWORD_ONE_OF "… must be defined inside parent property \'Form\'."',
  check(ctx) {
    return ctx.model.components
      .filter((c) => c.type !== undefined && FORM_ONLY_INPUTS_BEFORE_4_0.has(c.type) && c.form === undefined)
      .map((c) => ({
        code: 'KEYWORD_ONE_OF',
        message: `Property '${c.type}' must be defined inside parent property 'Form'.`,
        path: c.path,
      }));
  },
});
