/**
 * A JSON parser that keeps positions. It builds the same value `JSON.parse` would (last duplicate key wins)
 * and, beside it, a side table from each object and array to the offsets of its keys and values, so a
 * diagnostic found on the value can point at the exact characters of the original text. Syntax errors and
 * duplicate keys are reported as problems with their offsets. Written for this project so the validator has
 * no runtime dependency; 0-based offsets throughout (converted to 1-based lines and columns in diagnostics.ts).
 */

export type JsonPath = ReadonlyArray<string | number>;

/** Where one member of an object or array sits in the text. */
export interface MemberSpan {
  /** Start of the key (objects) or of the value (arrays). */
  keyStart: number;
  keyEnd: number;
  valueStart: number;
  valueEnd: number;
}

export interface ContainerSpan {
  start: number;
  end: number;
  /** Object members by key (the last occurrence of a duplicated key), or array items by index. */
  members: Map<string, MemberSpan> | MemberSpan[];
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
  spans: WeakMap<object, ContainerSpan>;
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

export function parseJson(text: string): ParsedJson {
  const spans = new WeakMap<object, ContainerSpan>();
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
    const members = new Map<string, MemberSpan>();
    const span: ContainerSpan = { start: i, end: i, members };
    i++;
    ws();
    if (text.charCodeAt(i) === 125) {
      i++;
      span.end = i;
      spans.set(obj, span);
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
      if (members.has(key)) {
        problems.push({ kind: 'duplicate-key', message: `Duplicate property '${key}'.`, start: keyStart, end: keyEnd, path: [...path, key] });
      }
      members.set(key, { keyStart, keyEnd, valueStart, valueEnd: i });
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
        span.end = i;
        spans.set(obj, span);
        return obj;
      }
      fail(`Unexpected ${describe(i)}, expected ',' or '}'`);
    }
  };

  const parseArray = (depth: number): unknown[] => {
    const arr: unknown[] = [];
    const members: MemberSpan[] = [];
    const span: ContainerSpan = { start: i, end: i, members };
    i++;
    ws();
    if (text.charCodeAt(i) === 93) {
      i++;
      span.end = i;
      spans.set(arr, span);
      return arr;
    }
    for (;;) {
      ws();
      const valueStart = i;
      path.push(arr.length);
      arr.push(parseValue(depth + 1));
      path.pop();
      members.push({ keyStart: valueStart, keyEnd: i, valueStart, valueEnd: i });
      ws();
      const c = text.charCodeAt(i);
      if (c === 44) {
        i++;
        continue;
      }
      if (c === 93) {
        i++;
        span.end = i;
        spans.set(arr, span);
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
    return { text, value, problems, spans, rootStart, rootEnd };
  } catch (e) {
    if (!(e instanceof SyntaxProblem)) throw e;
    const at = Math.min(e.at, n);
    return {
      text,
      value: undefined,
      problems: [{ kind: 'syntax', message: e.message, start: at, end: Math.min(at + 1, n) }],
      spans,
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
  let node: unknown = parsed.value;
  let range = { start: parsed.rootStart, end: parsed.rootEnd };
  for (let k = 0; k < path.length; k++) {
    if (node === null || typeof node !== 'object') return range;
    const span = parsed.spans.get(node);
    if (!span) return range;
    const seg = path[k]!;
    const member = Array.isArray(span.members) ? span.members[Number(seg)] : span.members.get(String(seg));
    if (!member) return range;
    const last = k === path.length - 1;
    range = last && target === 'key' ? { start: member.keyStart, end: member.keyEnd } : { start: member.valueStart, end: member.valueEnd };
    node = (node as Record<string | number, unknown>)[seg as never];
  }
  return range;
}
