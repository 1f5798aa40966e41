import { toPointer, type FlowJsonDiagnostic, type Finding } from './diagnostics.js';
import { buildModel } from './model.js';
import { isObject, jsonType } from './values.js';
import { parseJson, rangeOf, type ParsedJson } from './parse.js';
import { LineIndex } from './positions.js';
import type { FlowJsonRule, RuleContext } from './rule.js';
import { ALL_RULES } from './rules/index.js';
import { LATEST_VERSION, compareVersions, parseVersion } from './versions.js';

export interface ValidateOptions {
  /** Run only these rules (objects, or ids like `flow-json/screen-id-unique`). Default: every rule. */
  rules?: ReadonlyArray<FlowJsonRule | string>;
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
  const text = typeof input === 'string' ? input : JSON.stringify(input, null, 2);
  if (typeof text !== 'string') throw new TypeError('validateFlowJson expects JSON text or a JSON-serialisable object.');
  const parsed = parseJson(text);
  let lines: LineIndex | undefined; // built on the first diagnostic: a valid document never needs it
  const out: FlowJsonDiagnostic[] = [];
  const emit = (d: Omit<FlowJsonDiagnostic, 'line_start' | 'line_end' | 'column_start' | 'column_end'>) => {
    lines ??= new LineIndex(text);
    const s = lines.position(d.offset);
    const e = lines.position(d.offset + d.length);
    out.push({ ...d, line_start: s.line, column_start: s.column, line_end: e.line, column_end: e.column });
  };

  for (const p of parsed.problems) {
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
      emit({
        error: 'DUPLICATE_PROPERTY_KEY',
        error_type: 'JSON_SCHEMA_ERROR',
        message: `Property '${String(p.path?.at(-1))}' is specified more than once in the same object; only the last one would count.`,
        path: toPointer(p.path ?? []),
        severity: 'error',
        rule: 'flow-json/duplicate-key',
        offset: p.start,
        length: p.end - p.start,
      });
    }
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
      for (const rule of selectRules(options.rules)) {
        for (const finding of rule.check(contextFor(parsed.value))) emit(toDiagnostic(finding, rule, parsed));
      }
    }
  }

  out.sort((a, b) => a.offset - b.offset || a.rule.localeCompare(b.rule));
  const errors = out.filter((d) => d.severity === 'error');
  return { valid: errors.length === 0, errors, warnings: out.filter((d) => d.severity !== 'error') };
}

const contextCache = new WeakMap<object, RuleContext>();

function contextFor(flow: Record<string, unknown>): RuleContext {
  const cached = contextCache.get(flow);
  if (cached) return cached;
  const version = parseVersion(flow.version);
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

function selectRules(wanted: ValidateOptions['rules']): readonly FlowJsonRule[] {
  if (!wanted) return ALL_RULES;
  return wanted.map((r) => {
    if (typeof r !== 'string') return r;
    const found = ALL_RULES.find((x) => x.id === r);
    if (!found) throw new TypeError(`Unknown rule id ${JSON.stringify(r)}.`);
    return found;
  });
}

function toDiagnostic(f: Finding, rule: FlowJsonRule, parsed: ParsedJson): Omit<FlowJsonDiagnostic, 'line_start' | 'line_end' | 'column_start' | 'column_end'> {
  const range = rangeOf(parsed, f.path, f.target ?? 'value');
  return {
    error: f.code,
    error_type: f.errorType ?? rule.errorType ?? 'FLOW_JSON_ERROR',
    message: f.message,
    path: toPointer(f.path),
    severity: f.severity ?? rule.severity ?? 'error',
    rule: rule.id,
    offset: range.start,
    length: range.end - range.start,
  };
}
