import type { ErrorType, Finding, Severity } from './diagnostics.js';
import type { FlowModel } from './model.js';
import type { JsonObject } from './values.js';
import type { FlowVersion } from './versions.js';

/** What every rule gets: the document, its version and the shared model. */
export interface RuleContext {
  /** The document's root object. */
  flow: JsonObject;
  /** The declared version, or undefined when missing or malformed (then `atLeast` answers as for the latest). */
  version: FlowVersion | undefined;
  /** True when the declared version is at least `v` (e.g. `ctx.atLeast('6.0')`). */
  atLeast(v: string): boolean;
  /** `data_api_version` is set: an endpoint-powered flow. */
  endpointFlow: boolean;
  model: FlowModel;
}

/**
 * One validation rule: metadata plus a pure check. One rule per file under `rules/`, named by its id
 * (`flow-json/screen-id-unique` lives in `rules/screen-id-unique.ts`), each with its own test.
 */
export interface FlowJsonRule {
  /** Stable id, kebab-case, prefixed `flow-json/`. */
  id: string;
  description: string;
  /** Default `error`. */
  severity?: Severity;
  /** Default `FLOW_JSON_ERROR`. */
  errorType?: ErrorType;
  check(ctx: RuleContext): Finding[];
}

export function defineRule(rule: FlowJsonRule): FlowJsonRule {
  return rule;
}
