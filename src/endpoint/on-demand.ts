/**
 * Public functions of `meta-cloud-api/endpoint` whose code loads on their first call (they are asynchronous
 * anyway): an app that only serves flows does not carry them in its startup bundle, and the endpoint itself loads
 * them only when an option needs them (`appSecret`, `flowTokens`). Issue 12: the endpoint's bundle size. Each has
 * the signature and behaviour of the function it loads; the documentation is that function's.
 */
import type * as Signature from './signature.js';
import type * as Token from './flow-tokens/token.js';

/**
 * Checks `X-Hub-Signature-256: sha256=<hex HMAC-SHA256(raw body, app secret)>` against each secret (several during
 * a rotation), comparing in constant time.
 */
export const verifyHubSignature: typeof Signature.verifyHubSignature = async (...args) => (await import('./signature.js')).verifyHubSignature(...args);

/**
 * Verifies `flow_token_signature` (Data API 4.0, Flow JSON 7.3 and later): an HS256 JWT signed with the app secret
 * whose payload carries the flow token; verified only when it is the request's own token.
 */
export const verifyFlowTokenSignature: typeof Signature.verifyFlowTokenSignature = async (...args) => (await import('./signature.js')).verifyFlowTokenSignature(...args);

/** Issues a signed flow token to put in a flow message's `flow_token`. */
export const issueFlowToken: typeof Token.issueFlowToken = async (...args) => (await import('./flow-tokens/token.js')).issueFlowToken(...args);

/** Verifies a token's signature (against each secret) and expiry. Any malformed token is `forged`. */
export const readFlowToken: typeof Token.readFlowToken = async (...args) => (await import('./flow-tokens/token.js')).readFlowToken(...args);
