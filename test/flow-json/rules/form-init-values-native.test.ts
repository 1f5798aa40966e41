import { describe, expect, it } from 'vitest';
import { baseFlow, runRule } from '../helpers.js';

const rule = 'flow-json/form-init-values-native';

function withForm(initValues: unknown): any {
  const flow = baseFlow();
  flow.screens[0].layout.children[0] = {
    type: 'Form',
    name: 'form',
    'init-values': initValues,
    children: [
      { type: 'TextInput', name: 'first_name', label: 'First name' },
      { type: 'PhotoPicker', name: 'photo', label: 'Photo' },
      { type: 'DocumentPicker', name: 'doc', label: 'Document' },
    ],
  };
  return flow;
}

describe(rule, () => {
  it('accepts init-values for other inputs, and a binding', () => {
    expect(runRule(rule, withForm({ first_name: 'Ana' }))).toEqual([]);
    expect(runRule(rule, withForm('${data.init}'))).toEqual([]);
  });

  it('reports pickers in init-values once per Form, at the first such key', () => {
    const found = runRule(rule, withForm({ first_name: 'Ana', photo: 'abc', doc: 'efg' }));
    expect(found.map((d) => [d.error, d.message, d.line_start, d.path])).toEqual([
      ['NATIVE_COMPONENT_IN_FORM_INIT_VALUES', "Property 'init-values' should not contain value for components: [PhotoPicker, DocumentPicker].", 16, '/screens/0/layout/children/0/init-values/photo'],
    ]);
    expect(runRule(rule, withForm({ doc: 'efg' })).map((d) => d.message)).toEqual([
      "Property 'init-values' should not contain value for components: [DocumentPicker].",
    ]);
  });
});
