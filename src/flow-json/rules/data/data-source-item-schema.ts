import type { Finding } from '../../diagnostics.js';
import { isSingleBinding } from '../../references/binding-syntax.js';
import { defineRule } from '../../rule.js';
import { isObject } from '../../values.js';
import { scanReferences } from '../../references/reference-scan.js';
import { hasOwn, lookupData } from '../../checks/data-model.js';

/** Components whose `data-source` items are `{id, title, …}` (flows-platform §2.5, §2.10). */
const SELECTION = new Set(['CheckboxGroup', 'RadioButtonsGroup', 'Dropdown', 'ChipsSelector']);
const REQUIRED_ITEM_PROPERTIES = ['id', 'title'] as const;

/**
 * A `data-source` bound to the data model (`${data.x}` or `${screen.ID.data.x}`) declares item `properties` with
 * `id` and `title` (flows-platform §2.5): INVALID_SCREEN_DYNAMIC_DATA "Data model schema is invalid for
 * '${expression}'. Missing schema for ${objectProperty}." Only judged when the declaration is an array of objects
 * with `properties`; a field that does not exist is the reference rules'.
 */
export const dataSourceItemSchemaRule = defineRule({
  id: 'flow-json/data-source-item-schema',
  description: 'A bound data-source declares id and title in its item schema.',
  severity: 'error',
  versions: 'all',
  evidence: 'flows-platform §2.5 (data-source item schema), §2.12 INVALID_SCREEN_DYNAMIC_DATA "Missing schema for …"',
  check(ctx) {
    const findings: Finding[] = [];
    for (const component of ctx.model.components) {
      const source = component.node['data-source'];
      if (!component.type || !SELECTION.has(component.type) || typeof source !== 'string' || !isSingleBinding(source)) continue;
      const ref = scanReferences(source)[0];
      let found;
      if (ref?.kind === 'data') found = lookupData(component.screen.data, ref.field, ref.rest);
      else if (ref?.kind === 'screen' && ref.scope === 'data') found = lookupData(ctx.model.screensById.get(ref.screen)?.data, ref.field, ref.rest);
      if (!ref || !found?.found) continue;
      const items = found.schema?.type === 'array' ? found.schema.items : undefined;
      const properties = isObject(items) && items.type === 'object' ? items.properties : undefined;
      if (!isObject(properties)) continue;
      for (const key of REQUIRED_ITEM_PROPERTIES) {
        if (hasOwn(properties, key)) continue;
        findings.push({
          code: 'INVALID_SCREEN_DYNAMIC_DATA',
          message: `Data model schema is invalid for '${ref.text}'. Missing schema for ${key}.`,
          path: [...component.path, 'data-source'],
        });
      }
    }
    return findings;
  },
});
