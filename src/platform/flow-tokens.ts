// Owns: what Meta says about the flow token a business puts in a flow message, and what the endpoint answers when
// it is no longer valid. Consumers: the endpoint's flow tokens (src/endpoint/flow-tokens/token.ts for the lifetime,
// guard.ts for the refusals and the default message) and sessions (src/endpoint/sessions/store.ts, same lifetime).
//
// Evidence:
// - flows-platform §4.1 [M-EP][M-BP]: the token is opaque to Meta (default "unused"), should be unpredictable and
//   session-like, with an expiry of 2–3 days, measured from the INIT request.
// - flows-platform §3.6 and §6.6: a token that is no longer valid is answered 427; the client shows the body's
//   `error_msg` and disables the message's button (status: `ENDPOINT_STATUS.flowTokenInvalid`, thrown as
//   FlowTokenInvalidError).
// - flows-platform §3.4 [PYWA]: some iOS clients send no `flow_token`.
/** Default lifetime of an issued token: 3 days, the upper end of the 2–3 days Meta recommends (Meta: Implementing endpoints for Flows). */
export const DEFAULT_FLOW_TOKEN_TTL_MS = 3 * 24 * 60 * 60 * 1000;

/** Why a token was refused; each is answered 427 (§3.6). */
export type FlowTokenRefusal = 'missing' | 'forged' | 'expired' | 'used';

/** The text the client shows by default (the same as `FlowTokenInvalidError`'s). */
export const DEFAULT_FLOW_TOKEN_MESSAGE = 'This form has expired. Please request a new one.';
