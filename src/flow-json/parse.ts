/**
 * JSON parsing that keeps positions, written for this project so the validator has no runtime dependency.
 *
 * Valid text (the usual case) is parsed by the native `JSON.parse`, then scanned once more by a light scanner
 * that trusts the text's validity and records, for each object and array, the offsets of its keys and values
 * (a tree of spans beside the value) and any duplicate keys. Invalid text goes through a validating parser that
 * reports the exact offset of the first syntax error. 0-based offsets throughout (positions.ts makes lines and
 * columns).
 */

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

class SyntaxProblem extends Error {
  constructor(
    message: string,
    readonly at: number,
  ) {
    super(message);
  }
}

/** Parses JSON text: the value, problems (syntax error, duplicate keys) and the spans to locate any path. */
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
  return { text, value, problems, root: scan.root, rootStart: scan.rootStart, rootEnd: scan.rootEnd };
}

/** The validating parser: used for text JSON.parse rejects, to find where and why. */
function parseStrict(text: string): ParsedJson {
  const problems: JsonProblem[] = [];
  const n = text.length;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const path: Array<string | number> = [];

  const describe = (at: number) => (at >= n ? 'end of input' : `character ${JSON.stringify(text[at])}`);
  const fail = (message: string, at = i): never => {
    throw new SyntaxProblem(message, at);
  };
  const ws = () => {
    for (;;) {
      const c = text.charCodeAt(i);
      if (c === 32 || c === 10 || c === 13 || c === 9) i++;
      else return;
    }
  };

  const parseString = (): string => {
    const start = i;
    i++; // opening quote
    // Fast path: no escape before the closing quote.
    for (let j = i; j < n; j++) {
      const c = text.charCodeAt(j);
      if (c === 34) {
        const value = text.slice(i, j);
        i = j + 1;
        return value;
      }
      if (c === 92 || c < 32) break;
    }
    let chunkStart = i;
    let out = '';
    for (;;) {
      if (i >= n) fail('Unterminated string', start);
      const c = text.charCodeAt(i);
      if (c === 34) {
        out += text.slice(chunkStart, i);
        i++;
        return out;
      }
      if (c === 92) {
        out += text.slice(chunkStart, i);
        const e = text[i + 1];
        switch (e) {
          case '"': out += '"'; break;
          case '\\': out += '\\'; break;
          case '/': out += '/'; break;
          case 'b': out += '\b'; break;
          case 'f': out += '\f'; break;
          case 'n': out += '\n'; break;
          case 'r': out += '\r'; break;
          case 't': out += '\t'; break;
          case 'u': {
            const hex = text.slice(i + 2, i + 6);
            if (!/^[0-9a-fA-F]{4}$/.test(hex)) fail('Invalid \\u escape in string');
            out += String.fromCharCode(parseInt(hex, 16));
            i += 4;
            break;
          }
          default:
            fail('Invalid escape in string');
        }
        i += 2;
        chunkStart = i;
      } else if (c < 32) {
        fail('Control character in string (escape it, e.g. \\n)');
      } else i++;
    }
  };

  const parseNumber = (): number => {
    const start = i;
    if (text.charCodeAt(i) === 45) i++;
    const first = text.charCodeAt(i);
    if (first === 48) i++;
    else if (first >= 49 && first <= 57) while (isDigit(text.charCodeAt(i))) i++;
    else fail(`Unexpected ${describe(i)}`, i);
    if (text.charCodeAt(i) === 46) {
      i++;
      if (!isDigit(text.charCodeAt(i))) fail('Expected a digit after the decimal point');
      while (isDigit(text.charCodeAt(i))) i++;
    }
    const e = text.charCodeAt(i);
    if (e === 101 || e === 69) {
      i++;
      const s = text.charCodeAt(i);
      if (s === 43 || s === 45) i++;
      if (!isDigit(text.charCodeAt(i))) fail('Expected a digit in the exponent');
      while (isDigit(text.charCodeAt(i))) i++;
    }
    return Number(text.slice(start, i));
  };

  const literal = (word: string, value: unknown) => {
    if (text.startsWith(word, i)) {
      i += word.length;
      return value;
    }
    return fail(`Unexpected ${describe(i)}, expected a value`);
  };

  const parseValue = (depth: number): unknown => {
    if (depth > 1000) fail('Nesting too deep');
    ws();
    const c = text.charCodeAt(i);
    if (c === 123) return parseObject(depth);
    if (c === 91) return parseArray(depth);
    if (c === 34) return parseString();
    if (c === 116) return literal('true', true);
    if (c === 102) return literal('false', false);
    if (c === 110) return literal('null', null);
    if (c === 45 || isDigit(c)) return parseNumber();
    return fail(`Unexpected ${describe(i)}, expected a value`);
  };

  const parseObject = (depth: number): Record<string, unknown> => {
    const obj: Record<string, unknown> = {};
    i++;
    ws();
    if (text.charCodeAt(i) === 125) {
      i++;
      return obj;
    }
    for (;;) {
      ws();
      if (text.charCodeAt(i) !== 34) fail(`Unexpected ${describe(i)}, expected a property name in double quotes`);
      const keyStart = i;
      const key = parseString();
      const keyEnd = i;
      ws();
      if (text.charCodeAt(i) !== 58) fail(`Unexpected ${describe(i)}, expected ':'`);
      i++;
      ws();
      const valueStart = i;
      path.push(key);
      const value = parseValue(depth + 1);
      path.pop();
      if (Object.prototype.hasOwnProperty.call(obj, key)) {
        problems.push({ kind: 'duplicate-key', message: `Duplicate property '${key}'.`, start: keyStart, end: keyEnd, path: [...path, key] });
      }
      void valueStart;
      // Own property even for "__proto__", as JSON.parse does.
      if (key === '__proto__') Object.defineProperty(obj, key, { value, enumerable: true, configurable: true, writable: true });
      else obj[key] = value;
      ws();
      const c = text.charCodeAt(i);
      if (c === 44) {
        i++;
        continue;
      }
      if (c === 125) {
        i++;
        return obj;
      }
      fail(`Unexpected ${describe(i)}, expected ',' or '}'`);
    }
  };

  const parseArray = (depth: number): unknown[] => {
    const arr: unknown[] = [];
    i++;
    ws();
    if (text.charCodeAt(i) === 93) {
      i++;
      return arr;
    }
    for (;;) {
      ws();
      path.push(arr.length);
      arr.push(parseValue(depth + 1));
      path.pop();
      ws();
      const c = text.charCodeAt(i);
      if (c === 44) {
        i++;
        continue;
      }
      if (c === 93) {
        i++;
        return arr;
      }
      fail(`Unexpected ${describe(i)}, expected ',' or ']'`);
    }
  };

  try {
    ws();
    const rootStart = i;
    const value = parseValue(0);
    const rootEnd = i;
    ws();
    if (i < n) fail(`Unexpected ${describe(i)} after the end of the JSON value`);
    return { text, value, problems, root: undefined, rootStart, rootEnd };
  } catch (e) {
    if (!(e instanceof SyntaxProblem)) throw e;
    const at = Math.min(e.at, n);
    return {
      text,
      value: undefined,
      problems: [{ kind: 'syntax', message: e.message, start: at, end: Math.min(at + 1, n) }],
      root: undefined,
      rootStart: 0,
      rootEnd: n,
    };
  }
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
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
    const index = span.keys ? span.keys.lastIndexOf(String(seg)) : Number(seg);
    const o = index * 4;
    if (!(index >= 0) || o + 3 >= span.offsets.length) return range;
    const last = k === path.length - 1;
    range = last && target === 'key' ? { start: span.offsets[o]!, end: span.offsets[o + 1]! } : { start: span.offsets[o + 2]!, end: span.offsets[o + 3]! };
    span = span.children[index] ?? undefined;
  }
  return range;
}

/**
 * Records the spans of valid JSON text (JSON.parse already accepted it, so nothing is re-validated) and reports
 * duplicate keys. One pass, no values built.
 */
function scanSpans(text: string, problems: JsonProblem[]): { root: ContainerSpan | undefined; rootStart: number; rootEnd: number } {
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
