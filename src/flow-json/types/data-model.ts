/**
 * Screen data model (Meta: Flow JSON reference, Screen data): JSON-Schema-like declarations of the `${data.*}` fields a screen
 * receives from the message, a `navigate` payload, the endpoint or `update_data`.
 *
 * Every top-level field needs an `__example__` matching its declared type; nested schemas must not have
 * one ("Property '__example__' is allowed only as a top level property of data model").
 */
import type { JsonObject, JsonValue } from './common.js';

/** Nested schema (inside `properties` or `items`): no `__example__`. */
export type DataSchema = StringSchema | NumberSchema | BooleanSchema | ObjectSchema | ArraySchema;

export interface StringSchema {
  type: 'string';
}

export interface NumberSchema {
  type: 'number';
}

export interface BooleanSchema {
  type: 'boolean';
}

/** An object; data-source items use `properties: { id: { type: 'string' }, title: { type: 'string' }, … }`. */
export interface ObjectSchema {
  type: 'object';
  properties: Readonly<Record<string, DataSchema>>;
}

/** An array; `items` is required and must be a schema object or a boolean. */
export interface ArraySchema {
  type: 'array';
  items: DataSchema | boolean;
}

/** Top-level `string` field. */
export interface StringField extends StringSchema {
  __example__: string;
}

/** Top-level `number` field. */
export interface NumberField extends NumberSchema {
  __example__: number;
}

/** Top-level `boolean` field. */
export interface BooleanField extends BooleanSchema {
  __example__: boolean;
}

/** Top-level `object` field. */
export interface ObjectField extends ObjectSchema {
  __example__: JsonObject;
}

/** Top-level `array` field (e.g. a `data-source` list of `{ id, title }` objects). */
export interface ArrayField extends ArraySchema {
  __example__: readonly JsonValue[];
}

/** A top-level field of a screen's data model; `__example__` must match `type`. */
export type DataField = StringField | NumberField | BooleanField | ObjectField | ArrayField;

/** A screen's `data`: field name → declaration. */
export type ScreenDataModel = Readonly<Record<string, DataField>>;
