/**
 * `meta-cloud-api/flow-json`: Flow JSON types (2.1 to 7.3), `defineFlow`, and the local validator.
 */
export * from './types/index.js';
export { validateFlowJson, type ValidateOptions, type ValidationResult } from './validate.js';
export { toPointer, metaPath, type FlowJsonDiagnostic, type Finding, type Severity, type ErrorType } from './diagnostics.js';
export { defineRule, type FlowJsonRule, type RuleContext, type RuleVersions } from './rule.js';
export { ALL_RULES, ruleMetadata, type RuleMetadata } from './rules/index.js';
export { RULE_IDS, isRuleId, type RuleId } from './rule-ids.js';
export { RULE_LEVELS, type RuleLevel, type RuleLevels } from './rule-levels.js';
export { PUBLISHABLE_VERSIONS, SENDABLE_VERSIONS, LATEST_VERSION, DATA_API_VERSIONS, compareVersions } from '../platform/versions.js';
export { formatPretty, formatJson, formatGithub, formatGithubActions, formatSarif, formatJunit, type FileReport, type PrettyOptions, type SarifOptions, type JunitOptions } from './formatters/index.js';
