export * from './flows.js';
export * from './types.js';
export type { FlowJsonInput } from './flow-json-input.js';
export type { MetricQuery } from './fields.js';
export type { FlowMigrateParams, FlowMigrateByIdParams, FlowMigrateByNameParams } from './migrate.js';
export { FlowJsonValidationError } from './local-validation.js';
