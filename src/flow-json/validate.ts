import { InvalidArgumentError } from '../core/errors.js';
import { toPointer, type FlowJsonDiagnostic, type Finding } from './diagnostics.js';
import { buildModel } from './model.js';
import { isObject, jsonType } from './values.js';
import { MAX_FINDINGS_PER_RULE, MAX_JSON_DEPTH, nestedTooDeeply } from './resource-limits.js';
import { parseJson, rangeOf, type ParsedJson } from './parse.js';
import { LineIndex } from './positions.js';
import { appliesTo, type FlowJsonRule, type RuleContext } from './rule.js';
import { ALL_RULES } from './rules/index.js';
import { LATEST_VERSION, compareVersions, isKnownVersion, parseVersion } from '../platform/versions.js';
import { resolveRuleLevels, type RuleLevel, type RuleLevels } from './rule-levels.js';

export interface ValidateOptions {
  /**
   * Severity overrides by rule id: `'off'` (do not run), `'warning'` or `'error'` (every finding of the rule gets that
   * severity). For example `{ 'flow-json/component-max-limits': 'error' }`. An unknown id throws InvalidArgumentError.
   */
  rules?: RuleLevels;
  /** Run only these rules (objects, custom ones included, or built-in ids). Default: every rule. */
  only?: ReadonlyArray<FlowJsonRule<string> | string>;
}

export interface ValidationResult {
  /** No error-severity diagnostic. */
  valid: boolean;
  /** Error-severity diagnostics, in text order. */
  errors: FlowJsonDiagnostic[];
  /** Warning-severity diagnostics, in text order. */
  warnings: FlowJsonDiagnostic[];
}

/**
 * Validates Flow JSON locally, reporting what Meta would reject in the shape of Meta's `validation_errors`.
 * Pass the JSON text when you have it: positions then point into it. An object is serialised with two-space
 * indentation first (the same text `uploadFlowJson` sends for an object), and positions refer to that text.
 */
export function validateFlowJson(input: string | object, options: ValidateOptions = {}): ValidationResult {
  const serialised = typeof input === 'string' ? input : stringify(input);
  if (serialised === TOO_DEEP) return tooDeepObject();
  if (typeof serialised !== 'string') throw new InvalidArgumentError('validateFlowJson expects JSON text or a JSON-serialisable object.');
  const text = serialised;
  const parsed = parseJson(text);
  let lines: LineIndex | undefined; // built on the first diagnostic: a valid document never needs it
  const out: FlowJsonDiagnostic[] = [];
  const emit = (d: Omit<FlowJsonDiagnostic, 'line_start' | 'line_end' | 'column_start' | 'column_end'>) => {
    lines ??= new LineIndex(text);
    const s = lines.position(d.offset);
    const e = lines.position(d.offset + d.length);
    out.push({ ...d, line_start: s.line, column_start: s.column, line_end: e.line, column_end: e.column });
  };

  let duplicates = 0;
  for (const p of parsed.problems) {
    if (p.kind === 'duplicate-key' && ++duplicates > MAX_FINDINGS_PER_RULE) continue;
    if (p.kind === 'syntax') {
      emit({
        error: 'INVALID_FLOW_JSON',
        error_type: 'JSON_SCHEMA_ERROR',
        message: `Flow JSON is not valid. ${p.message}.`,
        path: '',
        severity: 'error',
        rule: 'flow-json/json-syntax',
        offset: p.start,
        length: p.end - p.start,
      });
    } else {
      // A warning: Meta's catalogue (flows-platform §2.12) has no duplicate-key error, and JSON parsers keep the last
      // value (RFC 8259 §4: names SHOULD be unique); the earlier value is silently lost.
      emit({
        error: 'DUPLICATE_PROPERTY_KEY',
        error_type: 'JSON_SCHEMA_ERROR',
        message: `Property '${String(p.path?.at(-1))}' is specified more than once in the same object; only the last one counts, the earlier value is ignored.`,
        path: toPointer(p.path ?? []),
        severity: 'warning',
        rule: 'flow-json/duplicate-key',
        offset: p.start,
        length: p.end - p.start,
      });
    }
  }
  if (duplicates > MAX_FINDINGS_PER_RULE) {
    const first = parsed.problems.filter((p) => p.kind === 'duplicate-key')[MAX_FINDINGS_PER_RULE]!;
    const more = duplicates - MAX_FINDINGS_PER_RULE;
    emit({
      error: 'DUPLICATE_PROPERTY_KEY',
      error_type: 'JSON_SCHEMA_ERROR',
      message: `${more} more duplicate propert${more === 1 ? 'y' : 'ies'} not listed (at most ${MAX_FINDINGS_PER_RULE} per rule); only the last of each counts.`,
      path: toPointer(first.path ?? []),
      severity: 'warning',
      rule: 'flow-json/duplicate-key',
      offset: first.start,
      length: first.end - first.start,
    });
  }

  if (parsed.value !== undefined) {
    if (!isObject(parsed.value)) {
      emit({
        error: 'INVALID_PROPERTY_TYPE',
        error_type: 'JSON_SCHEMA_ERROR',
        message: `Expected property $root to be of type object, but found ${jsonType(parsed.value)}.`,
        path: '',
        severity: 'error',
        rule: 'flow-json/root-object',
        offset: parsed.rootStart,
        length: parsed.rootEnd - parsed.rootStart,
      });
    } else {
      const ctx = contextFor(parsed.value);
      const levels = resolveRuleLevels(options.rules);
      for (const rule of selectRules(options.only)) {
        const level = levels?.get(rule.id);
        if (level === 'off' || !appliesTo(rule.versions, ctx.version)) continue;
        try {
          let listed = 0;
          let firstLeftOut: Finding | undefined;
          let more = 0;
          let moreErrors = false;
          for (const finding of rule.check(ctx)) {
            if (listed < MAX_FINDINGS_PER_RULE) {
              listed++;
              emit(toDiagnostic(finding, rule, parsed, level));
              continue;
            }
            firstLeftOut ??= finding;
            more++;
            moreErrors ||= (finding.severity ?? rule.severity) === 'error';
          }
          if (firstLeftOut) emit(leftOut(firstLeftOut, more, level ?? (moreErrors ? 'error' : 'warning'), rule, parsed));
        } catch (e) {
          // A last guard, so that validation never throws (issue 10, finding 3): the parsers bound the nesting
          // (resource-limits.ts) and the built-in rules stay far within it, but a custom rule may recurse deeper.
          if (!(e instanceof RangeError)) throw e;
          emit({
            error: 'INVALID_FLOW_JSON',
            error_type: 'JSON_SCHEMA_ERROR',
            message: `Flow JSON could not be checked by ${rule.id}: it is nested too deeply for it (${e.message}).`,
            path: '',
            severity: 'error',
            rule: rule.id,
            offset: 0,
            length: 0,
          });
        }
      }
    }
  }

  out.sort((a, b) => a.offset - b.offset || a.rule.localeCompare(b.rule));
  const errors = out.filter((d) => d.severity === 'error');
  return { valid: errors.length === 0, errors, warnings: out.filter((d) => d.severity !== 'error') };
}

