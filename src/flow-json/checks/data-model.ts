import { isObject, type JsonObject } from '../values.js';

/**
 * Screen data model helpers (flows-platform §2.5): the declared types and how a `${data.a.b}` path is followed
 * into a declaration. Lenient by design: where a declaration does not say enough (no `properties`, an array, a
 * malformed schema that the declaration rule reports), a path is taken as existing.
 */

/**
 * The types a declaration may name: exactly the five flows-platform §2.5 lists (string, number, boolean, object,
 * array), the same five the Flow JSON TypeScript types accept (`types/data-model.ts`: `DataSchema`). JSON Schema's
 * `integer` is not one of them: Meta documents none, its checks follow RFC 8927 (JSON Type Definition, which has no
 * `integer` type either), but nothing shows Meta refusing it, so data-model-schema reports it as a warning with a hint
 * to use `number` (the TypeScript types, being authoring aids, refuse it outright). `null` is not a
 * type either: §2.5 says null is not a valid value anywhere. (The type checks that read declarations still read a
 * stray `integer` as `number`, so a flow gets one warning for it, not a cascade.)
 */
export const DATA_MODEL_TYPES = ['string', 'number', 'boolean', 'object', 'array'] as const;
export type DataModelType = (typeof DATA_MODEL_TYPES)[number];

export function isDataModelType(v: unknown): v is DataModelType {
  return typeof v === 'string' && (DATA_MODEL_TYPES as readonly string[]).includes(v);
}

export const hasOwn = (o: object, key: string): boolean => Object.prototype.hasOwnProperty.call(o, key);

/** Result of following a reference into a data model: `found: false` only when the path certainly does not exist. */
export type Lookup = { found: true; schema: JsonObject | undefined } | { found: false };

const PRIMITIVES = new Set(['string', 'number', 'integer', 'boolean']);
const MISSING: Lookup = { found: false };
const UNDECLARED: Lookup = { found: true, schema: undefined };

/** Follows `field` and then `rest` (`${data.field.rest…}`) through object `properties`. */
export function lookupData(data: JsonObject | undefined, field: string, rest: readonly string[]): Lookup {
  if (!data || !hasOwn(data, field)) return MISSING;
  let decl = data[field];
  for (const segment of rest) {
    if (!isObject(decl)) return UNDECLARED;
    const type = decl.type;
    if (type === 'object') {
      const props = decl.properties;
      if (!isObject(props)) return UNDECLARED;
      if (!hasOwn(props, segment)) return MISSING;
      decl = props[segment];
    } else if (typeof type === 'string' && PRIMITIVES.has(type)) {
      return MISSING;
    } else {
      // Arrays (items are reached by the component, not by path) and undeclared types: not judged here.
      return UNDECLARED;
    }
  }
  return { found: true, schema: isObject(decl) ? decl : undefined };
}

/** The scalar type an expression operand has when its declaration says so. */
export function scalarTypeOf(schema: JsonObject | undefined): 'string' | 'number' | 'boolean' | undefined {
  const t = schema?.type;
  if (t === 'string' || t === 'boolean') return t;
  if (t === 'number' || t === 'integer') return 'number';
  return undefined;
}
