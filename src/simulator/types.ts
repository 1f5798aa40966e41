import type { ResponseRuleId } from '../platform/endpoint-response/index.js';
import type { WebHandler } from './endpoint-client.js';
import type { WebhookUser } from '../platform/webhook-users.js';
import type { FormOf } from '../contract/index.js';
import type { IsWide, ScreenIds } from '../contract/screens.js';
import type { FlowJson } from '../flow-json/types/index.js';

/** Options of `new FlowSimulator(...)`. */
export interface FlowSimulatorOptions<F extends FlowJson = FlowJson> {
  /** The Flow JSON, as an object or as text; a flow from `defineFlow` types `fill()` and `run()` answers. */
  flowJson: F | object | string;
  /** The data endpoint: a URL (called with fetch) or an in-process Web handler such as `createFlowEndpoint(...)`. */
  endpoint?: string | WebHandler;
  /** The business public key PEM (or a function returning it, called again after a 421). Needed with `endpoint`. */
  publicKey?: string | (() => string | Promise<string>);
  /** The Meta app secret: requests are signed with X-Hub-Signature-256 (and carry `flow_token_signature` on 7.3 + Data API 4.0). */
  appSecret?: string;
  /** The message's flow token (default `unused`, as WhatsApp sends when the message has none). */
  flowToken?: string;
  /** fetch for URL endpoints (default globalThis.fetch). */
  fetch?: typeof fetch;
  /** Endpoint timeout in ms (default 10 000, as WhatsApp). */
  timeoutMs?: number;
  /** Validate the Flow JSON first and refuse a flow Meta would reject (default true). */
  validate?: boolean;
  /**
   * Fail on what Meta's rules only warn about (default false): an endpoint answer that leaves out fields the
   * screen declares, or a SUCCESS without `flow_token` in its params, throws `SimulatorProtocolError` (and is
   * reported to the endpoint) instead of being recorded in `sim.warnings` (Meta: what WhatsApp accepts in published flows (observed)).
   */
  strict?: boolean;
  /** After rejecting an endpoint answer, send WhatsApp's error notification to the endpoint (default true). */
  notifyErrors?: boolean;
  /** Called on every screen change, endpoint exchange and completion (progress logs). */
  onEvent?: (event: SimulatorEvent) => void;
  /**
   * The user who plays the flow, as the completion webhook will name them (Meta: Business-scoped user IDs): for example a
   * username user without a phone number, `{ userId: 'US.13491208655302741918', username: 'jane' }`. The data
   * endpoint never sees it (its requests carry only the flow token); it is handed back on `completion.user`.
   */
  user?: WebhookUser;
}

/** Options of `sim.open(...)`: what the flow message carries (Meta: Sending a Flow). */
export interface OpenOptions {
  /**
   * `navigate` (the default, as in the message): open `screen` with `data` locally.
   * `data_exchange`: send INIT to the endpoint and open the screen it answers with.
   */
  action?: 'navigate' | 'data_exchange';
  /** First screen (navigate only; default: the flow's entry screen). */
  screen?: string;
  /** `flow_action_payload.data` (navigate only), used as given. Without it, the screen's `__example__` values stand in. */
  data?: Record<string, unknown>;
}

/**
 * How the flow ended: what the `nfm_reply` of the completion webhook carries (Meta: Flows webhooks, Flow completion message).
 * `response_json` is the JSON text WhatsApp sends; `response` is the same parsed. After a `complete` action it
 * holds the action's payload with the message's `flow_token` (WhatsApp adds it); after the endpoint's SUCCESS it
 * holds exactly the endpoint's `extension_message_response.params`, so no `flow_token` when the endpoint sent none
 * (a warning, see `FlowSimulator.warnings`).
 */
export interface FlowCompletion {
  name: 'flow';
  body: 'Sent';
  response_json: string;
  /** `response.flow_token` when it is a string; absent when the endpoint's SUCCESS params carry none. */
  flow_token?: string;
  response: Record<string, unknown>;
  /** `complete`: a complete action; `endpoint`: the endpoint answered SUCCESS. */
  source: 'complete' | 'endpoint';
  /** The screen the flow ended on. */
  screen: string;
  /** The user who completed the flow (the `user` option), when one was given. */
  user?: WebhookUser;
}

/** Progress of a session, for logs. */
export type SimulatorEvent =
  | { type: 'screen'; screen: string; title: string | undefined; via: 'open' | 'navigate' | 'endpoint' | 'back' }
  | { type: 'fill'; screen: string; field: string; value: unknown }
  | { type: 'request'; action: string; screen: string | undefined; data: Record<string, unknown> }
  | { type: 'response'; action: string; response: unknown }
  | { type: 'warning'; warning: SimulatorWarning }
  | { type: 'complete'; completion: FlowCompletion };

/**
 * An endpoint answer the client accepts but Meta's rules warn about (Meta: what WhatsApp accepts in published flows (observed)): a declared field left
 * out of the data (`data-field-omitted`) or a SUCCESS without `flow_token` (`success-without-flow-token`).
 */
export interface SimulatorWarning {
  /** The request answered. */
  action: 'INIT' | 'BACK' | 'data_exchange';
  /** The screen the request was sent from (undefined for INIT). */
  screen: string | undefined;
  /** The rule (src/platform/endpoint-response/rules.ts). */
  rule: ResponseRuleId;
  /** The error name WhatsApp's client would use if it rejected it (`--strict` does). */
  error: string;
  message: string;
  /** The data field left out, for `data-field-omitted`. */
  field?: string;
}

/** Scripted answers for `sim.run`: per screen id, field name → value (`$click`: a link or list item to click instead of the Footer). */
export type FlowAnswers = Record<string, Record<string, unknown>>;

/** Options of `autoAnswers` and `sim.runAuto`. */
export interface AutoAnswerOptions {
  /** Fill optional inputs too (default true). */
  optional?: boolean;
  /** The day auto dates start from when a picker has no `min-date` (`YYYY-MM-DD`; default today). */
  today?: string;
  /** Answers that take precedence over the generated ones, per screen. */
  answers?: FlowAnswers;
}

/**
 * Values `fill()` takes for a typed flow (`flowJson` from `defineFlow`): input name → that input's value, for the
 * inputs of any screen (the current screen is only known at run time). Untyped flows take any record.
 */
export type FillValues<F> = IsWide<F> extends true ? Record<string, unknown> : Partial<UnionToIntersection<AnyScreenForm<F>>>;

/** Scripted answers for a typed flow: per screen id, its inputs' values (`$click`: a link or list item to click). */
export type TypedFlowAnswers<F> = IsWide<F> extends true ? FlowAnswers : { [S in ScreenIds<F>]?: Partial<FormOf<F, S, 'complete'>> & { $click?: string } };

type AnyScreenForm<F> = ScreenIds<F> extends infer S ? (S extends string ? FormOf<F, S, 'complete'> : never) : never;
type UnionToIntersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never;
