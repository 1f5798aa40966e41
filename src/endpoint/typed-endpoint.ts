/**
 * The typed endpoint: `createFlowEndpoint({ flow, ... })` with `flow` from `defineFlow` (or a module written by
 * `meta-cloud-api types`) types the handlers from the Flow JSON (src/contract/): the keys of `screens` are the
 * screens that send `data_exchange`, `req.data` is what their actions send, and each handler returns a screen the
 * routing model allows from there with that screen's data (Meta: Flow JSON reference, Routing model; Meta: Implementing endpoints for Flows, data exchange response; the run-time verdict on the
 * same answer is src/platform/endpoint-response/check.ts), or `closeFlow(token, params)`.
 * Types only: the endpoint's run time is the untyped one (`flow` is not read).
 */
import type { IsWide } from '../contract/screens.js';
import type { CompletionOf, DataOf, EntryScreens, ExchangePayload, ExchangeScreens, NextScreens, RefreshOnBackScreens, ScreenIds } from '../contract/index.js';
import type { FlowJson } from '../flow-json/types/index.js';
import type { CloseFlowResponse } from './close-flow.js';
import type { FlowEndpointOptions } from './handler.js';
import type { Awaitable, FlowErrorNotification, FlowRequest, FlowResponse } from './types.js';

/** What every decrypted request carries besides its action, screen and data (Meta: Implementing endpoints for Flows, data exchange request). */
export interface FlowRequestBase {
  /** Data API version, e.g. `3.0`. */
  version: string;
  /** The token of the flow message (some iOS clients omit it). */
  flow_token?: string;
  /** Data API 4.0: the signed flow token, checked with the app secret. */
  flow_token_signature?: string;
  /** Whether `flow_token_signature` was present and verified with the app secret. */
  flowTokenSignatureVerified: boolean;
}

/** A `data_exchange` request from screen `S`: `data` is the payload of one of its `data_exchange` actions. */
export interface DataExchangeRequest<F, S extends string> extends FlowRequestBase {
  action: 'data_exchange';
  /** The screen the request comes from. */
  screen: S;
  data: ExchangePayload<F, S>;
}

/** The INIT request (the message had `flow_action: data_exchange`). */
export interface InitRequest extends FlowRequestBase {
  action: 'INIT';
  screen?: string;
  data: Record<string, unknown>;
}

/** The BACK request from a screen with `refresh_on_back: true`. */
export interface BackRequest<F> extends FlowRequestBase {
  action: 'BACK';
  screen: RefreshOnBackScreens<F>;
  data: Record<string, unknown>;
}

/** Any request of a typed flow, discriminated on `action` (and, for `data_exchange`, on `screen`). */
export type TypedFlowRequest<F> = InitRequest | BackRequest<F> | { [S in ExchangeScreens<F>]: DataExchangeRequest<F, S> }[ExchangeScreens<F>];

/** An answer that shows screen `S`: its data model's fields with their types, plus an optional snackbar text. */
export interface ScreenResponse<F, S extends string> {
  screen: S;
  data: DataOf<F, S> & { error_message?: string };
  version?: string;
}

/**
 * An answer showing one of the screens `S` (a union of screen ids), with that screen's data. (`screen: S &
 * F['screens'][number]['id']` is `S` once `F` is known; before, while TypeScript types a handler without parameters, it keeps the
 * screen id a literal instead of widening it to string.)
 */
export type ScreenResponses<F extends FlowJson, S extends string> = { screen: S & F['screens'][number]['id'] } & { [K in S]: ScreenResponse<F, K> }[S];

/** The SUCCESS answer of this flow: `closeFlow(token, params)` with the terminal screens' `complete` payload. */
export type TypedCloseResponse<F extends FlowJson> = CloseFlowResponse<CompletionOf<F>>;

/**
 * What the handler of screen `S` may answer: `S` itself (e.g. with `error_message`), a screen the routing model
 * allows from `S`, or the SUCCESS answer (runtime twin: `route-not-allowed` in src/platform/endpoint-response).
 */
export type ExchangeResponse<F extends FlowJson, S extends string> = ScreenResponses<F, S | NextScreens<F, S>> | TypedCloseResponse<F>;

/** The handler of screen `S`. */
export type ScreenHandler<F extends FlowJson, S extends string> = (request: DataExchangeRequest<F, S>) => Awaitable<ExchangeResponse<F, S>>;

/** The `screens` option of a typed endpoint: one optional handler per screen that sends `data_exchange`. */
export type TypedScreenHandlers<F extends FlowJson> = { [S in ExchangeScreens<F>]?: ScreenHandler<F, IsWide<F> extends true ? string : S> };

/** Options of `createFlowEndpoint` with a typed `flow`. */
export interface TypedFlowEndpointOptions<F extends FlowJson>
  extends Omit<FlowEndpointOptions, 'screens' | 'onInit' | 'onBack' | 'onDataExchange' | 'onRequest' | 'onError' | 'checkResponse' | 'onErrorNotification'> {
  /**
   * The flow (from `defineFlow` or a generated module): types the handlers; not read at run time. Without it (or
   * with a flow typed only as `FlowJson`) the handlers take and return the untyped `FlowRequest` / `FlowResponse`.
   */
  flow?: F;
  /** `data_exchange` per screen: the keys are the screens that send one. */
  screens?: TypedScreenHandlers<F>;
  /** INIT: answer an entry screen of the flow (Meta: Flow JSON reference, Routing model) with its data. */
  onInit?: (request: InitRequest) => Awaitable<ScreenResponses<F, EntryScreens<F>>>;
  /** BACK from a screen with `refresh_on_back`: answer the screen to show. */
  onBack?: (request: BackRequest<F>) => Awaitable<ScreenResponses<F, ScreenIds<F>>>;
  /** Any `data_exchange` without a `screens` entry. */
  onDataExchange?: (request: { [S in ExchangeScreens<F>]: DataExchangeRequest<F, S> }[ExchangeScreens<F>]) => Awaitable<ScreenResponses<F, ScreenIds<F>> | TypedCloseResponse<F>>;
  /** The catch-all. */
  onRequest?: (request: TypedFlowRequest<F>) => Awaitable<ScreenResponses<F, ScreenIds<F>> | TypedCloseResponse<F>>;
  onErrorNotification?: (notification: FlowErrorNotification) => Awaitable<void>;
  onError?: (error: unknown, request: FlowRequest | undefined) => void;
  checkResponse?: (request: FlowRequest, response: FlowResponse) => Awaitable<void>;
}

