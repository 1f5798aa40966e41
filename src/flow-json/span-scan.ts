import type { ContainerSpan, JsonProblem } from './parse.js';

/**
 * Records the spans of valid JSON text (JSON.parse already accepted it, so nothing is re-validated) and reports
 * duplicate keys. One pass, no values built.
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
  const value = (): ContainerSpan | null => {
    const c = text.charCodeAt(i);
    if (c === 123 || c === 91) return container(c === 123);
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

  const container = (isObject: boolean): ContainerSpan => {
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
        if (keys.includes(key)) {
          problems.push({ kind: 'duplicate-key', message: `Duplicate property '${key}'.`, start: keyStart, end: keyEnd, path: [...path, key] });
        }
        keys.push(key);
        path.push(key);
        skipWs();
        i++; // ':'
        skipWs();
      } else path.push(index);
      const valueStart = i;
      if (!isObject) keyStart = valueStart;
      const child = value();
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
  const root = value() ?? undefined;
  return { root, rootStart, rootEnd: i };
}
