/**
 * `meta-cloud-api/flow-json`: Flow JSON types (2.1 to 7.3), `defineFlow`, and the local validator.
 */
export * from './types/index.js';
export { validateFlowJson, type ValidateOptions, type ValidationResult } from './validate.js';
export { toPointer, metaPath, type FlowJsonDiagnostic, type Finding, type Severity, type ErrorType } from './diagnostics.js';
export { defineRule, type FlowJsonRule, type RuleContext } from './rule.js';
export { ALL_RULES } from './rules/index.js';
export { PUBLISHABLE_VERSIONS, SENDABLE_VERSIONS, LATEST_VERSION, DATA_API_VERSIONS, compareVersions } from './versions.js';
export { formatPretty, formatJson, formatGithubActions, type FileReport, type PrettyOptions } from './formatters/index.js';
