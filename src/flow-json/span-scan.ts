import { MAX_JSON_DEPTH, nestedTooDeeply } from './resource-limits.js';
import type { ContainerSpan, JsonProblem } from './parse.js';

/** Objects with more keys than this find duplicates with a Set rather than a scan of the keys so far. */
const SMALL_OBJECT = 16;

class TooDeep extends Error {
  constructor(readonly at: number) {
    super('too deep');
  }
}

/**
 * Records the spans of valid JSON text (JSON.parse already accepted it, so nothing is re-validated) and reports
 * duplicate keys. One pass, no values built, linear in the text. Deeper than MAX_JSON_DEPTH it stops and reports
 * a syntax problem at the bracket that goes too deep (the recursion is bounded by that limit).
 */
export function scanSpans(text: string, problems: JsonProblem[]): { root: ContainerSpan | undefined; rootStart: number; rootEnd: number } {
  const n = text.length;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const skipWs = () => {
    for (;;) {
      const c = text.charCodeAt(i);
      if (c === 32 || c === 10 || c === 13 || c === 9) i++;
      else return;
    }
  };
  /** From an opening quote to just after the closing one. */
  const skipString = () => {
    let j = i + 1;
    for (;;) {
      const q = text.indexOf('"', j);
      let b = q - 1;
      while (text.charCodeAt(b) === 92) b--;
      if ((q - 1 - b) % 2 === 0) {
        i = q + 1;
        return;
      }
      j = q + 1;
    }
  };
  const keyOf = (start: number, end: number) => {
    const raw = text.slice(start + 1, end - 1);
    return raw.includes('\\') ? (JSON.parse(text.slice(start, end)) as string) : raw;
  };
  const path: Array<string | number> = [];

  /** Skips one value starting at i; returns the span when it is a container. */
  const value = (depth: number): ContainerSpan | null => {
    const c = text.charCodeAt(i);
    if (c === 123 || c === 91) {
      if (depth >= MAX_JSON_DEPTH) throw new TooDeep(i);
      return container(c === 123, depth + 1);
    }
    if (c === 34) skipString();
    else {
      // number, true, false, null: up to the next delimiter
      for (;;) {
        const d = text.charCodeAt(i);
        if (d === 44 || d === 125 || d === 93 || d === 32 || d === 10 || d === 13 || d === 9 || i >= n) break;
        i++;
      }
    }
    return null;
  };

  const container = (isObject: boolean, depth: number): ContainerSpan => {
    // Past a few keys, a Set keeps the duplicate check linear (100 000 keys took 15 s with a scan of the list).
    let seen: Set<string> | undefined;
    const span: ContainerSpan = { start: i, end: i, keys: isObject ? [] : undefined, offsets: [], children: [] };
    i++;
    skipWs();
    const close = isObject ? 125 : 93;
    if (text.charCodeAt(i) === close) {
      i++;
      span.end = i;
      return span;
    }
    for (let index = 0; ; index++) {
      skipWs();
      let keyStart = i;
      let keyEnd = i;
      if (isObject) {
        skipString();
        keyEnd = i;
        const key = keyOf(keyStart, keyEnd);
        const keys = span.keys!;
        if (!seen && keys.length >= SMALL_OBJECT) seen = new Set(keys);
        if (seen ? seen.has(key) : keys.includes(key)) {
          problems.push({ kind: 'duplicate-key', message: `Duplicate property '${key}'.`, start: keyStart, end: keyEnd, path: [...path, key] });
        }
        keys.push(key);
        seen?.add(key);
        path.push(key);
        skipWs();
        i++; // ':'
        skipWs();
      } else path.push(index);
      const valueStart = i;
      if (!isObject) keyStart = valueStart;
      const child = value(depth);
      path.pop();
      if (!isObject) keyEnd = i;
      span.offsets.push(keyStart, keyEnd, valueStart, i);
      span.children.push(child);
      skipWs();
      if (text.charCodeAt(i) === 44) {
        i++;
        continue;
      }
      i++; // the closing bracket
      span.end = i;
      return span;
    }
  };

  skipWs();
  const rootStart = i;
  try {
    const root = value(0) ?? undefined;
    return { root, rootStart, rootEnd: i };
  } catch (e) {
    if (!(e instanceof TooDeep)) throw e;
    problems.length = 0;
    problems.push({ kind: 'syntax', message: nestedTooDeeply(MAX_JSON_DEPTH, 'objects and arrays'), start: e.at, end: e.at + 1 });
    return { root: undefined, rootStart, rootEnd: text.length };
  }
}
