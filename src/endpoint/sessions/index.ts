/** `req.session`: state between the screens of one flow run (option `flowSessions`). */
export { memoryFlowSessions, DEFAULT_FLOW_SESSION_TTL_MS, type FlowSession, type FlowSessionStore, type MemoryFlowSessionsOptions } from './store.js';
// flow-state.ts (the hooks around the handler) is not re-exported: the endpoint imports it only when an option
// needs it, so it stays out of the startup code (issue 12).
export type { FlowStateHooks, FlowStateTicket } from './flow-state.js';
export { MAX_FLOW_SESSION_BYTES } from './options.js';
