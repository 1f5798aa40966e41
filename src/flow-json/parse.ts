/**
 * JSON parsing that keeps positions, written for this project so the validator has no runtime dependency.
 *
 * Valid text (the usual case) is parsed by the native `JSON.parse`; a cheap count (`duplicate-free.ts`) tells
 * whether it may hold duplicate keys or nest too deeply. Only then, or when a finding is reported and needs a
 * position, a light scanner that trusts the text's validity records, for each object and array, the offsets of its
 * keys and values (a tree of spans beside the value) and any duplicate keys (issue 13: building it for every valid
 * flow was half of the validator's time). Invalid text goes through a validating parser that reports the exact offset
 * of the first syntax error. 0-based offsets throughout (positions.ts makes lines and columns).
 */
import { isDuplicateFreeAndShallow } from './duplicate-free.js';
import { parseStrict } from './parse-strict.js';
import { scanSpans } from './span-scan.js';
import type { SpanTable } from './span-table.js';


export type JsonPath = ReadonlyArray<string | number>;

export interface JsonProblem {
  kind: 'syntax' | 'duplicate-key';
  message: string;
  start: number;
  end: number;
  /** Path of the object holding a duplicate key, plus the key. */
  path?: JsonPath;
}

export interface ParsedJson {
  text: string;
  /** The parsed value, or undefined when the text has a syntax error. */
  value: unknown;
  problems: JsonProblem[];
  /**
   * Where the members of every object and array are (undefined for a scalar root or invalid text). For valid text
   * without duplicate keys it is built on first read.
   */
  readonly spans: SpanTable | undefined;
  rootStart: number;
  rootEnd: number;
}

export function parseJson(text: string): ParsedJson {
  let value: unknown;
  try {
    // A UTF-8 byte order mark is not JSON; editors write one. Offsets keep counting it (the span scanner skips it).
    value = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch {
    return parseStrict(text);
  }
  if (isDuplicateFreeAndShallow(text, value)) return new LazySpans(text, value);
  const problems: JsonProblem[] = [];
  const scan = scanSpans(text, problems);
  // Nested past MAX_JSON_DEPTH: reported as a syntax problem, and no value, so that no rule walks the document.
  if (problems.some((p) => p.kind === 'syntax')) return { text, value: undefined, problems, spans: undefined, rootStart: 0, rootEnd: text.length };
  return { text, value, problems, spans: scan.spans, rootStart: scan.rootStart, rootEnd: scan.rootEnd };
}

/** Valid text without duplicate keys or excessive depth: nothing to report, spans scanned when first read. */
class LazySpans implements ParsedJson {
  readonly problems: JsonProblem[] = [];
  readonly rootStart: number;
  readonly rootEnd: number;
  #spans: SpanTable | undefined | null = null;

  constructor(
    readonly text: string,
    readonly value: unknown,
  ) {
    let start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
    while (isWhitespace(text.charCodeAt(start))) start++;
    let end = text.length;
    while (isWhitespace(text.charCodeAt(end - 1))) end--;
    this.rootStart = start;
    this.rootEnd = end;
  }

  get spans(): SpanTable | undefined {
    if (this.#spans === null) this.#spans = typeof this.value === 'object' && this.value !== null ? scanSpans(this.text, [], false).spans : undefined;
    return this.#spans;
  }
}

/** JSON's four whitespace characters (RFC 8259 §2). */
function isWhitespace(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9;
}

/**
 * The text range of the value (or key) at `path`. Where the path does not exist (a missing property), the range
 * of the closest existing ancestor is returned, as editors and Spectral do.
 */
export function rangeOf(parsed: ParsedJson, path: JsonPath, target: 'value' | 'key' = 'value'): { start: number; end: number } {
  const spans = parsed.spans;
  let container = spans ? spans.root : -1;
  let range = { start: parsed.rootStart, end: parsed.rootEnd };
  for (let k = 0; k < path.length; k++) {
    if (!spans || container < 0) return range;
    // The last occurrence of a repeated key is the one the value holds.
    const m = spans.member(container, path[k]!);
    if (m < 0) return range;
    range = k === path.length - 1 && target === 'key' ? spans.keyRange(m) : spans.valueRange(m);
    container = spans.childOf(m);
  }
  return range;
}
