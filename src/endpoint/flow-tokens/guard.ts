// Evidence: flows-platform §3.6 and §6.6 (427 with an encrypted `error_msg` body), through ENDPOINT_STATUS and FlowTokenInvalidError.
/**
 * The endpoint's flow-token check (option `flowTokens`): before the handler, the request's token must be one this
 * business issued, unexpired and, for a `once` token, not used up; otherwise the answer is 427 with the chosen
 * message (Meta: Flows error codes, endpoint HTTP status codes). After a SUCCESS answer a `once` token is marked used.
 */
import { DEFAULT_FLOW_TOKEN_MESSAGE, type FlowTokenRefusal } from '../../platform/flow-tokens.js';
import { FlowTokenInvalidError } from '../errors.js';
import type { FlowRequest, FlowResponse } from '../types.js';
import { checkFlowStateOptions, readSecrets } from '../sessions/options.js';
import { memoryFlowTokens, type FlowTokenStore } from './store.js';
import { readFlowToken, type FlowTokenClaims } from './token.js';

/** The endpoint option `flowTokens`. */
export interface FlowTokenOptions {
  /** The secret the tokens were issued with (`issueFlowToken`), or a list during a rotation. */
  secret: string | readonly string[];
  /** Where used `once` tokens are remembered (default in memory: one instance only; use `redisFlowTokens` for several). */
  store?: FlowTokenStore;
  /** What the user is shown on a 427: one text, or one per reason (default "This form has expired. Please request a new one."). */
  message?: string | ((reason: FlowTokenRefusal) => string);
  /**
   * How long one run of the flow may last, measured from the first request that carries the token (INIT, or the
   * first data_exchange), as Meta advises ("measure time from the INIT request", 2-3 days: Implementing endpoints for
   * Flows). The token's own expiry (`issueFlowToken`'s `ttlMs`, from issue) still bounds when
   * it may be opened. Needs a store with `firstUse` (`memoryFlowTokens`, `redisFlowTokens`).
   */
  runTtlMs?: number;
  /** The clock (tests). */
  now?: () => number;
}

/** The check, as the endpoint calls it. */
export interface FlowTokenGuard {
  /** The token's claims; throws FlowTokenInvalidError (427) when it is missing, forged, expired or used. */
  check(request: FlowRequest): Promise<FlowTokenClaims>;
  /** After the handler: a SUCCESS answer uses up a `once` token (a second completion at once gets 427). */
  settle(claims: FlowTokenClaims, response: FlowResponse): Promise<void>;
}

/** The guard for `options.flowTokens`, or undefined when the option is absent. Throws InvalidArgumentError for a bad option. */
export function flowTokenGuard(options: FlowTokenOptions | undefined): FlowTokenGuard | undefined {
  if (options === undefined) return undefined;
  checkFlowStateOptions({ flowTokens: options });
  const secrets = readSecrets('flowTokens', options.secret);
  const { message } = options;
  const store = options.store ?? memoryFlowTokens();
  const now = options.now ?? Date.now;
  const runTtlMs = options.runTtlMs;
  const refuse = (reason: FlowTokenRefusal) => new FlowTokenInvalidError(typeof message === 'function' ? message(reason) : (message ?? DEFAULT_FLOW_TOKEN_MESSAGE));

  return {
    async check(request) {
      // Some iOS clients send no token (§3.4); without one nothing can be verified, so it is refused like a forged one.
      if (!request.flow_token) throw refuse('missing');
      const read = await readFlowToken(request.flow_token, secrets, now());
      if (!read.ok) throw refuse(read.reason);
      if (read.claims.once && (await store.isUsed(read.claims.id))) throw refuse('used');
      if (runTtlMs !== undefined) {
        const at = now();
        const firstUsed = await store.firstUse!(read.claims.id, at, Math.max(runTtlMs, read.claims.expiresAt - at));
        if (at - firstUsed >= runTtlMs) throw refuse('expired');
      }
      return read.claims;
    },
    async settle(claims, response) {
      if (!claims.once || response.screen !== 'SUCCESS') return;
      if (!(await store.markUsed(claims.id, Math.max(1, claims.expiresAt - now())))) throw refuse('used');
    },
  };
}
