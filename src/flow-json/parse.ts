/**
 * JSON parsing that keeps positions, written for this project so the validator has no runtime dependency.
 *
 * Valid text (the usual case) is parsed by the native `JSON.parse`, then scanned once more by a light scanner
 * that trusts the text's validity and records, for each object and array, the offsets of its keys and values
 * (a tree of spans beside the value) and any duplicate keys. Invalid text goes through a validating parser that
 * reports the exact offset of the first syntax error. 0-based offsets throughout (positions.ts makes lines and
 * columns).
 */
import { parseStrict } from './parse-strict.js';
import { scanSpans } from './span-scan.js';


export type JsonPath = ReadonlyArray<string | number>;

/**
 * Offsets of one object or array. Kept compact because the parser makes one per container: `keys` lists an
 * object's keys in order (undefined for arrays), and `offsets` holds four numbers per member
 * (keyStart, keyEnd, valueStart, valueEnd; for array items the key offsets equal the value offsets).
 */
export interface ContainerSpan {
  start: number;
  end: number;
  keys: string[] | undefined;
  offsets: number[];
  /** The span of each member that is itself an object or array (null for scalars). */
  children: Array<ContainerSpan | null>;
}

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
  /** Spans of the root object or array (undefined for a scalar root or invalid text). */
  root: ContainerSpan | undefined;
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
  const problems: JsonProblem[] = [];
  const scan = scanSpans(text, problems);
  // Nested past MAX_JSON_DEPTH: reported as a syntax problem, and no value, so that no rule walks the document.
  if (problems.some((p) => p.kind === 'syntax')) return { text, value: undefined, problems, root: undefined, rootStart: 0, rootEnd: text.length };
  return { text, value, problems, root: scan.root, rootStart: scan.rootStart, rootEnd: scan.rootEnd };
}

/**
 * The text range of the value (or key) at `path`. Where the path does not exist (a missing property), the range
 * of the closest existing ancestor is returned, as editors and Spectral do.
 */
export function rangeOf(parsed: ParsedJson, path: JsonPath, target: 'value' | 'key' = 'value'): { start: number; end: number } {
  let span = parsed.root;
  let range = { start: parsed.rootStart, end: parsed.rootEnd };
  for (let k = 0; k < path.length; k++) {
    if (!span) return range;
    const seg = path[k]!;
    // The last occurrence of a key is the one the value holds.
    const index = span.keys ? lastIndexOfKey(span, String(seg)) : Number(seg);
    const o = index * 4;
    if (!(index >= 0) || o + 3 >= span.offsets.length) return range;
    const last = k === path.length - 1;
    range = last && target === 'key' ? { start: span.offsets[o]!, end: span.offsets[o + 1]! } : { start: span.offsets[o + 2]!, end: span.offsets[o + 3]! };
    span = span.children[index] ?? undefined;
  }
  return range;
}

/** Objects with more keys than this are looked up through an index, so that many findings stay linear. */
const INDEXED_OBJECT = 32;
const keyIndexes = new WeakMap<ContainerSpan, Map<string, number>>();

function lastIndexOfKey(span: ContainerSpan, key: string): number {
  const keys = span.keys!;
  if (keys.length <= INDEXED_OBJECT) return keys.lastIndexOf(key);
  let index = keyIndexes.get(span);
  if (!index) {
    index = new Map();
    for (let k = 0; k < keys.length; k++) index.set(keys[k]!, k);
    keyIndexes.set(span, index);
  }
  return index.get(key) ?? -1;
}
