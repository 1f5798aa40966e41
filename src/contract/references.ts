/**
 * Compile-time parsing of the dynamic references in a Flow JSON string (Meta: Flow JSON reference, Dynamic properties): `${data.a.b}`,
 * `${form.name}`, `${screen.ID.data.a}`, `${screen.ID.form.name}`. The run-time twin is
 * src/flow-json/references/binding-syntax.ts.
 */

/** One reference, as a tuple: its kind, then the screen (global references) and the first field. */
export type ParsedRef =
  | readonly ['data', string]
  | readonly ['form', string]
  | readonly ['screen', string, 'data' | 'form', string]
  | readonly ['other'];

/** The inside of a single binding `${…}`, or never when `S` is not one binding. */
export type SingleBindingInner<S extends string> = S extends `${'${'}${infer Inner}}` ? (Inner extends `${string}}${string}` ? never : Inner) : never;

/** The first segment of a dotted path (`a.b.c` → `a`). */
type Head<P extends string> = P extends `${infer H}.${string}` ? H : P;

/** Classify the inside of `${…}`. */
export type ClassifyRef<Inner extends string> = Inner extends `data.${infer Path}`
  ? readonly ['data', Head<Path>]
  : Inner extends `form.${infer Path}`
    ? readonly ['form', Head<Path>]
    : Inner extends `screen.${infer Id}.${infer Scope extends 'data' | 'form'}.${infer Path}`
      ? readonly ['screen', Id, Scope, Head<Path>]
      : readonly ['other'];

/** Every reference in a string, as a union of `ParsedRef` (never when there is none). */
export type RefsIn<S extends string> = S extends `${string}${'${'}${infer Inner}}${infer Rest}` ? ClassifyRef<Inner> | RefsIn<Rest> : never;

/** A value wrapped in backticks: a nested expression (≥ 6.0). */
export type IsNestedExpression<S extends string> = S extends `\`${string}\`` ? true : false;
