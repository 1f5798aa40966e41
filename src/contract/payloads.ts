/**
 * Compile-time types of action payloads (Meta: Flow JSON reference, Actions): a payload value that is one binding takes the type of
 * what it names (`${form.x}` the input's value, `${data.x}` the field's type, global references the other screen's);
 * a static value its JSON type; a nested expression or mixed text a primitive.
 */
import type { ClassifyRef, SingleBindingInner } from './references.js';
import type { DataKeys, ScreenById, ScreenData, ScreenForm, InputNames } from './screens.js';
import type { ValueSite, Widen } from './values.js';

/** The type of one payload value sent from screen `Scr` of flow `F`. */
export type PayloadValue<V, F, Scr, Site extends ValueSite> = V extends string
  ? BindingValue<SingleBindingInner<V>, V, F, Scr, Site>
  : V extends readonly unknown[]
    ? PayloadValue<V[number], F, Scr, Site>[]
    : V extends object
      ? { -readonly [K in keyof V]: PayloadValue<V[K], F, Scr, Site> }
      : Widen<V>;

type BindingValue<Inner, V extends string, F, Scr, Site extends ValueSite> = [Inner] extends [never]
  ? V extends `${string}${'${'}${string}`
    ? string | number | boolean
    : string
  : Inner extends string
    ? RefValue<ClassifyRef<Inner>, F, Scr, Site>
    : never;

type RefValue<R, F, Scr, Site extends ValueSite> = R extends readonly ['data', infer K]
  ? K extends DataKeys<Scr>
    ? ScreenData<Scr>[K]
    : unknown
  : R extends readonly ['form', infer N]
    ? N extends InputNames<Scr>
      ? ScreenForm<Scr, Site>[N]
      : unknown
    : R extends readonly ['screen', infer Id, infer Scope, infer K]
      ? Scope extends 'data'
        ? K extends DataKeys<ScreenById<F, Id>>
          ? ScreenData<ScreenById<F, Id>>[K]
          : unknown
        : K extends InputNames<ScreenById<F, Id>>
          ? ScreenForm<ScreenById<F, Id>, Site>[K]
          : unknown
      : unknown;

/** The type of an action's payload (`{}` without one). */
export type PayloadOf<A, F, Scr, Site extends ValueSite> = A extends { readonly payload: infer P extends object } ? PayloadValue<P, F, Scr, Site> : Record<never, never>;
