import type { Finding } from '../../diagnostics.js';
import { defineRule } from '../../rule.js';
import { isObject } from '../../values.js';
import { NATIVE_INPUT_TYPES } from './component-sets.js';
import { inputsByForm } from '../../checks/form-inputs.js';

/**
 * A Form's `init-values` holds no value for a PhotoPicker or DocumentPicker of that Form (flows-platform §2.7).
 * One finding per Form, at the first such entry, listing the picker types.
 */
export const formInitValuesNativeRule = defineRule({
  id: 'flow-json/form-init-values-native',
  description: 'Form init-values do not initialise PhotoPicker or DocumentPicker.',
  severity: 'error',
  versions: 'all',
  evidence: 'flows-platform §2.7, §2.12 NATIVE_COMPONENT_IN_FORM_INIT_VALUES',
  check(ctx) {
    const findings: Finding[] = [];
    for (const [form, inputs] of inputsByForm(ctx.model)) {
      const initValues = form.node['init-values'];
      if (!isObject(initValues)) continue;
      const types: string[] = [];
      let firstKey: string | undefined;
      for (const key of Object.keys(initValues)) {
        const type = inputs.get(key)?.type;
        if (type === undefined || !NATIVE_INPUT_TYPES.has(type)) continue;
        firstKey ??= key;
        if (!types.includes(type)) types.push(type);
      }
      if (firstKey === undefined) continue;
      findings.push({
        code: 'NATIVE_COMPONENT_IN_FORM_INIT_VALUES',
        message: `Property 'init-values' should not contain value for components: [${types.join(', ')}].`,
        path: [...form.path, 'init-values', firstKey],
        target: 'key',
      });
    }
    return findings;
  },
});
