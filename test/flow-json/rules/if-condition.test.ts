import { describe, expect, it } from 'vitest';
import { runRule, summary } from '../helpers.js';

const rule = 'flow-json/if-condition';

/** One terminal screen with typed fields, an input `animal` and an If with `condition`. */
function flow(condition: unknown, version = '7.3'): any {
  return {
    version,
    screens: [
      {
        id: 'ONLY',
        title: 'Only',
        terminal: true,
        data: {
          shown: { type: 'boolean', __example__: true },
          name: { type: 'string', __example__: 'Ana' },
          age: { type: 'integer', __example__: 30 },
        },
        layout: {
          type: 'SingleColumnLayout',
          children: [
            { type: 'TextInput', name: 'animal', label: 'Animal' },
            { type: 'If', condition, then: [{ type: 'TextBody', text: 'Yes' }] },
            { type: 'Footer', label: 'Done', 'on-click-action': { name: 'complete', payload: {} } },
          ],
        },
      },
    ],
  };
}

const messages = (condition: unknown, version?: string) => runRule(rule, flow(condition, version)).map((d) => [d.error, d.message]);

describe(rule, () => {
  it("accepts Meta's conditions and boolean expressions of the grammar", () => {
    expect(runRule(rule, flow("(${data.shown} && (${form.animal} == 'cat'))", '4.0'))).toEqual([]);
    expect(runRule(rule, flow("(${screen.ONLY.form.animal} != '')"))).toEqual([]);
    expect(runRule(rule, flow('${data.shown}'))).toEqual([]);
    expect(runRule(rule, flow('!${data.shown} || ${data.age} >= 18 && ${data.age} % 2 == 0'))).toEqual([]);
    expect(runRule(rule, flow('${form.animal}'))).toEqual([]);
    expect(runRule(rule, flow('`${data.shown}`', '6.0'))).toEqual([]);
  });

  it('reports syntax errors with the column in the condition', () => {
    const found = runRule(rule, flow("${form.animal} = 'cat'"));
    expect(found.map((d) => [d.error, d.message, d.path])).toEqual([
      ['INVALID_PROPERTY_VALUE', "Invalid operator '=' found at column 16.", '/screens/0/layout/children/1/condition'],
    ]);
    expect(summary(found)).toEqual(['INVALID_PROPERTY_VALUE@32']);
    expect(messages('')).toEqual([['INVALID_PROPERTY_VALUE', "Expected property 'condition' to contain at least one operand."]]);
    expect(messages("${form.animal} 'cat'")).toEqual([['INVALID_PROPERTY_VALUE', "Missing operator between '${form.animal}' and ''cat''."]]);
  });

  it('reports literal-only, non-boolean and mistyped conditions', () => {
    expect(messages('true')).toEqual([['INVALID_PROPERTY_VALUE', 'The only operand is a literal value. Expected single operand to be a boolean.']]);
    expect(messages("'cat' == 'cat'")).toEqual([['INVALID_PROPERTY_VALUE', 'An operator cannot not have literals on both sides. Found invalid syntax at column 7.']]);
    expect(messages('${data.name}')).toEqual([['INVALID_PROPERTY_VALUE', 'Expected single operand to be a boolean.']]);
    expect(messages('${data.age} + 1')).toEqual([['INVALID_PROPERTY_VALUE', 'Expected single operand to be a boolean.']]);
    expect(messages("${data.age} == '30'")).toEqual([
      ['INVALID_PROPERTY_VALUE', "Type mismatch in an equality operation between '${data.age}' and ''30'' at column 13."],
    ]);
  });

  it('skips versions before If existed and non-string conditions (other families report them)', () => {
    expect(runRule(rule, flow('true', '3.1'))).toEqual([]);
    expect(runRule(rule, flow(true))).toEqual([]);
  });
});
