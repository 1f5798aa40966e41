/**
 * Type-level checks used by `defineFlow`.
 *
 * TypeScript reports unknown (e.g. misspelt) properties of object literals only when they are checked
 * against a declared type, not against an inferred type parameter. `Exact<T, Shape, ScreenId>` walks the
 * inferred literal type `T` alongside `Shape` and:
 * - maps every property `Shape` does not declare to `UnknownProperty<name>`,
 * - narrows `navigate` targets (`next.name`) and `routing_model` entries to the flow's own screen ids.
 * So `json: T & Exact<T, FlowJson, ScreenIdOf<T>>` reports those mistakes at the offending property.
 *
 * Unions in `Shape` (components on `type`, actions on `name`) are resolved member by member: a value is
 * compared with the members it is assignable to.
 */
import type { NavigateTarget } from './actions.js';
import type { RoutingModel } from './document.js';

/** Stands for a property the Flow JSON types do not declare (probably misspelt). */
export interface UnknownProperty<Name extends PropertyKey> {
  readonly 'unknown Flow JSON property': Name;
}

/** Stands for a `navigate` target or `routing_model` entry that is not the id of a screen of the flow. */
export interface UnknownScreenId<Id extends PropertyKey, Known extends string> {
  readonly 'unknown screen id': Id;
  readonly 'screen ids of this flow': Known;
}

/** Ids of the screens of a flow document type (a union of literals when the document is a literal). */
export type ScreenIdOf<F> = F extends { readonly screens: readonly (infer S)[] }
  ? S extends { readonly id: infer Id extends string }
    ? Id
    : never
  : never;

type Primitive = string | number | boolean | bigint | symbol | null | undefined;

/** `T` with unknown properties and unknown screen references (at any depth) turned into errors. */
export type Exact<T, Shape, ScreenId extends string = string> = T extends Primitive
  ? T
  : T extends unknown
    ? ExactObject<T, Shape, ScreenId>
    : never;

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

/** Fast path: a value typed exactly as the shape needs no walk (e.g. `defineFlow(json as FlowJson)`). */
type ExactObject<T, Shape, ScreenId extends string> =
  Same<T, Shape> extends true ? T : Match<T, Shape, ScreenId>;

/** Compare `T` with each member of `Shape` it is assignable to. */
type Match<T, Shape, ScreenId extends string> = Shape extends unknown
  ? [T] extends [Shape]
    ? Same<T, Shape> extends true
      ? T
      : Walk<T, Shape, ScreenId>
    : never
  : never;

type Walk<T, Shape, ScreenId extends string> =
  Same<Shape, NavigateTarget> extends true
    ? { [K in keyof T]: K extends 'name' ? KnownScreen<T[K], ScreenId> : K extends 'type' ? T[K] : UnknownProperty<K> }
    : Same<Shape, RoutingModel> extends true
      ? { [K in keyof T]: K extends ScreenId ? KnownScreens<T[K], ScreenId> : UnknownScreenId<K, ScreenId> }
      : T extends readonly unknown[]
        ? { [K in keyof T]: Exact<T[K], ElementOf<Shape>, ScreenId> }
        : string extends keyof Shape
          ? { [K in keyof T]: Exact<T[K], Shape[string & keyof Shape], ScreenId> }
          : {
              [K in keyof T]: K extends keyof Shape
                ? Exact<T[K], Exclude<Shape[K], undefined>, ScreenId>
                : UnknownProperty<K>;
            };

/** A literal screen id must be one of the flow's; a plain `string` (computed id) is let through. */
type KnownScreen<Id, ScreenId extends string> = string extends Id
  ? Id
  : Id extends ScreenId
    ? Id
    : UnknownScreenId<Id & PropertyKey, ScreenId>;

/** Maps each element of a tuple of screen ids (homomorphic mapped type over a type parameter). */
type KnownScreens<List, ScreenId extends string> = { [I in keyof List]: KnownScreen<List[I], ScreenId> };

type ElementOf<Shape> = Shape extends readonly (infer E)[] ? E : never;