const TOO_DEEP = Symbol('too deep');

/** An object as the text `uploadFlowJson` sends; an object nested too deeply for `JSON.stringify` is reported. */
function stringify(input: object): string | undefined | typeof TOO_DEEP {
  try {
    return JSON.stringify(input, null, 2) as string | undefined;
  } catch (e) {
    if (e instanceof RangeError) return TOO_DEEP;
    throw new InvalidArgumentError(`validateFlowJson cannot serialise the object: ${(e as Error).message}. Pass JSON text or a plain JSON object (no cycles, no BigInt).`);
  }
}

/** The result for an object too deep to serialise: the same diagnostic as for text nested past the limit. */
function tooDeepObject(): ValidationResult {
  const error: FlowJsonDiagnostic = {
    error: 'INVALID_FLOW_JSON',
    error_type: 'JSON_SCHEMA_ERROR',
    message: `Flow JSON is not valid. ${nestedTooDeeply(MAX_JSON_DEPTH, 'objects and arrays')}.`,
    path: '',
    severity: 'error',
    rule: 'flow-json/json-syntax',
    offset: 0,
    length: 0,
    line_start: 1,
    column_start: 1,
    line_end: 1,
    column_end: 1,
  };
  return { valid: false, errors: [error], warnings: [] };
}

const contextCache = new WeakMap<object, RuleContext>();

function contextFor(flow: Record<string, unknown>): RuleContext {
  const cached = contextCache.get(flow);
  if (cached) return cached;
  // Rules see only a version Meta knows: without one, only the version rule runs (flows-platform §6.5).
  const version = typeof flow.version === 'string' && isKnownVersion(flow.version) ? parseVersion(flow.version) : undefined;
  const effective = version ?? parseVersion(LATEST_VERSION)!;
  const answers = new Map<string, boolean>();
  const ctx: RuleContext = {
    flow,
    version,
    atLeast: (v) => {
      let answer = answers.get(v);
      if (answer === undefined) answers.set(v, (answer = compareVersions(effective, v) >= 0));
      return answer;
    },
    endpointFlow: flow.data_api_version !== undefined,
    model: buildModel(flow),
  };
  contextCache.set(flow, ctx);
  return ctx;
}

function selectRules(wanted: ValidateOptions['only']): readonly FlowJsonRule<string>[] {
  if (!wanted) return ALL_RULES;
  return wanted.map((r) => {
    if (typeof r !== 'string') return r;
    const found = ALL_RULES.find((x) => x.id === r);
    if (!found) throw new InvalidArgumentError(`Unknown rule id ${JSON.stringify(r)} in 'only'. Known ids: see ruleMetadata (e.g. flow-json/screen-id-unique).`);
    return found;
  });
}

function toDiagnostic(
  f: Finding,
  rule: FlowJsonRule<string>,
  parsed: ParsedJson,
  level: Exclude<RuleLevel, 'off'> | undefined,
): Omit<FlowJsonDiagnostic, 'line_start' | 'line_end' | 'column_start' | 'column_end'> {
  const range = rangeOf(parsed, f.path, f.target ?? 'value');
  return {
    error: f.code,
    error_type: f.errorType ?? rule.errorType ?? 'FLOW_JSON_ERROR',
    message: f.message,
    path: toPointer(f.path),
    severity: level ?? f.severity ?? rule.severity,
    rule: rule.id,
    offset: range.start,
    length: range.end - range.start,
  };
}

/** One diagnostic for the findings past MAX_FINDINGS_PER_RULE, at the first one left out, as severe as the worst. */
function leftOut(
  first: Finding,
  more: number,
  severity: Exclude<RuleLevel, 'off'>,
  rule: FlowJsonRule<string>,
  parsed: ParsedJson,
): Omit<FlowJsonDiagnostic, 'line_start' | 'line_end' | 'column_start' | 'column_end'> {
  const at = toDiagnostic(first, rule, parsed, severity);
  return {
    ...at,
    message: `${more} more finding${more === 1 ? '' : 's'} of ${rule.id} not listed (at most ${MAX_FINDINGS_PER_RULE} per rule), the first of them: ${at.message}`,
  };
}
