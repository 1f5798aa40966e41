/** Flow tokens with a lifetime: issue them for flow messages, verify them at the endpoint (option `flowTokens`). */
export { issueFlowToken, readFlowToken, type FlowTokenClaims, type IssueFlowTokenOptions, type ReadFlowToken } from './token.js';
// guard.ts is loaded with the session hooks, only when `flowTokens` is set (issue 12: startup size).
export type { FlowTokenGuard, FlowTokenOptions } from './guard.js';
export { memoryFlowTokens, type FlowTokenStore, type MemoryFlowTokensOptions } from './store.js';
export { DEFAULT_FLOW_TOKEN_TTL_MS, DEFAULT_FLOW_TOKEN_MESSAGE, type FlowTokenRefusal } from '../../platform/flow-tokens.js';
