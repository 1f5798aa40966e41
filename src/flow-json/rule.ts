import type { ErrorType, Finding, Severity } from './diagnostics.js';
import type { FlowModel } from './model.js';
import type { RuleId } from './rule-ids.js';
import type { JsonObject } from './values.js';
import { compareVersions, type FlowVersion } from '../platform/versions.js';

/** What every rule gets: the document, its version and the shared model. */
export interface RuleContext {
  /** The document's root object. */
  flow: JsonObject;
  /**
   * The declared version. Built-in rules only run on a version Meta knows (see `versions`); a rule run directly on a
   * document without one sees undefined, and `atLeast` then answers as for the latest.
   */
  version: FlowVersion | undefined;
  /** True when the declared version is at least `v` (e.g. `ctx.atLeast('6.0')`). */
  atLeast(v: string): boolean;
  /** `data_api_version` is set: an endpoint-powered flow. */
  endpointFlow: boolean;
  model: FlowModel;
}

/**
 * The Flow JSON versions a rule applies to:
 * - `'all'`: every version Meta knows (the rule does not run when `version` is missing, malformed or unknown: Meta
 *   then answers with one version error and checks nothing else, Meta: what WhatsApp accepts in published flows (observed));
 * - `{ from, before }`: known versions from `from` (inclusive) and before `before` (exclusive), either optional;
 * - `'always'`: runs whatever the version (only the `version` rule itself).
 */
export type RuleVersions = 'all' | 'always' | { from?: string; before?: string };

/**
 * One validation rule: metadata plus a pure check. One rule per file under `rules/<family>/`, named by its id
 * (`flow-json/screen-id-unique` lives in `rules/screens/screen-id-unique.ts`), each with its own test.
 */
export interface FlowJsonRule<Id extends string = RuleId> {
  /** Stable id, kebab-case, prefixed `flow-json/`. */
  id: Id;
  description: string;
  /**
   * Default severity of its findings (a finding may set its own, e.g. a warning for a frozen version): `error` when
   * Meta rejects it at upload or publish (a catalogued code of Meta: Flows error codes, Flow JSON validation errors or a documented hard rule),
   * `warning` when Meta documents it but accepts it. `validateFlowJson`'s `rules` option overrides it.
   */
  severity: Severity;
  /** The versions the rule runs on. */
  versions: RuleVersions;
  /** Where the rule comes from: a reference section (`Meta: Flow JSON reference, Routing model`) or a public URL. */
  evidence: string;
  /** Default `FLOW_JSON_ERROR`. */
  errorType?: ErrorType;
  /**
   * The findings: an array, or a generator for a rule that may find very many (a dense routing model has half a
   * million backward routes): `validateFlowJson` lists at most MAX_FINDINGS_PER_RULE (`resource-limits.ts`) and
   * only counts the rest, so a generator never holds them all.
   */
  check(ctx: RuleContext): Iterable<Finding>;
}

/** Declares a rule (built-in rules use a {@link RuleId}; custom rules passed to `only` may use any id). */
export function defineRule<const Id extends string = RuleId>(rule: FlowJsonRule<Id>): FlowJsonRule<Id> {
  return rule;
}

/** Whether a rule runs on a document of this version (undefined: missing, malformed or unknown). */
export function appliesTo(versions: RuleVersions, version: FlowVersion | undefined): boolean {
  if (versions === 'always') return true;
  if (version === undefined) return false;
  if (versions === 'all') return true;
  if (versions.from !== undefined && compareVersions(version, versions.from) < 0) return false;
  if (versions.before !== undefined && compareVersions(version, versions.before) >= 0) return false;
  return true;
}
