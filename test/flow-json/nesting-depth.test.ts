import { describe, expect, it } from 'vitest';
import { parseExpression } from '../../src/flow-json/expressions/expression-parser.js';
import { MAX_EXPRESSION_DEPTH, MAX_EXPRESSION_TOKENS, MAX_JSON_DEPTH } from '../../src/flow-json/resource-limits.js';
import { defineRule } from '../../src/flow-json/rule.js';
import { validateFlowJson, type ValidationResult } from '../../src/flow-json/validate.js';
import { evaluateCondition, evaluateNested } from '../../src/simulator/evaluate.js';
import { SimulatorFlowError } from '../../src/simulator/errors.js';

// Issue 10, finding 3: a few KB of nesting threw a bare RangeError out of validateFlowJson (so the CLI reported no
// file, the emulator answered 500 and uploadFlowJson({ validate: true }) threw). Now: a diagnostic, never a throw.

const nest = (depth: number, open: string, inner: string, close: string) => open.repeat(depth) + inner + close.repeat(depth);
const flow = (data: string, children: string) =>
  `{"version":"7.3","screens":[{"id":"A","terminal":true,"title":"t","data":${data},"layout":{"type":"SingleColumnLayout","children":${children}}}]}`;
const withChild = (child: string) => flow('{}', `[${child},{"type":"Footer","label":"x","on-click-action":{"name":"complete","payload":{}}}]`);
const textBody = (text: string) => withChild(JSON.stringify({ type: 'TextBody', text }));

const all = (r: ValidationResult) => [...r.errors, ...r.warnings];
const tooDeep = (r: ValidationResult) => all(r).filter((d) => /nested too deeply/i.test(d.message));

describe('JSON nested past the limit', () => {
  const shapes: Array<[string, string]> = [
    ['arrays, 4 000 deep (8 KB)', nest(4000, '[', '', ']')],
    ['objects, 4 000 deep', `{"version":"7.3","screens":[],"x":${nest(4000, '{"a":', '1', '}')}}`],
    ['arrays and objects mixed, 100 000 deep', nest(50_000, '{"a":[', '1', ']}')],
    ['unterminated arrays, 4 000 deep (the validating parser)', '['.repeat(4000)],
    ['unterminated objects, 4 000 deep', '{"a":'.repeat(4000)],
    ['If components nested in the layout', withChild(nest(2000, '{"type":"If","condition":"true","then":[', '{"type":"TextBody","text":"x"}', ']}'))],
    ['a deep action payload', withChild(`{"type":"Footer","label":"x","on-click-action":{"name":"complete","payload":{"p":${nest(3000, '{"a":', '"x"', '}')}}}}`)],
    ['a deep data model', flow(`{"x":${nest(2000, '{"type":"object","properties":{"a":', '{"type":"string"}', '}}')}}`, '[]')],
  ];
  for (const [name, text] of shapes) {
    it(`is one "nested too deeply" error, not an exception: ${name}`, () => {
      const r = validateFlowJson(text);
      expect(r.valid).toBe(false);
      expect(r.errors).toHaveLength(1);
      expect(r.errors[0]).toMatchObject({ error: 'INVALID_FLOW_JSON', error_type: 'JSON_SCHEMA_ERROR', rule: 'flow-json/json-syntax', line_start: 1 });
      expect(r.errors[0]!.message).toBe(`Flow JSON is not valid. Nested too deeply: more than ${MAX_JSON_DEPTH} levels of objects and arrays; flatten the structure.`);
    });
  }

  it('points at the bracket that opens level 513', () => {
    for (const text of [nest(600, '[', '', ']'), '['.repeat(600)]) {
      const [e] = validateFlowJson(text).errors;
      expect(e!.offset).toBe(MAX_JSON_DEPTH);
      expect(e!.column_start).toBe(MAX_JSON_DEPTH + 1);
    }
  });

  it('accepts exactly 512 levels and refuses 513', () => {
    const at = (depth: number) => `{"version":"7.3","screens":[],"x":${nest(depth - 1, '[', '1', ']')}}`;
    expect(tooDeep(validateFlowJson(at(MAX_JSON_DEPTH)))).toEqual([]);
    expect(tooDeep(validateFlowJson(at(MAX_JSON_DEPTH + 1)))).toHaveLength(1);
  });

  it('reports an object too deep to serialise instead of throwing', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = { a: deep };
    const r = validateFlowJson({ version: '7.3', screens: [], deep });
    expect(r.errors.map((e) => e.error)).toEqual(['INVALID_FLOW_JSON']);
    expect(r.errors[0]!.message).toMatch(/Nested too deeply/);
  });
});

describe('documents just under the limit', () => {
  // Every recursive walk of the built-in rules stays within the JSON depth limit (none needs a guard).
  const D = MAX_JSON_DEPTH - 12;
  const shapes: Array<[string, string]> = [
    ['If components', withChild(nest(D / 2, '{"type":"If","condition":"true","then":[', '{"type":"TextBody","text":"x"}', ']}'))],
    ['Forms in Forms', withChild(nest(D / 4, '{"type":"Form","name":"f","children":[{"a":[', '1', ']}]}'))],
    ['an action payload', withChild(`{"type":"Footer","label":"x","on-click-action":{"name":"complete","payload":{"p":${nest(D, '{"a":', '"x"', '}')}}}}`)],
    ['data model objects', flow(`{"x":${nest(D / 2, '{"type":"object","properties":{"a":', '{"type":"string"}', '}}')}}`, '[{"type":"TextBody","text":"x"}]')],
    ['data model arrays and their example', flow(`{"x":{"type":"array","items":${nest(D / 2, '{"type":"array","items":', '{"type":"string"}', '}')},"__example__":${nest(D, '[', '1', ']')}}}`, '[{"type":"TextBody","text":"x"}]')],
    ['an example object', flow(`{"x":{"type":"object","__example__":${nest(D, '{"a":', '"x"', '}')}}}`, '[{"type":"TextBody","text":"x"}]')],
  ];
  for (const [name, text] of shapes) {
    it(`validates without a depth diagnostic: ${name}`, () => {
      const r = validateFlowJson(text);
      expect(tooDeep(r)).toEqual([]);
      expect(all(r).filter((d) => d.message.includes('could not be checked'))).toEqual([]);
    });
  }
});

