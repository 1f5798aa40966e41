import { describe, expect, it } from 'vitest';
import { baseFlow, runRule } from '../helpers.js';

const rule = 'flow-json/form-init-values-types';
const options = [{ id: 'a', title: 'A' }, { id: 'b', title: 'B' }];

function withForm(initValues: Record<string, unknown>, version = '7.0'): any {
  const flow = { ...baseFlow(), version };
  flow.screens[0].layout.children[0] = {
    type: 'Form',
    name: 'form',
    'init-values': initValues,
    children: [
      { type: 'TextInput', name: 'first_name', label: 'First name' },
      { type: 'CheckboxGroup', name: 'picks', label: 'Picks', 'data-source': options },
      { type: 'Dropdown', name: 'pick', label: 'Pick', 'data-source': options },
      { type: 'OptIn', name: 'ok', label: 'OK' },
    ],
  };
  return flow;
}

describe(rule, () => {
  it('accepts values of the expected types, bindings, and unchecked inputs', () => {
    expect(runRule(rule, withForm({ first_name: 'Ana', picks: ['a', 'b'], pick: 'a', ok: true }))).toEqual([]);
    expect(runRule(rule, withForm({ picks: '${data.picks}', pick: '${data.pick}' }))).toEqual([]);
  });

  it('reports values of the wrong type from 7.0', () => {
    const found = runRule(rule, withForm({ first_name: 3, picks: 'a', pick: ['a'] }));
    expect(found.map((d) => [d.error, d.message, d.line_start])).toEqual([
      ['INVALID_PROPERTY_TYPE', 'Expected property $root/screens/0/layout/children/0/init-values/first_name to be of type string, but found integer.', 15],
      ['INVALID_PROPERTY_TYPE', 'Expected property $root/screens/0/layout/children/0/init-values/picks to be of type array, but found string.', 16],
      ['INVALID_PROPERTY_TYPE', 'Expected property $root/screens/0/layout/children/0/init-values/pick to be of type string, but found array.', 17],
    ]);
    expect(runRule(rule, withForm({ picks: ['a', 2] })).map((d) => d.message)).toEqual([
      'Expected property $root/screens/0/layout/children/0/init-values/picks/1 to be of type string, but found integer.',
    ]);
  });

  it('does not check before 7.0', () => {
    expect(runRule(rule, withForm({ picks: 'a' }, '6.3'))).toEqual([]);
  });
});
