import { MAX_JSON_DEPTH, nestedTooDeeply } from './resource-limits.js';
import type { JsonProblem } from './parse.js';
import { IntBuffer, SpanTable } from './span-table.js';

/** Objects with more keys than this find duplicates with a Set rather than a scan of the keys so far. */
const SMALL_OBJECT = 16;

class TooDeep extends Error {
  constructor(readonly at: number) {
    super('too deep');
  }
}

/**
 * Records the spans of valid JSON text (JSON.parse already accepted it, so nothing is re-validated) and reports
 * duplicate keys. One pass, no values built, linear in the text, into a compact SpanTable. Deeper than MAX_JSON_DEPTH it stops and reports
 * a syntax problem at the bracket that goes too deep (the recursion is bounded by that limit). Without
 * `findDuplicates` (the text is known to have none: `duplicate-free.ts`) keys are skipped, not read.
 */
export function scanSpans(text: string, problems: JsonProblem[], findDuplicates = true): { spans: SpanTable | undefined; rootStart: number; rootEnd: number } {
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
  // Members of the containers still open (4 offsets and the child each); moved to the table when theirs closes,
  // so that each container's members end up contiguous.
  const pendingOffsets = new IntBuffer();
  const pendingChild = new IntBuffer();
  const offsets = new IntBuffer();
  const child = new IntBuffer();
  const first = new IntBuffer();
  const count = new IntBuffer();
  const isObjectFlags = new IntBuffer();

  /** Skips one value starting at i; returns its container number, or -1 for a scalar. */
  const value = (depth: number): number => {
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
    return -1;
  };

  const close = (isObject: boolean, members: number): number => {
    first.push(child.length);
    count.push(members);
    isObjectFlags.push(isObject ? 1 : 0);
    offsets.copyFrom(pendingOffsets, pendingOffsets.length - 4 * members, 4 * members);
    child.copyFrom(pendingChild, pendingChild.length - members, members);
    pendingOffsets.truncate(pendingOffsets.length - 4 * members);
    pendingChild.truncate(pendingChild.length - members);
    return first.length - 1;
  };

  const container = (isObject: boolean, depth: number): number => {
    // The keys so far, for duplicates; past a few keys a Set keeps the check linear (100 000 keys took 15 s
    // with a scan of the list).
    const keys: string[] | undefined = isObject && findDuplicates ? [] : undefined;
    let seen: Set<string> | undefined;
    i++;
    skipWs();
    const closing = isObject ? 125 : 93;
    if (text.charCodeAt(i) === closing) {
      i++;
      return close(isObject, 0);
    }
    for (let index = 0; ; index++) {
      skipWs();
      let keyStart = i;
      let keyEnd = i;
      if (isObject && !keys) {
        skipString();
        keyEnd = i;
        path.push('');
        skipWs();
        i++; // ':'
        skipWs();
      } else if (keys) {
        skipString();
        keyEnd = i;
        const key = keyOf(keyStart, keyEnd);
        if (!seen && keys.length >= SMALL_OBJECT) seen = new Set(keys);
        if (seen ? seen.has(key) : keys.includes(key)) {
          problems.push({ kind: 'duplicate-key', message: `Duplicate property '${key}'.`, start: keyStart, end: keyEnd, path: [...path, key] });
        }
        if (seen) seen.add(key);
        else keys.push(key);
        path.push(key);
        skipWs();
        i++; // ':'
        skipWs();
      } else path.push(index);
      const valueStart = i;
      if (!isObject) keyStart = valueStart;
      const inner = value(depth);
      path.pop();
      if (!isObject) keyEnd = i;
      pendingOffsets.push(keyStart);
      pendingOffsets.push(keyEnd);
      pendingOffsets.push(valueStart);
      pendingOffsets.push(i);
      pendingChild.push(inner);
      skipWs();
      if (text.charCodeAt(i) === 44) {
        i++;
        continue;
      }
      i++; // the closing bracket
      return close(isObject, index + 1);
    }
  };

  skipWs();
  const rootStart = i;
  try {
    const root = value(0);
    if (root < 0) return { spans: undefined, rootStart, rootEnd: i };
    const flags = new Uint8Array(isObjectFlags.trimmed());
    const spans = new SpanTable(text, first.trimmed(), count.trimmed(), flags, offsets.trimmed(), child.trimmed(), root);
    return { spans, rootStart, rootEnd: i };
  } catch (e) {
    if (!(e instanceof TooDeep)) throw e;
    problems.length = 0;
    problems.push({ kind: 'syntax', message: nestedTooDeeply(MAX_JSON_DEPTH, 'objects and arrays'), start: e.at, end: e.at + 1 });
    return { spans: undefined, rootStart, rootEnd: text.length };
  }
}
