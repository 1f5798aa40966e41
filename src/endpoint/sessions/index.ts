/** `req.session`: state between the screens of one flow run (option `flowSessions`). */
export { memoryFlowSessions, DEFAULT_FLOW_SESSION_TTL_MS, type FlowSession, type FlowSessionStore, type MemoryFlowSessionsOptions } from './store.js';
export { flowStateHooks, MAX_FLOW_SESSION_BYTES, type FlowStateHooks, type FlowStateTicket } from './flow-state.js';
