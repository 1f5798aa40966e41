/**
 * What the endpoint does around a handler for the options `flowTokens` and `flowSessions`, as two calls the
 * request path makes: `before` (verify the token: 427 when it is not valid; load `req.session`) and `after` (use
 * up a `once` token on SUCCESS; save `req.session` when it changed). Kept apart from the handler so it can be
 * wired into any request path with these two calls.
 */
import { toHex } from '../../internal/base64.js';
import { sha256 } from '../../internal/hmac.js';
import { flowTokenGuard, type FlowTokenOptions } from '../flow-tokens/guard.js';
import type { FlowTokenClaims } from '../flow-tokens/token.js';
import { EndpointError } from '../errors.js';
import type { FlowRequest, FlowResponse } from '../types.js';
import { checkFlowStateOptions, MAX_FLOW_SESSION_BYTES } from './options.js';
import type { FlowSession, FlowSessionStore } from './store.js';


/** What `before` learned, handed back to `after`. */
export interface FlowStateTicket {
  claims?: FlowTokenClaims;
  sessionKey?: string;
  sessionJson?: string;
}

export interface FlowStateHooks {
  /** Before the handler: may throw FlowTokenInvalidError (427); sets `request.flowTokenClaims` and `request.session`. */
  before(request: FlowRequest): Promise<FlowStateTicket>;
  /** After the handler succeeded (before the answer is encrypted). */
  after(request: FlowRequest, response: FlowResponse, ticket: FlowStateTicket): Promise<void>;
}

/** The hooks for the endpoint options, or undefined when neither option is set. Throws InvalidArgumentError for a bad option. */
export function flowStateHooks(options: { flowTokens?: FlowTokenOptions; flowSessions?: FlowSessionStore }): FlowStateHooks | undefined {
  checkFlowStateOptions(options);
  const guard = flowTokenGuard(options.flowTokens);
  const sessions = options.flowSessions;
  if (!guard && !sessions) return undefined;
  return {
    async before(request) {
      const ticket: FlowStateTicket = {};
      if (guard) request.flowTokenClaims = ticket.claims = await guard.check(request);
      if (sessions && request.flow_token) {
        ticket.sessionKey = `s:${toHex(await sha256(request.flow_token))}`;
        const session = (await sessions.get(ticket.sessionKey)) ?? {};
        ticket.sessionJson = JSON.stringify(session);
        request.session = session;
      }
      return ticket;
    },
    async after(request, response, ticket) {
      if (guard && ticket.claims) await guard.settle(ticket.claims, response);
      if (sessions && ticket.sessionKey !== undefined) {
        const session: unknown = request.session;
        if (!session || typeof session !== 'object' || Array.isArray(session)) throw new EndpointError(500, 'req.session must stay a JSON object (set properties on it, or replace it with another object).');
        const json = JSON.stringify(session);
        if (json === ticket.sessionJson) return;
        if (json.length > MAX_FLOW_SESSION_BYTES) throw new EndpointError(500, `req.session is ${json.length} characters as JSON; at most ${MAX_FLOW_SESSION_BYTES} are kept. Keep ids in the session and the data in your database.`);
        await sessions.set(ticket.sessionKey, session as FlowSession);
      }
    },
  };
}
