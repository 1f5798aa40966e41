import type { Finding } from '../../diagnostics.js';
import { isDynamic } from '../../references/binding-syntax.js';
import { defineRule } from '../../rule.js';
import { isObject } from '../../values.js';
import { wrongType } from '../../checks/document-messages.js';
import { inputsByForm } from '../../checks/form-inputs.js';

/** Inputs whose initial value is a list of option ids; the others checked here take one string. */
const ARRAY_VALUED = new Set(['CheckboxGroup', 'ChipsSelector']);
const STRING_VALUED = new Set(['RadioButtonsGroup', 'Dropdown', 'TextInput', 'TextArea', 'DatePicker']);

/**
 * From 7.0 Form `init-values` are type-checked: CheckboxGroup (and ChipsSelector) take an array of strings;
 * RadioButtonsGroup, Dropdown, text entry and DatePicker a string (flows-platform §2.2, §2.7). A binding or a
 * nested expression is accepted for any input; OptIn and CalendarPicker values are not checked here.
 */
export const formInitValuesTypesRule = defineRule({
  id: 'flow-json/form-init-values-types',
  description: 'From Flow JSON 7.0, Form init-values have the type their input expects.',
  severity: 'error',
  versions: { from: '7.0' },
  evidence: 'flows-platform §2.7, §2.2 (7.0 row: type checking of Form init-values/error-messages)',
  check(ctx) {
    const findings: Finding[] = [];
    for (const [form, inputs] of inputsByForm(ctx.model)) {
      const initValues = form.node['init-values'];
      if (!isObject(initValues)) continue;
      for (const [key, value] of Object.entries(initValues)) {
        const type = inputs.get(key)?.type;
        if (type === undefined || isDynamic(value)) continue;
        const path = [...form.path, 'init-values', key];
        if (ARRAY_VALUED.has(type)) {
          if (!Array.isArray(value)) findings.push(wrongType(path, 'array', value));
          else value.forEach((item, i) => typeof item !== 'string' && findings.push(wrongType([...path, i], 'string', item)));
        } else if (STRING_VALUED.has(type) && typeof value !== 'string') {
          findings.push(wrongType(path, 'string', value));
        }
      }
    }
    return findings;
  },
});
