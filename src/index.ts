import { WhatsApp } from './client/client.js';

export default WhatsApp;
export { WhatsApp };
export type { ClientOptions } from './client/config.js';
export { DEFAULT_API_VERSION, DEFAULT_BASE_URL } from './client/config.js';
export * from './core/errors.js';
export { GraphCursorPage, PagePromise } from './core/pagination.js';
export { APIPromise, type WithResponse } from './core/api-promise.js';
export type { GraphResponse, RequestEvent, ResponseEvent } from './core/observability.js';
export type { GraphListResponse, GraphPaging } from './core/pagination.js';
export type { RequestOptions } from './internal/http.js';
export * from './enums/index.js';
export * from './client/resources/flows/index.js';
export * from './client/resources/messages/index.js';
export * from './client/resources/templates/index.js';
export * from './client/resources/encryption.js';
// Flow JSON types and defineFlow are also in `meta-cloud-api/flow-json`. The validator (`validateFlowJson`) is ONLY
// there: the root entry stays lean (a client-only bundle does not carry it); `{ validate: true }` loads it lazily.
export type * from './flow-json/types/index.js';
export { defineFlow, FLOW_JSON_VERSIONS } from './flow-json/types/index.js';
export type { ValidateOptions, ValidationResult } from './flow-json/validate.js';
export type { FlowJsonDiagnostic } from './flow-json/diagnostics.js';
export type { RuleId } from './flow-json/rule-ids.js';
export type { RuleLevel, RuleLevels } from './flow-json/rule-levels.js';
