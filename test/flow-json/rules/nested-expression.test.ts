import { describe, expect, it } from 'vitest';
import { runRule, summary } from '../helpers.js';

const rule = 'flow-json/nested-expression';

/** One terminal screen with number/string fields, a number input and the given components. */
function flow(children: unknown[], version = '7.3', payload: Record<string, unknown> = {}): any {
  return {
    version,
    screens: [
      {
        id: 'ONLY',
        title: 'Only',
        terminal: true,
        data: { price: { type: 'number', __example__: 10 }, name: { type: 'string', __example__: 'Ana' } },
        layout: {
          type: 'SingleColumnLayout',
          children: [
            { type: 'TextInput', name: 'number', label: 'Number', 'input-type': 'number' },
            ...children,
            { type: 'Footer', label: 'Done', 'on-click-action': { name: 'complete', payload } },
          ],
        },
      },
    ],
  };
}

const details = (f: object) => runRule(rule, f).map((d) => [d.error, d.message, d.path]);

describe(rule, () => {
  it("accepts Meta's nested expressions", () => {
    const ok = flow(
      [
        { type: 'TextBody', text: '`(${form.number} == 42)`', visible: '`(${form.number} == 42)`' },
        { type: 'TextBody', text: ["` 'The sum of ' ${data.price} ' and 2 is ' (${data.price} + 2)`", "`${data.name} ' paid ' ${data.price}`"], markdown: true },
      ],
      '6.0',
      { total: '`${data.price} * 2`' },
    );
    expect(runRule(rule, ok)).toEqual([]);
  });

  it('reports syntax errors with the column in the property value (the opening backtick is column 1)', () => {
    const found = runRule(rule, flow([{ type: 'TextBody', text: 'Right!', visible: '`(${form.number} == 42`' }]));
    expect(found.map((d) => [d.error, d.message, d.path])).toEqual([
      ['INVALID_PROPERTY_VALUE', 'Missing closing parenthesis.', '/screens/0/layout/children/1/visible'],
    ]);
    expect(summary(found)).toEqual(['INVALID_PROPERTY_VALUE@30']);
    expect(details(flow([{ type: 'TextBody', text: '`${data.price} = 1`' }]))).toEqual([
      ['INVALID_PROPERTY_VALUE', "Invalid operator '=' found at column 16.", '/screens/0/layout/children/1/text'],
    ]);
    expect(details(flow([{ type: 'TextBody', text: '`  `' }]))).toEqual([
      ['INVALID_PROPERTY_VALUE', "Expected property 'text' to contain at least one operand.", '/screens/0/layout/children/1/text'],
    ]);
  });

  it("reports Meta's semantic errors: literals on both sides, operators in concatenation, type mismatches", () => {
    expect(details(flow([{ type: 'TextBody', text: '`1 + 2`' }]))).toEqual([
      ['INVALID_PROPERTY_VALUE', 'An operator cannot not have literals on both sides. Found invalid syntax at column 4.', '/screens/0/layout/children/1/text'],
    ]);
    expect(details(flow([{ type: 'TextBody', text: "`'Total ' ${data.price} + 1`" }]))).toEqual([
      ['INVALID_PROPERTY_VALUE', "Wrong positioning of operator '+'. It cannot be used in concatenation with ''Total ''.", '/screens/0/layout/children/1/text'],
    ]);
    expect(details(flow([{ type: 'TextBody', text: 'x', visible: "`${data.price} == '10'`" }]))).toEqual([
      ['INVALID_PROPERTY_VALUE', "Type mismatch in an equality operation between '${data.price}' and ''10'' at column 16.", '/screens/0/layout/children/1/visible'],
    ]);
  });

  it('checks expressions inside action payloads', () => {
    expect(details(flow([], '7.3', { total: '`${data.price} *`' }))).toEqual([
      ['INVALID_PROPERTY_VALUE', "Missing operand after last operator '*'.", '/screens/0/layout/children/1/on-click-action/payload/total'],
    ]);
  });

  it('leaves backtick values alone before 6.0, in name/type, and in If conditions (if-condition)', () => {
    expect(runRule(rule, flow([{ type: 'TextBody', text: '`1 + 2`' }], '5.1'))).toEqual([]);
    expect(runRule(rule, flow([{ type: 'TextInput', name: '`(`', label: 'x' }]))).toEqual([]);
    expect(runRule(rule, flow([{ type: 'If', condition: '`(`', then: [{ type: 'TextBody', text: 'x' }] }]))).toEqual([]);
  });
});
