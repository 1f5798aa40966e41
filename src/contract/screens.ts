/**
 * Compile-time views of one screen of a flow literal (the type of a `defineFlow` result): its data (`DataOf`), its
 * inputs (`FormOf`), and the actions its components carry. These follow Meta's structure of a screen
 * (Meta: Flow JSON reference, Screens, Layout, Forms, Actions); the validator walks the same structure at run time (src/flow-json/model.ts).
 */
import type { InputComponentType, InputValue, SchemaValue, ValueSite } from './values.js';

/** A flow literal type, as far as these helpers need it. */
export interface FlowLike {
  readonly version: string;
  readonly screens: readonly { readonly id: string }[];
}

/**
 * A flow type that is not a literal (`FlowJson` itself, or a flow typed only by annotation): the contract then says
 * nothing precise, and every helper answers the untyped form (`string` ids, `Record<string, unknown>` data).
 */
export type IsWide<F> = F extends { readonly screens: infer L extends readonly unknown[] } ? (number extends L['length'] ? true : false) : true;

/** The union of the screens of a flow. */
export type ScreensOf<F> = F extends { readonly screens: readonly (infer S)[] } ? S : never;

/** Ids of the screens of a flow. */
export type ScreenIds<F> = ScreensOf<F> extends infer S ? (S extends { readonly id: infer Id extends string } ? Id : never) : never;

/** The screen of a flow with the given id. */
export type ScreenById<F, Id> = Extract<ScreensOf<F>, { readonly id: Id }>;

/** A screen's `data` model, or `{}` without one. */
type DataModelOf<Scr> = Scr extends { readonly data: infer D extends object } ? D : Record<never, never>;

/** The field names of a screen's data model. */
export type DataKeys<Scr> = keyof DataModelOf<Scr> & string;

/**
 * `DataOf<F, 'SCREEN'>`: the data a screen receives (its data model's fields, each with its declared type), as an
 * endpoint answer or a message's `flow_action_payload.data` must give it.
 */
export type DataOf<F, Id extends string> = IsWide<F> extends true ? Record<string, unknown> : ScreenData<ScreenById<F, Id>>;

/** The data of a screen object. */
export type ScreenData<Scr> = { -readonly [K in keyof DataModelOf<Scr>]: SchemaValue<DataModelOf<Scr>[K]> };

type ChildKey = 'children' | 'then' | 'else';

/** Every component of a list of components, through Form, If and Switch, as a union. */
export type ComponentsIn<X> = X extends readonly (infer E)[]
  ? ComponentsIn<E>
  : X extends { readonly type: string }
    ?
        | X
        | ComponentsIn<X[ChildKey & keyof X]>
        | (X extends { readonly type: 'Switch'; readonly cases: infer C } ? ComponentsIn<C[keyof C]> : never)
    : never;

/** Every component of a screen. */
export type ScreenComponents<Scr> = Scr extends { readonly layout: { readonly children: infer C } } ? ComponentsIn<C> : never;

/** The input components of a screen (the ones `${form.<name>}` reads). */
export type ScreenInputs<Scr> = Extract<ScreenComponents<Scr>, { readonly type: InputComponentType; readonly name: string }>;

/** The input names of a screen. */
export type InputNames<Scr> = ScreenInputs<Scr>['name'];

/** `FormOf<F, 'SCREEN'>`: the value of each input of a screen, by name. */
export type FormOf<F, Id extends string, Site extends ValueSite = 'exchange'> = ScreenForm<ScreenById<F, Id>, Site>;

/** The form values of a screen object. */
export type ScreenForm<Scr, Site extends ValueSite = 'exchange'> = {
  [N in InputNames<Scr>]: InputValue<Extract<ScreenInputs<Scr>, { readonly name: N }>, Site>;
};

type ActionKey = 'on-click-action' | 'on-select-action' | 'on-unselect-action';

/** The actions a component carries, on itself and on its items (options, chips, navigation list items). */
type ActionsOfComponent<C> = C extends unknown
  ?
      | C[ActionKey & keyof C]
      | (C extends { readonly 'data-source': readonly (infer I)[] } ? I[ActionKey & keyof I] : never)
      | (C extends { readonly 'list-items': readonly (infer I)[] } ? I[ActionKey & keyof I] : never)
  : never;

/** Every action of a screen, as a union of action objects. */
export type ScreenActions<Scr> = Extract<ActionsOfComponent<ScreenComponents<Scr>>, { readonly name: string }>;

/** The actions of a screen with the given name (`data_exchange`, `complete`, `navigate`, …). */
export type ScreenActionsNamed<Scr, Name extends string> = Extract<ScreenActions<Scr>, { readonly name: Name }>;
