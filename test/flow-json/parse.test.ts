import { describe, expect, it } from 'vitest';
import { parseJson, rangeOf } from '../../src/flow-json/parse.js';
import { validateFlowJson } from '../../src/flow-json/validate.js';

describe('parseJson', () => {
  it('builds the same value as JSON.parse', () => {
    const samples = ['{}', '[]', '{"a":[1,2.5,-3e2,true,false,null,"x\\n\\u00e9\\"y"],"b":{"c":{}}}', ' "s" ', '0', '{"__proto__":1}'];
    for (const s of samples) expect(parseJson(s).value).toEqual(JSON.parse(s));
    expect(Object.keys(parseJson('{"__proto__":1}').value as object)).toEqual(['__proto__']);
  });

  it('reports the exact position of a syntax error', () => {
    for (const [text, at] of [
      ['{"a": }', 6],
      ['{"a": 1,}', 8],
      ['[1 2]', 3],
      ['{"a": "x', 6],
      ['{"a": tru}', 6],
      ['{} x', 3],
      ['', 0],
    ] as const) {
      const p = parseJson(text);
      expect(p.value).toBeUndefined();
      expect(p.problems[0]!.start, text).toBe(at);
    }
  });

  it('reports duplicate keys and keeps the last value', () => {
    const p = parseJson('{"a": 1, "a": 2}');
    expect(p.value).toEqual({ a: 2 });
    expect(p.problems).toEqual([{ kind: 'duplicate-key', message: "Duplicate property 'a'.", start: 9, end: 12, path: ['a'] }]);
  });

  it('finds ranges for values and keys, falling back to the closest ancestor', () => {
    const text = '{\n  "screens": [\n    {"id": "A"}\n  ]\n}';
    const p = parseJson(text);
    const slice = (r: { start: number; end: number }) => text.slice(r.start, r.end);
    expect(slice(rangeOf(p, ['screens', 0, 'id']))).toBe('"A"');
    expect(slice(rangeOf(p, ['screens', 0, 'id'], 'key'))).toBe('"id"');
    expect(slice(rangeOf(p, ['screens', 0, 'title']))).toBe('{"id": "A"}');
  });
});

describe('validateFlowJson on broken text', () => {
  it('gives one error at the syntax error, 1-based', () => {
    const r = validateFlowJson('{\n  "version": "7.3",\n  "screens": [,]\n}');
    expect(r.valid).toBe(false);
    expect(r.errors.map((e) => [e.error, e.line_start, e.column_start])).toEqual([['INVALID_FLOW_JSON', 3, 15]]);
    expect(r.errors[0]!.message).toMatch(/^Flow JSON is not valid\. Unexpected character ","/);
  });

  // Not in Meta's catalogue (flows-platform §2.12); parsers keep the last value (RFC 8259 §4): a warning.
  it('warns about duplicate keys (no §2.12 code: the last one counts)', () => {
    const r = validateFlowJson('{\n  "version": "7.3",\n  "version": "7.3",\n  "screens": []\n}', { only: [] });
    expect(r.errors).toEqual([]);
    expect(r.warnings.map((e) => [e.error, e.severity, e.line_start, e.column_start, e.path])).toEqual([['DUPLICATE_PROPERTY_KEY', 'warning', 3, 3, '/version']]);
  });
});

describe('parseJson spans on valid text', () => {
  it('locates keys with escapes, duplicates and nested values', () => {
    const text = '{"a\\"b": {"x": [10, {"y": "\\\\"}]}, "c": 1, "c": 2}';
    const p = parseJson(text);
    expect(p.value).toEqual(JSON.parse(text));
    const slice = (r: { start: number; end: number }) => text.slice(r.start, r.end);
    expect(slice(rangeOf(p, ['a"b', 'x', 1, 'y']))).toBe('"\\\\"');
    expect(slice(rangeOf(p, ['a"b'], 'key'))).toBe('"a\\"b"');
    expect(slice(rangeOf(p, ['c']))).toBe('2');
    expect(p.problems.map((x) => [x.kind, x.path])).toEqual([['duplicate-key', ['c']]]);
  });
});

describe('a UTF-8 byte order mark', () => {
  it('is accepted and positions still point at the right characters', () => {
    const text = '\ufeff{\n  "version": "7",\n  "screens": []\n}';
    const r = validateFlowJson(text);
    const version = r.errors.find((e) => e.error === 'INVALID_FLOW_JSON_VERSION')!;
    expect([version.line_start, version.column_start]).toEqual([2, 14]);
    expect(text.slice(version.offset, version.offset + version.length)).toBe('"7"');
  });
});
