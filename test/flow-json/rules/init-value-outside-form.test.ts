import { describe, expect, it } from 'vitest';
import { baseFlow, runRule } from '../helpers.js';

const rule = 'flow-json/init-value-outside-form';

describe(rule, () => {
  it('accepts init-value and error-message on components outside a Form', () => {
    const flow = baseFlow();
    Object.assign(flow.screens[0].layout.children[0], { 'init-value': 'Ana', 'error-message': 'Wrong' });
    expect(runRule(rule, flow)).toEqual([]);
  });

  it('reports them on components inside a Form, at the key', () => {
    const flow = baseFlow();
    const input = { ...flow.screens[0].layout.children[0], 'init-value': 'Ana', 'error-message': 'Wrong' };
    flow.screens[0].layout.children[0] = { type: 'Form', name: 'form', children: [input] };
    const found = runRule(rule, flow);
    expect(found.map((d) => [d.error, d.message, d.line_start, d.column_start])).toEqual([
      ['INVALID_PROPERTY_KEY', 'Property init-value cannot be specified at TextInput on $root/screens/0/layout/children/0/children/0.', 20, 17],
      ['INVALID_PROPERTY_KEY', 'Property error-message cannot be specified at TextInput on $root/screens/0/layout/children/0/children/0.', 21, 17],
    ]);
  });

  it('leaves versions before 4.0 to the component schemas', () => {
    const flow = { ...baseFlow(), version: '3.1' };
    const input = { ...flow.screens[0].layout.children[0], 'init-value': 'Ana' };
    flow.screens[0].layout.children[0] = { type: 'Form', name: 'form', children: [input] };
    expect(runRule(rule, flow)).toEqual([]);
  });
});
