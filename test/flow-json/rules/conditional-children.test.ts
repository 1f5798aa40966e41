import { describe, expect, it } from 'vitest';
import { baseFlow, runRule } from '../helpers.js';

const rule = 'flow-json/conditional-children';
const footer = () => ({ type: 'Footer', label: 'Send', 'on-click-action': { name: 'complete', payload: {} } });
const text = () => ({ type: 'TextBody', text: 'Hi' });
const chips = () => ({ type: 'ChipsSelector', name: 'c', label: 'C', 'data-source': [{ id: 'a', title: 'A' }, { id: 'b', title: 'B' }] });

function confirm(children: unknown[], version = '7.3'): any {
  const flow = { ...baseFlow(), version };
  flow.screens[1].layout.children = children;
  return flow;
}

describe(rule, () => {
  it('accepts the allowed components, a Footer in a first-level If, and ChipsSelector from 7.1', () => {
    const branch = [text(), { type: 'TextInput', name: 't', label: 'T' }, { type: 'Switch', value: '${data.b}', cases: { x: [text(), footer()] } }];
    expect(runRule(rule, confirm([{ type: 'If', condition: '${data.a}', then: [...branch, footer()], else: [{ type: 'If', condition: '${data.c}', then: [text()] }, footer()] }]))).toEqual([]);
    expect(runRule(rule, confirm([{ type: 'Switch', value: '${data.a}', cases: { x: [chips(), footer()] } }], '7.1'))).toEqual([]);
  });

  it('reports components not allowed in If branches or Switch cases, at the component type', () => {
    const found = runRule(rule, confirm([
      { type: 'If', condition: '${data.a}', then: [{ type: 'Form', name: 'f', children: [] }, { type: 'RichText', text: 'x' }] },
      { type: 'Switch', value: '${data.a}', cases: { x: [{ type: 'If', condition: '${data.a}', then: [text()] }, { type: 'NavigationList', name: 'n', 'list-items': [] }] } },
      footer(),
    ]));
    expect(found.map((d) => [d.error, d.message])).toEqual([
      ['INVALID_PROPERTY_VALUE', 'Invalid value found for property type at $root/screens/1/layout/children/0/then/0.'],
      ['INVALID_PROPERTY_VALUE', 'Invalid value found for property type at $root/screens/1/layout/children/0/then/1.'],
      ['INVALID_PROPERTY_VALUE', 'Invalid value found for property type at $root/screens/1/layout/children/1/cases/x/0.'],
      ['INVALID_PROPERTY_VALUE', 'Invalid value found for property type at $root/screens/1/layout/children/1/cases/x/1.'],
    ]);
    expect(found[0]?.line_start).toBe(53);
  });

  it('reports a Footer in a nested If, and ChipsSelector before 7.1', () => {
    const nested = runRule(rule, confirm([{ type: 'If', condition: '${data.a}', then: [{ type: 'If', condition: '${data.b}', then: [footer()], else: [footer()] }] }]));
    expect(nested.map((d) => d.path)).toEqual(['/screens/1/layout/children/0/then/0/then/0/type', '/screens/1/layout/children/0/then/0/else/0/type']);
    expect(runRule(rule, confirm([{ type: 'If', condition: '${data.a}', then: [chips()] }, footer()], '7.0')).map((d) => d.path)).toEqual([
      '/screens/1/layout/children/0/then/0/type',
    ]);
  });

  it('leaves unknown types to the component schemas', () => {
    expect(runRule(rule, confirm([{ type: 'If', condition: '${data.a}', then: [{ type: 'Carousel' }] }, footer()]))).toEqual([]);
  });
});
