/**
 * The contract checks `defineFlow` adds to the shape check of `Exact` (src/flow-json/types/exact.ts). They mirror the
 * validator's reference rules and report, at the offending value, a short message naming the field and the screen:
 * - `${data.k}` without a field `k` in the screen's data model (Meta: Flow JSON reference, Screen data; Meta: Flow JSON reference, Dynamic properties; rule data-reference);
 * - `${form.k}` without an input named `k` on the screen (§2.6, §2.7; rule form-reference);
 * - `${screen.S.data.k}` / `${screen.S.form.k}` that does not resolve, names the current screen, or is used
 *   before 4.0 (§2.6; rule global-reference);
 * - in endpoint-less flows, a navigate `payload` whose keys or value types differ from the target's data model
 *   (§2.8, §2.12 INVALID_NAVIGATE_ACTION_PAYLOAD; rule navigate-payload-data-model);
 * - Form `init-values` / `error-messages` keys that are not input names (an SDK check: Meta documents the keys as
 *   input names, §2.7, but no catalogued error is known, so the run-time validator does not report it).
 * Which strings are checked follows the validator (src/flow-json/references/literal-text.ts,
 * reference-severity.ts): single bindings everywhere; nested expressions from 6.0 (inside actions from 7.2, when
 * Meta starts checking them, §2.2 7.2 row); text mixed with a reference only inside actions (§6.5: elsewhere
 * WhatsApp shows it literally); `If.condition` always.
 */
import type { ParsedRef, RefsIn, SingleBindingInner } from './references.js';
import type { PayloadValue } from './payloads.js';
import type { DataKeys, InputNames, ScreenById, ScreenIds } from './screens.js';

/**
 * A contract mistake, reported at the offending value: tsc says `Type '"${data.x}"' is not assignable to type
 * '"${data.x}" & ContractError<"Unknown data key 'x' on screen 'A'">'`.
 */
export interface ContractError<Message extends string> {
  readonly 'flow contract error': Message;
}

/** The message types the checks use (each a string literal type naming the field and the screen). */
export type UnknownDataKey<K extends string, S extends string> = `Unknown data key '${K}' on screen '${S}'`;
export type UnknownFormField<K extends string, S extends string> = `Unknown form field '${K}' on screen '${S}'`;
export type UnknownScreen<S extends string> = `Unknown screen '${S}'`;
export type MissingPayloadKey<K extends string, S extends string> = `Missing payload key '${K}' for screen '${S}'`;

type OldVersion = '2.1' | '3.0' | '3.1';
type BeforeNested = OldVersion | '4.0' | '5.0' | '5.1';
type BeforeActionExpressions = BeforeNested | '6.0' | '6.1' | '6.2' | '6.3' | '7.0' | '7.1';

/** What the walk knows about where it is. */
interface Where {
  inAction: boolean;
  force: boolean;
}
type Plain = { inAction: false; force: false };
type InAction = { inAction: true; force: false };
type Forced = { inAction: false; force: true };

/** The checks for a whole flow literal `T`: `json: T & FlowContractChecks<T>` reports each mistake where it is. */
export type FlowContractChecks<T> = T extends { readonly screens: infer Screens extends readonly unknown[] }
  ? number extends Screens['length']
    ? unknown // not a literal (e.g. `FlowJson` itself, or a flow typed by annotation): nothing to check
    : { readonly screens: { [I in keyof Screens]: ScreenChecks<T, Screens[I]> } }
  : unknown;

type ScreenChecks<F, Scr> = Scr extends { readonly id: string }
  ? { readonly [K in keyof Scr]: K extends 'title' | 'layout' ? Check<Scr[K], F, Scr, Plain> : unknown }
  : unknown;

type ActionKey = 'on-click-action' | 'on-select-action' | 'on-unselect-action';

type Check<V, F, Scr, W extends Where> = V extends string
  ? CheckString<V, F, Scr, W>
  : V extends readonly unknown[]
    ? { [I in keyof V]: Check<V[I], F, Scr, W> }
    : V extends object
      ? CheckObject<V, F, Scr, W>
      : unknown;

type CheckObject<V, F, Scr, W extends Where> = {
  [K in keyof V]: K extends ActionKey
    ? Check<V[K], F, Scr, InAction>
    : K extends 'condition'
      ? V extends { readonly type: 'If' }
        ? Check<V[K], F, Scr, Forced>
        : Check<V[K], F, Scr, W>
      : K extends 'init-values' | 'error-messages'
        ? V extends { readonly type: 'Form' }
          ? FormKeysCheck<V[K], K & string, Scr>
          : Check<V[K], F, Scr, W>
        : K extends 'payload'
          ? V extends { readonly name: 'navigate'; readonly next: { readonly name: infer N extends string } }
            ? NavigatePayloadCheck<V[K], F, Scr, N>
            : Check<V[K], F, Scr, W>
          : Check<V[K], F, Scr, W>;
} & NavigateWithoutPayload<V, F>;

/** Whether a string's references are resolved (see the module comment). */
type Checked<S extends string, F, W extends Where> = W['force'] extends true
  ? true
  : [SingleBindingInner<S>] extends [never]
    ? S extends `\`${string}\``
      ? F extends { readonly version: BeforeNested }
        ? W['inAction']
        : W['inAction'] extends true
          ? F extends { readonly version: BeforeActionExpressions }
            ? false
            : true
          : true
      : W['inAction']
    : true;

