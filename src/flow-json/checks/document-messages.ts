import { metaPath, type Finding } from '../diagnostics.js';
import type { JsonPath } from '../parse.js';
import { jsonType } from '../values.js';

/**
 * Findings in the wording of Meta's schema-error catalogue (flows-platform §2.12), shared by the document and
 * screens rules. `$root/...` paths are Meta's message format.
 */

/** `INVALID_PROPERTY_TYPE` "Expected property (errorPath) to be of type (expectedType), but found (actualType)." */
export function wrongType(path: JsonPath, expected: string, value: unknown): Finding {
  return {
    code: 'INVALID_PROPERTY_TYPE',
    message: `Expected property ${metaPath(path)} to be of type ${expected}, but found ${jsonType(value)}.`,
    path,
  };
}

/** `MISSING_REQUIRED_TYPE_PROPERTY` "Required property '${propertyName}' is missing.", pointing at the parent object. */
export function missingProperty(parent: JsonPath, name: string): Finding {
  return { code: 'MISSING_REQUIRED_TYPE_PROPERTY', message: `Required property '${name}' is missing.`, path: parent };
}

/**
 * `INVALID_PROPERTY_KEY` "Property (propertyName) cannot be specified at (errorPath)." or, inside a component,
 * "Property (propertyName) cannot be specified at (componentName) on (errorPath).", pointing at the key.
 */
export function keyNotAllowed(parent: JsonPath, name: string, componentType?: string): Finding {
  const where = componentType === undefined ? metaPath(parent) : `${componentType} on ${metaPath(parent)}`;
  return { code: 'INVALID_PROPERTY_KEY', message: `Property ${name} cannot be specified at ${where}.`, path: [...parent, name], target: 'key' };
}

/** `INVALID_PROPERTY_VALUE` "Invalid value found for property (propertyName) at (errorPath)." (errorPath = the object holding it). */
export function invalidValue(parent: JsonPath, name: string): Finding {
  return { code: 'INVALID_PROPERTY_VALUE', message: `Invalid value found for property ${name} at ${metaPath(parent)}.`, path: [...parent, name] };
}
