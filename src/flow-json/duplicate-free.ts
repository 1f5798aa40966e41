import { MAX_JSON_DEPTH } from './resource-limits.js';

/**
 * Whether text that `JSON.parse` accepted is free of duplicate keys and nests at most MAX_JSON_DEPTH levels, decided
 * without locating anything (issue 13: locating every value up front was half of the validator's time on valid
 * flows). Used by `parse.ts` only: when this answers false, the position-keeping scanner (`span-scan.ts`) runs at
 * once and reports each duplicate and the bracket that goes too deep; when true, positions are built only if a
 * finding is reported.
 *
 * Why counting is exact: every key in the text is followed by exactly one colon outside strings, and no other colon
 * is outside a string, so colons(text) = keys(text) + colons inside the text's strings. `JSON.parse` keeps one
 * property per distinct key of an object, so keys(value) <= keys(text), equal only without duplicates, and the
 * strings of the value are a subset of those of the text. When no colon is written as a `\u003a` escape, each colon of
 * a parsed string is a colon of the text, so colons(text) = keys(value) + colons(value's strings) holds exactly when
 * no key repeats. Duplicates are reported as warnings (validate.ts, RFC 8259 §4).
 */
export function isDuplicateFreeAndShallow(text: string, value: unknown): boolean {
  // An enumerable property on Object.prototype would be counted by `for…in` in every object.
  for (const _ in EMPTY) return false;
  const keys = countKeys(value, 0);
  if (keys < 0) return false;
  const colons = countColons(text);
  if (colons === keys) return true;
  if (text.includes('\\u003a') || text.includes('\\u003A')) return false;
  return colons === keys + colonsInStrings(value);
}

const EMPTY = {};

/** Own keys of every object in a parsed value, or -1 past MAX_JSON_DEPTH levels. */
function countKeys(value: unknown, depth: number): number {
  if (typeof value !== 'object' || value === null) return 0;
  if (depth >= MAX_JSON_DEPTH) return -1;
  let n = 0;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      if (typeof item !== 'object' || item === null) continue;
      const inner = countKeys(item, depth + 1);
      if (inner < 0) return -1;
      n += inner;
    }
    return n;
  }
  const object = value as Record<string, unknown>;
  for (const key in object) {
    n++;
    const item = object[key];
    if (typeof item !== 'object' || item === null) continue;
    const inner = countKeys(item, depth + 1);
    if (inner < 0) return -1;
    n += inner;
  }
  return n;
}

function countColons(text: string): number {
  let n = 0;
  for (let i = text.indexOf(':'); i >= 0; i = text.indexOf(':', i + 1)) n++;
  return n;
}

/** Colons inside the keys and string values of a parsed value (already known to be shallow). */
function colonsInStrings(value: unknown): number {
  if (typeof value === 'string') return countColons(value);
  if (typeof value !== 'object' || value === null) return 0;
  let n = 0;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) n += colonsInStrings(value[i]);
    return n;
  }
  const object = value as Record<string, unknown>;
  for (const key in object) n += countColons(key) + colonsInStrings(object[key]);
  return n;
}
