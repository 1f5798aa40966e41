import type { FlowJsonRule, RuleVersions } from '../rule.js';
import type { Severity } from '../diagnostics.js';
import type { RuleId } from '../rule-ids.js';
import { ACTIONS_RULES } from './actions/index.js';
import { COMPONENTS_RULES } from './components/index.js';
import { DATA_RULES } from './data/index.js';
import { DOCUMENT_RULES } from './document/index.js';
import { ROUTING_RULES } from './routing/index.js';
import { SCREENS_RULES } from './screens/index.js';

/**
 * Every rule, by family (shared machinery lives in ../checks, ../expressions, ../references and src/platform):
 * - document/   top-level keys, versions, screens array
 * - screens/    screen ids, terminal and success, screen-level keys
 * - components/ component schemas (from catalog), versions, limits, forms, Footer, If/Switch
 * - actions/    where each action may be used and what its payload may hold
 * - routing/    routing_model rules
 * - data/       data model declarations, dynamic references, nested expressions
 */
export const ALL_RULES: readonly FlowJsonRule[] = [
  ...DOCUMENT_RULES,
  ...SCREENS_RULES,
  ...COMPONENTS_RULES,
  ...ACTIONS_RULES,
  ...ROUTING_RULES,
  ...DATA_RULES,
];

/** What each built-in rule declares, without its check: id, description, default severity, versions, evidence. */
export interface RuleMetadata {
  id: RuleId;
  description: string;
  severity: Severity;
  versions: RuleVersions;
  evidence: string;
}

/** The metadata of every built-in rule, in the order they run. */
export const ruleMetadata: readonly RuleMetadata[] = ALL_RULES.map(({ id, description, severity, versions, evidence }) => ({
  id,
  description,
  severity,
  versions,
  evidence,
}));
