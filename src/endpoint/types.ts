import type { FlowTokenClaims } from './flow-tokens/token.js';
import type { FlowSession } from './sessions/store.js';

/** What WhatsApp sends, decrypted (Meta: Implementing endpoints for Flows, data exchange request). */
export interface FlowRequest<Data extends Record<string, unknown> = Record<string, unknown>> {
  /** Data API version, e.g. `3.0`. */
  version: string;
  action: 'INIT' | 'BACK' | 'data_exchange' | 'ping' | (string & {});
  /** The screen the request comes from (may be empty for INIT and BACK). */
  screen?: string;
  data: Data;
  /** The token of the flow message (some iOS clients omit it). */
  flow_token?: string;
  /** Data API 4.0: the signed flow token, checked with the app secret. */
  flow_token_signature?: string;
  /** Whether `flow_token_signature` was present and verified with the app secret. */
  flowTokenSignatureVerified: boolean;
  /** With the endpoint option `flowTokens`: what the verified token says (subject, flow, expiry). */
  flowTokenClaims?: FlowTokenClaims;
  /** With the endpoint option `flowSessions`: this flow run's state, saved after the handler when it changed. */
  session?: FlowSession;
}

/** An error notification: WhatsApp rejected a previous response (Meta: Implementing endpoints for Flows, data exchange request). */
export interface FlowErrorNotification {
  version: string;
  action: string;
  screen?: string;
  flow_token?: string;
  /** e.g. `invalid-screen-transition`, `payload-schema-error`. */
  error: string;
  error_message?: string;
}

/** Next screen, or the `SUCCESS` close response (see `closeFlow`). `version` is optional, as in Meta's samples. */
export interface FlowResponse {
  screen: string;
  data: Record<string, unknown>;
  version?: string;
}

export type Awaitable<T> = T | Promise<T>;
export type FlowHandler = (request: FlowRequest) => Awaitable<FlowResponse>;
