import { describe, expect, it } from 'vitest';
import { baseFlow, runRule } from '../helpers.js';

const rule = 'flow-json/components-outside-form';

describe(rule, () => {
  it('accepts screens without Form, and screens whose inputs are all in the Form', () => {
    expect(runRule(rule, baseFlow())).toEqual([]);
    const flow = baseFlow();
    const [input, footer] = flow.screens[0].layout.children;
    flow.screens[0].layout.children = [{ type: 'TextHeading', text: 'Hi' }, { type: 'Form', name: 'form', children: [input] }, footer];
    expect(runRule(rule, flow)).toEqual([]);
  });

  it('reports one input outside the Form with the singular message', () => {
    const flow = baseFlow();
    flow.screens[0].layout.children.push({ type: 'Form', name: 'form', children: [{ type: 'TextArea', name: 'more', label: 'More' }] });
    expect(runRule(rule, flow).map((d) => [d.error, d.message, d.line_start, d.path])).toEqual([
      ['COMPONENTS_OUTSIDE_FORM', "Component 'TextInput' is not allowed outside Form when Form component is present.", 11, '/screens/0/layout/children/0'],
    ]);
  });

  it('lists several types with the plural message, inputs in If branches included', () => {
    const flow = baseFlow();
    flow.screens[0].layout.children.push(
      { type: 'If', condition: '${form.first_name} != \'\'', then: [{ type: 'DatePicker', name: 'when', label: 'When' }, { type: 'TextInput', name: 'again', label: 'Again' }] },
      { type: 'Form', name: 'form', children: [] },
    );
    expect(runRule(rule, flow).map((d) => [d.message, d.line_start])).toEqual([
      ["Components 'TextInput', 'DatePicker' are not allowed outside Form when Form component is present.", 11],
    ]);
  });

  it('does not apply before 4.0 (inputs-inside-form does)', () => {
    const flow = { ...baseFlow(), version: '3.1' };
    flow.screens[0].layout.children.push({ type: 'Form', name: 'form', children: [] });
    expect(runRule(rule, flow)).toEqual([]);
  });
});
