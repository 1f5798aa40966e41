/**
 * Compile-time routing of a flow literal (Meta: Flow JSON reference, Routing model; Meta: Implementing endpoints for Flows; Meta: Implementing endpoints for Flows, data exchange response): which screens send `data_exchange`
 * (the keys of a typed endpoint's `screens`), where the routing model lets the endpoint go from each, the entry
 * screens, and the payloads of `data_exchange` and `complete` actions. The run-time twins are
 * src/flow-json/checks/routing-graph.ts (validator) and src/platform/endpoint-response/ (answers).
 */
import type { PayloadOf } from './payloads.js';
import type { IsWide, ScreenActionsNamed, ScreenById, ScreenIds, ScreensOf } from './screens.js';

/** Ids of the screens that carry an action with the given name. */
export type ScreensWithAction<F, Name extends string> =
  ScreensOf<F> extends infer Scr
    ? Scr extends { readonly id: infer Id extends string }
      ? [ScreenActionsNamed<Scr, Name>] extends [never]
        ? never
        : Id
      : never
    : never;

/** The screens that send `data_exchange` requests (Meta: Implementing endpoints for Flows): the keys of a typed endpoint's `screens`. */
export type ExchangeScreens<F> = IsWide<F> extends true ? string : ScreensWithAction<F, 'data_exchange'>;

/** The routing model of a flow, or never without one. */
type RoutingOf<F> = F extends { readonly routing_model: infer R extends object } ? R : never;

/** The `navigate` targets of a screen. */
type NavigateTargets<Scr> = ScreenActionsNamed<Scr, 'navigate'> extends infer A
  ? A extends { readonly next: { readonly name: infer N extends string } }
    ? N
    : never
  : never;

/**
 * The screens the routing model lets a flow go to from screen `Id` (Meta: Flow JSON reference, Routing model); without a routing model,
 * the screen's `navigate` targets (from which Meta derives it).
 */
export type NextScreens<F, Id extends string> = IsWide<F> extends true
  ? string
  : [RoutingOf<F>] extends [never]
  ? NavigateTargets<ScreenById<F, Id>>
  : Id extends keyof RoutingOf<F>
    ? RoutingOf<F>[Id] extends readonly (infer N extends string)[]
      ? N
      : never
    : never;

/** Every destination in the routing model (or every navigate target without one). */
type Destinations<F> = [RoutingOf<F>] extends [never]
  ? NavigateTargets<ScreensOf<F>>
  : RoutingOf<F>[keyof RoutingOf<F>] extends infer L
    ? L extends readonly (infer N extends string)[]
      ? N
      : never
    : never;

/** Entry screens: screens no route leads to (Meta: Flow JSON reference, Routing model "an entry screen (no inbound edges)"). */
export type EntryScreens<F> = IsWide<F> extends true ? string : Exclude<ScreenIds<F>, Destinations<F>>;

/** Terminal screens (`terminal: true`). */
export type TerminalScreens<F> = IdOf<Extract<ScreensOf<F>, { readonly terminal: true }>>;

/** Screens with `refresh_on_back: true` (they send BACK requests, Meta: Implementing endpoints for Flows). */
export type RefreshOnBackScreens<F> = IsWide<F> extends true ? string : IdOf<Extract<ScreensOf<F>, { readonly refresh_on_back: true }>>;

type IdOf<Scr> = Scr extends { readonly id: infer Id extends string } ? Id : never;

/** The union of the payloads the `data_exchange` actions of screen `Id` send (`req.data` of its handler). */
export type ExchangePayload<F, Id extends string> =
  IsWide<F> extends true ? Record<string, unknown> : ScreenById<F, Id> extends infer Scr ? (ScreenActionsNamed<Scr, 'data_exchange'> extends infer A ? (A extends unknown ? PayloadOf<A, F, Scr, 'exchange'> : never) : never) : never;

/**
 * The union of the payloads of the flow's `complete` actions (terminal screens only, Meta: Flow JSON reference, Actions): what the
 * completion's `response_json` carries besides `flow_token` (§4.3). never when the flow has no `complete` action.
 */
export type CompletionPayload<F> =
  ScreensOf<F> extends infer Scr
    ? Scr extends unknown
      ? ScreenActionsNamed<Scr, 'complete'> extends infer A
        ? A extends unknown
          ? PayloadOf<A, F, Scr, 'complete'>
          : never
        : never
      : never
    : never;

/**
 * The completion payload of a flow, or `Record<string, unknown>` when the flow has no `complete` action (an endpoint
 * flow closed by the endpoint's SUCCESS: its params are whatever the endpoint sends).
 */
export type CompletionOf<F> = IsWide<F> extends true ? Record<string, unknown> : [CompletionPayload<F>] extends [never] ? Record<string, unknown> : CompletionPayload<F>;
