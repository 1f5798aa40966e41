/**
 * Types and builders of the component catalogue (see `catalog.ts`): what a property spec can say, and short helpers
 * the `catalog-*.ts` data files use.
 */

/** JSON types a property may take; `action` is an object whose content the actions family checks. */
export type ValueKind = 'string' | 'boolean' | 'number' | 'integer' | 'array' | 'object' | 'action';

/**
 * A limit from Meta's tables. `lenient` is a larger limit another source gives (the reference marks it DISAGREE, or
 * one of Meta's own examples goes past Meta's number); the warning for a value past `value` names it. How hard a
 * limit is (error or warning) is `src/platform/limits.ts`'s business.
 */
export interface Limit {
  value: number;
  lenient?: number;
}

export interface PropertySpec {
  kinds: readonly ValueKind[];
  /** The version that introduced a kind later than the property itself (e.g. TextBody `text` arrays from 5.1). */
  kindsSince?: Partial<Record<ValueKind, string>>;
  /** The version that introduced the property (default: the component's). */
  since?: string;
  /** The first version without the property. */
  until?: string;
  /** Required: always (`true`) or from a version on (e.g. `'4.0'`). */
  required?: boolean | string;
  /** Accepts a `${…}` binding (or, from 6.0, a backtick expression) instead of its static type. Default true. */
  dynamic?: boolean;
  enum?: readonly string[];
  /** Character limits of static strings (code points). */
  minLength?: number;
  maxLength?: Limit;
  /** Numeric range. */
  minimum?: number;
  maximum?: number;
  /** Item counts of static arrays. */
  minItems?: number;
  maxItems?: Limit;
  /** A lower item maximum when an item carries an `image` (Dropdown: 100 instead of 200). */
  maxItemsWithImages?: number;
  /** Spec of each item of an array. */
  items?: PropertySpec;
  /** Properties of an object value (closed: other keys are rejected). */
  shape?: Shape;
  /** Spec of each value of a map object (Switch `cases`). */
  values?: PropertySpec;
}

/** The properties of an object: a component or a nested item. */
export type Shape = Readonly<Record<string, PropertySpec>>;

export interface ComponentSpec {
  type: string;
  /** The version that introduced the component. */
  since: string;
  properties: Shape;
}

/** Properties holding child components (`children`, `then`, `else`, `cases`) are only type-checked here. */
export const COMPONENT_LIST: PropertySpec = { kinds: ['array'], dynamic: false, items: { kinds: ['object'], dynamic: false } };

export const TYPE: PropertySpec = { kinds: ['string'], required: true, dynamic: false };
export const NAME: PropertySpec = { kinds: ['string'], required: true, dynamic: false };
export const ACTION: PropertySpec = { kinds: ['action'], dynamic: false };
export const BOOLEAN: PropertySpec = { kinds: ['boolean'] };
export const INTEGER: PropertySpec = { kinds: ['integer'] };
export const NUMBER: PropertySpec = { kinds: ['number'] };
export const STRING: PropertySpec = { kinds: ['string'] };
export const STRING_ARRAY: PropertySpec = { kinds: ['array'], items: STRING };
/** A free-form object (e.g. `{ <media_id>: <message> }`): only its type is checked. */
export const FREE_OBJECT: PropertySpec = { kinds: ['object'] };

/** A string property with a maximum length (`lenient`: see {@link Limit}). */
export function text(max: number, extra: Partial<PropertySpec> = {}, lenient?: number): PropertySpec {
  return { kinds: ['string'], maxLength: lenient === undefined ? { value: max } : { value: max, lenient }, ...extra };
}

export function oneOf(values: readonly string[], extra: Partial<PropertySpec> = {}): PropertySpec {
  return { kinds: ['string'], enum: values, ...extra };
}

export function since(version: string, spec: PropertySpec): PropertySpec {
  return { ...spec, since: version };
}

export function required(spec: PropertySpec, from: boolean | string = true): PropertySpec {
  return { ...spec, required: from };
}

export const VISIBLE = BOOLEAN;

