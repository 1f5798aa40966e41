// Owns: an endpoint answer's data against the target screen's data model (flows-platform §2.5, §3.5, §6.5, §6.6).
// Consumers: check.ts (hence responseChecks and the simulator's checkResponse), the simulator's dataProblems.
import { isObject, type JsonObject } from '../../flow-json/values.js';
import { finding, type ResponseFinding } from './rules.js';

/**
 * An endpoint answer's `data` against the target screen's data model (flows-platform §2.5, §3.5, §6.5):
 * - every declared top-level field should be there: one left out is a warning (`data-field-omitted`), since
 *   Meta's own sample endpoints leave fields out (§6.5);
 * - declared fields have their type, nested object properties and array items included (`data-wrong-type`);
 *   a nested property left out is fine (data-source items often leave out optional properties);
 * - `null` is wrong anywhere, declared or not (`data-null`, §2.5);
 * - `error_message`, the snackbar, is a string (§6.6).
 */
export function dataFindings(screen: string, model: JsonObject, data: JsonObject): ResponseFinding[] {
  const out: ResponseFinding[] = [];
  for (const [field, schema] of Object.entries(model)) {
    if (isObject(schema) && data[field] === undefined) {
      out.push(
        finding(
          'data-field-omitted',
          `data.${field} is left out (declared ${String(schema.type)} on ${screen}). Meta's sample endpoints do this and the flow goes on; whether WhatsApp keeps the field's earlier value is unverified (flows-platform §6.5), so send every declared field.`,
          field,
        ),
      );
    }
  }
  for (const [field, value] of Object.entries(data)) {
    if (value === undefined) continue;
    const schema = model[field];
    checkValue(isObject(schema) ? schema : undefined, value, `data.${field}`, out);
  }
  const snackbar = data.error_message;
  if (snackbar !== undefined && snackbar !== null && typeof snackbar !== 'string') {
    out.push(finding('error-message-not-string', `data.error_message should be a string (the snackbar text), got ${typeName(snackbar)}.`));
  }
  return out;
}

/** Checks `value` against `schema` (undefined: not declared, only nulls are looked for), recursively. */
function checkValue(schema: JsonObject | undefined, value: unknown, path: string, out: ResponseFinding[]): void {
  if (value === null) {
    out.push(finding('data-null', `${path} is null (Flow JSON has no null: leave the field out or send an empty value such as "").`));
    return;
  }
  const type = schema?.type;
  if (typeof type === 'string' && !hasType(type, value)) {
    out.push(finding('data-wrong-type', `${path} should be ${type}, got ${typeName(value)}.`));
    return;
  }
  if (Array.isArray(value)) {
    const items = schema && isObject(schema.items) ? schema.items : undefined;
    value.forEach((item, i) => checkValue(items, item, `${path}[${i}]`, out));
  } else if (isObject(value)) {
    const properties = schema && isObject(schema.properties) ? schema.properties : undefined;
    for (const [key, sub] of Object.entries(value)) {
      if (sub === undefined) continue;
      const subSchema = properties?.[key];
      checkValue(isObject(subSchema) ? subSchema : undefined, sub, `${path}.${key}`, out);
    }
  }
}

/** Whether `value` has the data-model `type` (§2.5: string, number, boolean, object, array; integer as a number). */
function hasType(type: string, value: unknown): boolean {
  switch (type) {
    case 'array':
      return Array.isArray(value);
    case 'object':
      return isObject(value);
    case 'integer':
      return Number.isInteger(value);
    case 'string':
    case 'number':
    case 'boolean':
      return typeof value === type;
    default:
      return true;
  }
}

function typeName(value: unknown): string {
  return value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
}
