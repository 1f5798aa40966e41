import type { JsonPath } from './parse.js';

export type Severity = 'error' | 'warning';

/** Meta's `error_type` values, plus one for text that is not JSON. */
export type ErrorType = 'FLOW_JSON_ERROR' | 'JSON_SCHEMA_ERROR';

/**
 * One validation problem, in the shape of Meta's `validation_errors` items (so local and remote errors read the
 * same), plus `path`, `severity`, `rule` and raw offsets. Lines and columns are 1-based; `line_end`/`column_end`
 * point just after the last character of the range (an exclusive end, as editors use).
 */
export interface FlowJsonDiagnostic {
  /** Meta's error code, e.g. `INVALID_PROPERTY_VALUE` (or `DUPLICATE_PROPERTY_KEY`, an SDK code Meta's catalogue lacks). */
  error: string;
  error_type: ErrorType;
  /** Meta's wording, placeholders filled. */
  message: string;
  line_start: number;
  line_end: number;
  column_start: number;
  column_end: number;
  /** JSON pointer of the offending value (or key), e.g. `/screens/0/layout/children/2/label`. */
  path: string;
  severity: Severity;
  /** Stable rule id, e.g. `flow-json/screen-id-unique`. */
  rule: string;
  /** 0-based offsets in the text. */
  offset: number;
  length: number;
}

/** What a rule reports; the engine turns it into a diagnostic with positions. */
export interface Finding {
  code: string;
  message: string;
  path: JsonPath;
  /** Point at the property name instead of its value (unknown or misplaced properties). */
  target?: 'value' | 'key';
  severity?: Severity;
  errorType?: ErrorType;
}

/** `['screens', 0, 'id']` → `/screens/0/id` (RFC 6901). */
export function toPointer(path: JsonPath): string {
  return path.map((s) => '/' + String(s).replace(/~/g, '~0').replace(/\//g, '~1')).join('');
}

/** `['screens', 0, 'layout']` → `$root/screens/0/layout`, the path format in Meta's messages. */
export function metaPath(path: JsonPath): string {
  return ['$root', ...path.map(String)].join('/');
}
