import { describe, expect, it } from 'vitest';
import { isDuplicateFreeAndShallow } from '../../src/flow-json/duplicate-free.js';
import { parseJson } from '../../src/flow-json/parse.js';
import { MAX_JSON_DEPTH } from '../../src/flow-json/resource-limits.js';
import { scanSpans } from '../../src/flow-json/span-scan.js';

// Issue 13: valid text skips the position-keeping scan when a key and colon count shows it has no duplicate key and
// no nesting past the limit. A wrong "free" would lose duplicate-key warnings, so every way to fool the count is here.
const check = (text: string) => isDuplicateFreeAndShallow(text, JSON.parse(text));

describe('isDuplicateFreeAndShallow', () => {
  it('accepts text without duplicates, colons in strings and keys included', () => {
    for (const text of [
      '{}',
      '[]',
      '"a:b"',
      '{"a": 1, "b": {"c": [1, {"d": null}]}}',
      '{"url": "https://example.com:8080/x", "t": "10:30"}',
      '{"a:b": {"c::": "::"}}',
      '{"a": "x\\":y"}',
      '{ "a" : 1 , "b"\n:\t2 }',
    ]) {
      expect(check(text), text).toBe(true);
    }
  });

  it('finds a duplicate however it is written', () => {
    for (const text of [
      '{"a": 1, "a": 2}',
      '{"x": {"a": 1, "b": 2, "a": 3}}',
      '[{"a": 1}, {"b": 1, "b": 2}]',
      '{"a": 1, "\\u0061": 2}',
      // A colon written as an escape inside a string would hide one duplicate from the count.
      '{"a": "\\u003a", "b": 1, "b": 2}',
      '{"a": "\\u003A", "b": 1, "b": 2}',
      // A duplicate whose colons are offset by colons in strings.
      '{"k": "x:y", "k": "p"}',
    ]) {
      expect(check(text), text).toBe(false);
    }
  });

  it('answers false past the nesting limit, and true at it', () => {
    const nest = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);
    expect(check(nest(MAX_JSON_DEPTH))).toBe(true);
    expect(check(nest(MAX_JSON_DEPTH + 1))).toBe(false);
    expect(check(`{"a":${'{"b":'.repeat(MAX_JSON_DEPTH)}1${'}'.repeat(MAX_JSON_DEPTH)}}`)).toBe(false);
  });

  it('does not trust for…in when Object.prototype has an enumerable property', () => {
    const proto = Object.prototype as Record<string, unknown>;
    proto.polluted = 1;
    try {
      // The inherited key would make up for the duplicate in the count.
      expect(check('{"a": 1, "a": 2}')).toBe(false);
    } finally {
      delete proto.polluted;
    }
  });
});

describe('parseJson on valid text', () => {
  it('builds spans only when they are read, and they point at the same characters', () => {
    const text = '\ufeff {\n  "screens": [ {"id": "A"} ]\n} \n';
    const parsed = parseJson(text);
    expect(parsed.problems).toEqual([]);
    const scanned = scanSpans(text, []);
    expect([parsed.rootStart, parsed.rootEnd]).toEqual([scanned.rootStart, scanned.rootEnd]);
    expect(text.slice(parsed.rootStart, parsed.rootEnd)).toBe('{\n  "screens": [ {"id": "A"} ]\n}');
    const spans = parsed.spans!;
    expect(spans).toBe(parsed.spans);
    const m = spans.member(spans.childOf(spans.member(spans.root, 'screens')), 0);
    const range = spans.valueRange(m);
    expect(text.slice(range.start, range.end)).toBe('{"id": "A"}');
  });

  it('still reports duplicates found by the count', () => {
    expect(parseJson('{"a": "\\u003a", "b": 1, "b": 2}').problems.map((p) => [p.kind, p.path])).toEqual([['duplicate-key', ['b']]]);
  });
});