describe('expressions nested past the limit', () => {
  it('1 000 nested parentheses (2 KB) are an error at the column, not a RangeError', () => {
    const r = validateFlowJson(textBody('`' + nest(1000, '(', '1', ')') + '`'));
    const [e] = tooDeep(r);
    expect(e).toMatchObject({ error: 'INVALID_PROPERTY_VALUE', rule: 'flow-json/nested-expression', path: '/screens/0/layout/children/0/text' });
    expect(e!.message).toContain(`more than ${MAX_EXPRESSION_DEPTH} levels`);
    expect(e!.message).toContain(`at column ${MAX_EXPRESSION_DEPTH + 2}`);
  });

  it('deep If conditions, long chains of operators and of ! are errors too', () => {
    const texts = [
      withChild(JSON.stringify({ type: 'If', condition: nest(3000, '(', 'true', ')'), then: [{ type: 'TextBody', text: 'x' }] })),
      textBody('`' + '!'.repeat(5000) + 'true`'),
      textBody('`1' + ' + 1'.repeat(3000) + '`'),
      textBody('`' + "'a' == ".repeat(3000) + "'a'`"),
    ];
    for (const text of texts) expect(tooDeep(validateFlowJson(text)), text.slice(0, 120)).toHaveLength(1);
  });

  it('an expression at the limit parses; one level more does not', () => {
    expect(parseExpression(nest(MAX_EXPRESSION_DEPTH - 1, '(', '1', ')')).ok).toBe(true);
    const r = parseExpression(nest(MAX_EXPRESSION_DEPTH, '(', '1', ')'));
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error.message).toMatch(/Nested too deeply/);
  });

  it('an expression of more than 10 000 tokens is refused before it is tokenised further', () => {
    const r = parseExpression('${data.a} '.repeat(MAX_EXPRESSION_TOKENS + 1));
    expect(!r.ok && r.error.message).toMatch(/^Expression too long/);
    expect(parseExpression("'a' ".repeat(MAX_EXPRESSION_TOKENS)).ok).toBe(true);
  });

  it('deep backtick nesting is a syntax error, not an exception', () => {
    for (const text of ['`'.repeat(2001), '`' + '`('.repeat(1000) + '`', '`' + "'`".repeat(1000) + '`']) {
      const r = validateFlowJson(textBody(text));
      expect(r.valid).toBe(false);
    }
  });

  it("the simulator's evaluator answers SimulatorFlowError, not RangeError", () => {
    const lookup = () => undefined;
    expect(() => evaluateNested('`' + nest(1000, '(', '1', ')') + '`', lookup)).toThrow(SimulatorFlowError);
    expect(() => evaluateCondition('!'.repeat(10_000) + 'true', lookup)).toThrow(SimulatorFlowError);
    expect(() => evaluateNested('`1' + ' + 1'.repeat(3000) + '`', lookup)).toThrow(/Nested too deeply/);
    expect(evaluateNested('`' + nest(MAX_EXPRESSION_DEPTH - 2, '(', '1 + 1', ')') + '`', lookup)).toBe(2);
  });
});

describe('a custom rule that overflows the stack', () => {
  it('becomes an error diagnostic of that rule instead of an exception', () => {
    const runaway = (n: number): number => runaway(n + 1) + 1;
    const rule = defineRule<'my/runaway'>({ id: 'my/runaway', description: 'recurses', severity: 'warning', versions: 'always', evidence: 'test', check: () => [{ code: 'X', message: String(runaway(0)), path: [] }] });
    const r = validateFlowJson('{"version":"7.3","screens":[]}', { only: [rule] });
    expect(r.errors.map((e) => [e.rule, e.error])).toEqual([['my/runaway', 'INVALID_FLOW_JSON']]);
    expect(r.errors[0]!.message).toMatch(/could not be checked by my\/runaway: it is nested too deeply/);
  });
});

describe('fuzz: random nesting never throws', () => {
  // A small deterministic generator (mulberry32), so a failure can be replayed from its seed.
  const random = (seed: number) => () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pieces = ['[', ']', '{"a":', '}', '(', ')', '`', '!', '${data.a}', ' + ', "'x'", ',', '1', '"', '{"type":"If","condition":"', '"then":['];

  it('on 300 random documents of deep, unbalanced nesting', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const next = random(seed);
      const depth = Math.floor(next() * 3000);
      const parts: string[] = [];
      for (let i = 0; i < depth; i++) parts.push(pieces[Math.floor(next() * pieces.length)]!);
      const body = parts.join('');
      const documents = [body, `{"version":"7.3","screens":[],"x":${body}}`, textBody('`' + body + '`'), withChild(`{"type":"If","condition":${JSON.stringify(body)},"then":[{"type":"TextBody","text":"x"}]}`)];
      for (const text of documents) {
        let result: ValidationResult | undefined;
        expect(() => (result = validateFlowJson(text)), `seed ${seed}`).not.toThrow();
        expect(result).toBeDefined();
      }
    }
  });
});
