import { MAX_JSON_DEPTH, nestedTooDeeply } from './resource-limits.js';
import type { JsonProblem, ParsedJson } from './parse.js';

class SyntaxProblem extends Error {
  constructor(
    message: string,
    readonly at: number,
  ) {
    super(message);
  }
}

/** Parses JSON text: the value, problems (syntax error, duplicate keys) and the spans to locate any path. */

/** The validating parser: used for text JSON.parse rejects, to find where and why. */
export function parseStrict(text: string): ParsedJson {
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
    ws();
    const c = text.charCodeAt(i);
    // The recursion is bounded: a container past MAX_JSON_DEPTH is a problem at its bracket (resource-limits.ts).
    if ((c === 123 || c === 91) && depth >= MAX_JSON_DEPTH) fail(nestedTooDeeply(MAX_JSON_DEPTH, 'objects and arrays'));
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
    return { text, value, problems, spans: undefined, rootStart, rootEnd };
  } catch (e) {
    if (!(e instanceof SyntaxProblem)) throw e;
    const at = Math.min(e.at, n);
    return {
      text,
      value: undefined,
      problems: [{ kind: 'syntax', message: e.message, start: at, end: Math.min(at + 1, n) }],
      spans: undefined,
      rootStart: 0,
      rootEnd: n,
    };
  }
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
