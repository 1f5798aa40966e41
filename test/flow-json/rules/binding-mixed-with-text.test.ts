import { describe, expect, it } from 'vitest';
import { baseFlow, runRule, summary } from '../helpers.js';

const rule = 'flow-json/binding-mixed-with-text';

/** One terminal screen with a `name` string field and the given components. */
function flow(children: unknown[], version = '7.3', title = 'Only'): any {
  return {
    version,
    screens: [
      {
        id: 'ONLY',
        title,
        terminal: true,
        data: { name: { type: 'string', __example__: 'Ana' } },
        layout: {
          type: 'SingleColumnLayout',
          children: [...children, { type: 'Footer', label: 'Done', 'on-click-action': { name: 'complete', payload: { who: 'Name: ${data.name}' } } }],
        },
      },
    ],
  };
}

describe(rule, () => {
  it('accepts static text, single bindings, nested expressions (≥ 6.0) and If conditions', () => {
    expect(runRule(rule, baseFlow())).toEqual([]);
    const ok = flow(
      [
        { type: 'TextBody', text: '${data.name}' },
        { type: 'TextBody', text: "`'Hello ' ${data.name}`" },
        { type: 'TextBody', text: ['Static', '${data.name}'], markdown: true },
        { type: 'If', condition: "${data.name} == 'Ana'", then: [{ type: 'TextBody', text: 'Hi Ana' }] },
      ],
      '6.0',
      '${data.name}',
    );
    expect(runRule(rule, ok)).toEqual([]);
  });

  it('reports static text mixed with a binding, in components and titles', () => {
    const found = runRule(rule, flow([{ type: 'TextBody', text: ['Line', 'Hello ${data.name}!'], markdown: true }], '7.3', 'Hi ${data.name}'));
    expect(found.map((d) => [d.error, d.message, d.path])).toEqual([
      ['INVALID_PROPERTY_VALUE', 'Invalid value found for property title at $root/screens/0/title.', '/screens/0/title'],
      ['INVALID_PROPERTY_VALUE', 'Invalid value found for property text at $root/screens/0/layout/children/0/text/1.', '/screens/0/layout/children/0/text/1'],
    ]);
    expect(summary(found)).toEqual(['INVALID_PROPERTY_VALUE@6', 'INVALID_PROPERTY_VALUE@21']);
    expect(summary(runRule(rule, flow([{ type: 'TextBody', text: '${data.name}${data.name}' }])))).toEqual(['INVALID_PROPERTY_VALUE@19']);
  });

  it('reads backticks as text before 6.0, and in name and type', () => {
    const old = runRule(rule, flow([{ type: 'TextBody', text: "`'Hello ' ${data.name}`" }], '5.1'));
    expect(old.map((d) => d.path)).toEqual(['/screens/0/layout/children/0/text']);
    expect(runRule(rule, flow([{ type: 'TextBody', text: '`plain text`' }], '5.1'))).toEqual([]);
    const name = runRule(rule, flow([{ type: 'TextInput', name: '`${data.name}`', label: 'Name' }]));
    expect(name.map((d) => d.path)).toEqual(['/screens/0/layout/children/0/name']);
  });
});