type CheckString<S extends string, F, Scr, W extends Where> = S extends `${string}${'${'}${string}`
  ? Checked<S, F, W> extends true
    ? FirstError<RefError<RefsIn<S>, F, Scr>>
    : unknown
  : unknown;

/** Nothing (unknown) when nothing is wrong, else the message(s). */
type FirstError<E> = [E] extends [never] ? unknown : E extends string ? ContractError<E> : never;

type ScreenIdOfScr<Scr> = Scr extends { readonly id: infer Id extends string } ? Id : never;

type RefError<R, F, Scr> = R extends readonly ['data', infer K extends string]
  ? K extends DataKeys<Scr>
    ? never
    : UnknownDataKey<K, ScreenIdOfScr<Scr>>
  : R extends readonly ['form', infer K extends string]
    ? K extends InputNames<Scr>
      ? never
      : UnknownFormField<K, ScreenIdOfScr<Scr>>
    : R extends readonly ['screen', infer Id extends string, infer Scope, infer K extends string]
      ? GlobalRefError<Id, Scope, K, F, Scr>
      : never;

type GlobalRefError<Id extends string, Scope, K extends string, F, Scr> = F extends { readonly version: OldVersion }
  ? `Global references like '\${screen.${Id}...}' need Flow JSON 4.0 or later`
  : Id extends ScreenIdOfScr<Scr>
    ? `Screen '${Id}' is the current screen: use '\${${Scope & string}.${K}}'`
    : Id extends ScreenIds<F>
      ? Scope extends 'data'
        ? K extends DataKeys<ScreenById<F, Id>>
          ? never
          : UnknownDataKey<K, Id>
        : K extends InputNames<ScreenById<F, Id>>
          ? never
          : UnknownFormField<K, Id>
      : UnknownScreen<Id>;

/** Form `init-values` / `error-messages`: each key is an input name of the screen. */
type FormKeysCheck<M, Key extends string, Scr> = M extends string
  ? unknown
  : { [K in keyof M]: K extends InputNames<Scr> ? unknown : ContractError<`Unknown input '${K & string}' in ${Key} on screen '${ScreenIdOfScr<Scr>}'`> };

/** An endpoint-less flow (no `data_api_version`): navigate payloads must match the target's data model. */
type EndpointLess<F> = F extends { readonly data_api_version: string } ? false : true;

type DataModel<Scr> = Scr extends { readonly data: infer D extends object } ? D : Record<never, never>;

/** The data model's name for a declared type (`integer` read as `number`, as the validator does). */
type DeclaredTypeName<Decl> = Decl extends { readonly type: infer T } ? (T extends 'integer' ? 'number' : T) : 'unknown';

/** The type name of a payload value's type, or `unknown` when it cannot be told (as the validator's PayloadTyper). */
type TypeName<X> = unknown extends X
  ? 'unknown'
  : [X] extends [string]
    ? 'string'
    : [X] extends [number]
      ? 'number'
      : [X] extends [boolean]
        ? 'boolean'
        : [X] extends [readonly unknown[]]
          ? 'array'
          : [X] extends [object]
            ? 'object'
            : 'unknown';

/** A value whose type the validator cannot tell: a nested path, a nested expression, mixed text. */
type Determinable<V> = V extends string
  ? V extends `${string}${'${'}${string}`
    ? [SingleBindingInner<V>] extends [never]
      ? false
      : SingleBindingInner<V> extends `data.${string}.${string}` | `form.${string}.${string}` | `screen.${string}.${string}.${string}.${string}`
        ? false
        : true
    : V extends `\`${string}\``
      ? false
      : true
  : true;

type NavigatePayloadCheck<P, F, Scr, N extends string> =
  EndpointLess<F> extends true
    ? N extends ScreenIds<F>
      ? P extends object
        ? {
            [K in keyof P]: K extends keyof DataModel<ScreenById<F, N>>
              ? ValueTypeCheck<P[K], F, Scr, K & string, N, DeclaredTypeName<DataModel<ScreenById<F, N>>[K]>>
              : ContractError<UnknownDataKey<K & string, N>>;
          } & { [K in Exclude<DataKeys<ScreenById<F, N>>, keyof P>]: ContractError<MissingPayloadKey<K, N>> }
        : unknown
      : unknown
    : Check<P, F, Scr, InAction>;

type ValueTypeCheck<V, F, Scr, K extends string, N extends string, Expected> =
  Determinable<V> extends true
    ? TypeName<PayloadValue<V, F, Scr, 'exchange'>> extends infer Actual
      ? Actual extends 'unknown'
        ? Check<V, F, Scr, InAction>
        : Actual extends Expected
          ? Check<V, F, Scr, InAction>
          : ContractError<`Payload '${K}' for screen '${N}' must be ${Expected & string}, not ${Actual & string}`>
      : never
    : Check<V, F, Scr, InAction>;

/** A navigate action without `payload` to a screen that declares data: the payload is missing. */
type NavigateWithoutPayload<V, F> = V extends { readonly name: 'navigate'; readonly next: { readonly name: infer N extends string } }
  ? 'payload' extends keyof V
    ? unknown
    : EndpointLess<F> extends true
      ? [DataKeys<ScreenById<F, N>>] extends [never]
        ? unknown
        : { readonly payload: { [K in DataKeys<ScreenById<F, N>>]: ContractError<MissingPayloadKey<K, N>> } }
      : unknown
  : unknown;

export type { ParsedRef };
