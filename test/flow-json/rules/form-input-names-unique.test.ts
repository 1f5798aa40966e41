import { describe, expect, it } from 'vitest';
import { baseFlow, runRule } from '../helpers.js';

const rule = 'flow-json/form-input-names-unique';
const input = (name: string) => ({ type: 'TextInput', name, label: name });

describe(rule, () => {
  it('accepts distinct names, and the same name in different Forms or screens', () => {
    const flow = baseFlow();
    flow.screens[1].layout.children.unshift(input('first_name'));
    expect(runRule(rule, flow)).toEqual([]);
    const forms = baseFlow();
    forms.screens[0].layout.children = [{ type: 'Form', name: 'a', children: [input('x')] }, { type: 'Form', name: 'b', children: [input('x')] }];
    expect(runRule(rule, forms)).toEqual([]);
  });

  it('reports repeated names at each repeat', () => {
    const flow = baseFlow();
    flow.screens[0].layout.children.push(input('first_name'), input('first_name'));
    expect(runRule(rule, flow).map((d) => [d.error, d.message, d.line_start, d.path])).toEqual([
      ['DUPLICATE_FORM_COMPONENT_NAMES', 'Duplicate name found for Form components: first_name.', 33, '/screens/0/layout/children/2/name'],
      ['DUPLICATE_FORM_COMPONENT_NAMES', 'Duplicate name found for Form components: first_name.', 38, '/screens/0/layout/children/3/name'],
    ]);
  });

  it('counts every If and Switch branch, alternatives included', () => {
    const flow = baseFlow();
    flow.screens[0].layout.children = [
      { type: 'Form', name: 'form', children: [{ type: 'If', condition: '${data.a}', then: [input('name')], else: [input('name')] }, { type: 'Switch', value: '${data.b}', cases: { one: [input('name')] } }] },
    ];
    expect(runRule(rule, flow).map((d) => [d.message, d.path])).toEqual([
      ['Duplicate name found for Form components: name.', '/screens/0/layout/children/0/children/0/else/0/name'],
      ['Duplicate name found for Form components: name.', '/screens/0/layout/children/0/children/1/cases/one/0/name'],
    ]);
  });
});
