import { describe, expect, it } from 'vitest';
import { baseFlow, runRule } from '../helpers.js';

const rule = 'flow-json/sensitive-fields';

describe(rule, () => {
  it('accepts names of the screen inputs, also inside a Form or an If, and a binding', () => {
    const flow = baseFlow();
    flow.screens[0].sensitive = ['first_name'];
    expect(runRule(rule, flow)).toEqual([]);
    flow.screens[0].layout.children = [
      { type: 'Form', name: 'form', children: [{ type: 'If', condition: '${data.x}', then: [{ type: 'TextInput', name: 'pin', label: 'PIN' }] }] },
    ];
    flow.screens[0].sensitive = ['pin'];
    expect(runRule(rule, flow)).toEqual([]);
    flow.screens[0].sensitive = '${data.fields}';
    expect(runRule(rule, flow)).toEqual([]);
  });

  it('reports names that match no input on the screen, once per screen', () => {
    const flow = baseFlow();
    flow.screens[0].sensitive = ['first_name', 'password'];
    expect(runRule(rule, flow).map((d) => [d.error, d.message, d.line_start, d.path])).toEqual([
      ['INVALID_SENSITIVE_FIELD', "No component corresponding to the sensitive field 'password' can be found in screen 'ASK'.", 35, '/screens/0/sensitive/1'],
    ]);
    flow.screens[0].sensitive = ['pin', 'first_name', 'ASK'];
    expect(runRule(rule, flow).map((d) => [d.message, d.line_start])).toEqual([
      ["No component corresponding to the sensitive fields 'pin', 'ASK' can be found in screen 'ASK'.", 34],
    ]);
  });

  it('reports a sensitive value that is not an array of strings', () => {
    const flow = baseFlow();
    flow.screens[0].sensitive = 'first_name';
    expect(runRule(rule, flow).map((d) => [d.error, d.message])).toEqual([
      ['INVALID_PROPERTY_TYPE', 'Expected property $root/screens/0/sensitive to be of type array, but found string.'],
    ]);
    flow.screens[0].sensitive = [1];
    expect(runRule(rule, flow).map((d) => d.message)).toEqual(['Expected property $root/screens/0/sensitive/0 to be of type string, but found integer.']);
  });

  it('leaves versions before 5.1 to screen-keys', () => {
    const flow = { ...baseFlow(), version: '5.0' };
    flow.screens[0].sensitive = ['nothing'];
    expect(runRule(rule, flow)).toEqual([]);
  });
});
