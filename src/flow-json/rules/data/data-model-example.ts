import type { Finding } from '../../diagnostics.js';
import type { JsonPath } from '../../parse.js';
import { defineRule } from '../../rule.js';
import { isObject, jsonType, type JsonObject } from '../../values.js';
import { hasOwn, isDataModelType } from '../../checks/data-model.js';

/**
 * A top-level `__example__` matches its declaration (flows-platform §2.5, §2.12 INVALID_SCREEN_DATA "Invalid data
 * model schema. Expected property '__example__' to be of type (type), but found (actual type)."): its type, array
 * items against `items`, object values against `properties`. `null` never matches (§2.5). Lenient where the
 * reference is silent: properties missing from an example object, or present but undeclared (Meta's own
 * update_data example puts actions in items), are accepted. One report per field: the first mismatch.
 */
export const dataModelExampleRule = defineRule({
  id: 'flow-json/data-model-example',
  description: 'Each __example__ value has the type its declaration gives.',
  severity: 'error',
  versions: 'all',
  evidence: 'flows-platform §2.5, §2.12 INVALID_SCREEN_DATA "Expected property \'__example__\' to be of type …"',
  check(ctx) {
    const findings: Finding[] = [];
    for (const screen of ctx.model.screens) {
      if (!screen.data) continue;
      for (const [field, decl] of Object.entries(screen.data)) {
        if (!isObject(decl) || !hasOwn(decl, '__example__')) continue;
        const mismatch = firstMismatch(decl.__example__, decl, [...screen.path, 'data', field, '__example__']);
        if (mismatch) {
          findings.push({
            code: 'INVALID_SCREEN_DATA',
            message: `Invalid data model schema. Expected property '__example__' to be of type ${mismatch.expected}, but found ${mismatch.actual}.`,
            path: mismatch.path,
          });
        }
      }
    }
    return findings;
  },
});

interface Mismatch {
  expected: string;
  actual: string;
  path: JsonPath;
}

function matches(expected: string, actual: string): boolean {
  return expected === actual || (expected === 'number' && actual === 'integer');
}

function firstMismatch(value: unknown, schema: JsonObject, path: JsonPath): Mismatch | undefined {
  const expected = schema.type;
  if (!isDataModelType(expected)) return undefined; // malformed declarations are data-model-schema's
  const actual = jsonType(value);
  if (!matches(expected, actual)) return { expected, actual, path };
  if (Array.isArray(value) && isObject(schema.items)) {
    for (let i = 0; i < value.length; i++) {
      const m = firstMismatch(value[i], schema.items, [...path, i]);
      if (m) return m;
    }
  } else if (isObject(value) && isObject(schema.properties)) {
    for (const [key, sub] of Object.entries(schema.properties)) {
      if (!hasOwn(value, key) || !isObject(sub)) continue;
      const m = firstMismatch(value[key], sub, [...path, key]);
      if (m) return m;
    }
  }
  return undefined;
}
