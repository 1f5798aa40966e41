import type { WebHandler } from './endpoint-client.js';

/** Options of `new FlowSimulator(...)`. */
export interface FlowSimulatorOptions {
  /** The Flow JSON, as an object or as text. */
  flowJson: object | string;
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
  /** After rejecting an endpoint answer, send WhatsApp's error notification to the endpoint (default true). */
  notifyErrors?: boolean;
  /** Called on every screen change, endpoint exchange and completion (progress logs). */
  onEvent?: (event: SimulatorEvent) => void;
}

/** Options of `sim.open(...)`: what the flow message carries (flows-platform §4.1). */
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
 * How the flow ended: what the `nfm_reply` of the completion webhook carries (flows-platform §4.3).
 * `response_json` is the JSON text WhatsApp sends; `response` is the same parsed. It holds the `complete`
 * action's payload (endpoint-less) or the endpoint's `extension_message_response.params`, and always `flow_token`.
 */
export interface FlowCompletion {
  name: 'flow';
  body: 'Sent';
  response_json: string;
  flow_token: string;
  response: Record<string, unknown>;
  /** `complete`: a complete action; `endpoint`: the endpoint answered SUCCESS. */
  source: 'complete' | 'endpoint';
  /** The screen the flow ended on. */
  screen: string;
}

/** Progress of a session, for logs. */
export type SimulatorEvent =
  | { type: 'screen'; screen: string; title: string | undefined; via: 'open' | 'navigate' | 'endpoint' | 'back' }
  | { type: 'fill'; screen: string; field: string; value: unknown }
  | { type: 'request'; action: string; screen: string | undefined; data: Record<string, unknown> }
  | { type: 'response'; action: string; response: unknown }
  | { type: 'complete'; completion: FlowCompletion };

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
