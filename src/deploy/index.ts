/** Flows as code: a config of flows and templates, plan, apply with a lock file, pull. Node only (reads files). */
export { loadDeployConfig, CONFIG_FILE_NAMES, LOCK_FILE_NAME } from './config.js';
export { checkDeployConfig } from './config-check.js';
export { clientFor, environmentOf, tokenVariable, type EnvironmentAccess } from './environment.js';
export { DeployError } from './errors.js';
export { readLock, writeLock, sha256 } from './lock-file.js';
export { createPlan, type PlanContext, type PlanOptions } from './plan.js';
export { applyPlan, type ApplyOptions, type ApplyResult } from './apply.js';
export { pullFlows, type PullOptions, type PullResult } from './pull.js';
export { formatPlan, formatPlanAnnotations } from './format.js';
export type * from './types.js';
