import { metaPath, type Finding } from '../../diagnostics.js';
import type { JsonPath } from '../../parse.js';
import { defineRule } from '../../rule.js';
import { isObject, jsonType, type JsonObject } from '../../values.js';
import { DATA_MODEL_TYPES, hasOwn, isDataModelType } from '../../checks/data-model.js';

/**
 * Screen `data` declarations are schemas (flows-platform §2.5, §2.12 INVALID_SCREEN_DATA): `type` present and a
 * string at every level, `items` on arrays (object or boolean), `properties` an object of schemas, `__example__`
 * on every top-level field and nowhere below. The example's value is checked by data-model-example.
 * Codes where the catalogue has no data-model message: an unknown `type` name → INVALID_ENUM_VALUE, a missing
 * top-level `__example__` → MISSING_REQUIRED_TYPE_PROPERTY, a declaration that is not an object →
 * INVALID_PROPERTY_TYPE (the schema templates of §2.12).
 */
export const dataModelSchemaRule = defineRule({
  id: 'flow-json/data-model-schema',
  description: 'Screen data model declarations are well-formed schemas with a top-level __example__.',
  severity: 'error',
  versions: 'all',
  evidence: 'flows-platform §2.5 (types string, number, boolean, object, array), §2.12 INVALID_SCREEN_DATA',
  check(ctx) {
    const findings: Finding[] = [];
    for (const screen of ctx.model.screens) {
      if (!screen.data) continue;
      for (const [field, decl] of Object.entries(screen.data)) {
        const path = [...screen.path, 'data', field];
        if (!isObject(decl)) {
          findings.push(wrongType(path, decl));
          continue;
        }
        if (!hasOwn(decl, '__example__')) {
          findings.push({ code: 'MISSING_REQUIRED_TYPE_PROPERTY', message: "Required property '__example__' is missing.", path });
        }
        checkSchema(decl, path, true, findings);
      }
    }
    return findings;
  },
});

const screenData = (message: string, path: JsonPath, target?: 'key'): Finding =>
  target ? { code: 'INVALID_SCREEN_DATA', message, path, target } : { code: 'INVALID_SCREEN_DATA', message, path };

const wrongType = (path: JsonPath, value: unknown): Finding => ({
  code: 'INVALID_PROPERTY_TYPE',
  message: `Expected property ${metaPath(path)} to be of type object, but found ${jsonType(value)}.`,
  path,
});

function checkSchema(schema: JsonObject, path: JsonPath, topLevel: boolean, out: Finding[]): void {
  if (!topLevel && hasOwn(schema, '__example__')) {
    const at = [...path, '__example__'];
    out.push(screenData(`Property '__example__' is allowed only as a top level property of data model. Invalid entry: '${metaPath(at)}'.`, at, 'key'));
  }
  if (!hasOwn(schema, 'type')) {
    out.push(screenData("Missing the definition of property 'type'.", path));
  } else if (typeof schema.type !== 'string') {
    out.push(screenData("Expected the property 'type' to be of type string.", [...path, 'type']));
  } else if (schema.type === 'integer') {
    // A warning, not an error: §2.5 documents five types and no integer, but nothing in Meta's catalogue (§2.12) or
    // the published flows (§6.5) shows Meta refusing JSON Schema's `integer`, and the type checks read it as number.
    out.push({
      code: 'INVALID_ENUM_VALUE',
      severity: 'warning',
      message: `Type 'integer' is not one of the documented data model types [${DATA_MODEL_TYPES.join(', ')}] (flows-platform §2.5): WhatsApp checks values by the documented types only, so declare it as number.`,
      path: [...path, 'type'],
    });
  } else if (!isDataModelType(schema.type)) {
    out.push({ code: 'INVALID_ENUM_VALUE', message: `Value should be one of: [${DATA_MODEL_TYPES.join(', ')}].`, path: [...path, 'type'] });
  }
  if (schema.type === 'array') {
    const items = schema.items;
    if (items === undefined) out.push(screenData("Missing the schema for property 'items' in array.", path));
    else if (isObject(items)) checkSchema(items, [...path, 'items'], false, out);
    else if (typeof items !== 'boolean') out.push(screenData("Expected the property 'items' to be of type boolean or object.", [...path, 'items']));
  }
  const properties = schema.properties;
  if (schema.type === 'object' && properties !== undefined) {
    const at = [...path, 'properties'];
    if (!isObject(properties)) {
      out.push(wrongType(at, properties));
      return;
    }
    for (const [key, sub] of Object.entries(properties)) {
      if (isObject(sub)) checkSchema(sub, [...at, key], false, out);
      else out.push(wrongType([...at, key], sub));
    }
  }
}
