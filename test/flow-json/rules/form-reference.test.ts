import { describe, expect, it } from 'vitest';
import { baseFlow, runRule, summary } from '../helpers.js';

const rule = 'flow-json/form-reference';

/** One terminal screen: the given components, then a Footer completing with `payload`. */
function screen(children: unknown[], payload: Record<string, unknown> = {}): any {
  return {
    version: '7.3',
    screens: [
      {
        id: 'ONLY',
        title: 'Only',
        terminal: true,
        layout: {
          type: 'SingleColumnLayout',
          children: [...children, { type: 'Footer', label: 'Done', 'on-click-action': { name: 'complete', payload } }],
        },
      },
    ],
  };
}

const details = (flow: object) => runRule(rule, flow).map((d) => [d.error, d.message, d.path]);

describe(rule, () => {
  it('accepts inputs of the screen, inside Form, If and Switch branches', () => {
    expect(runRule(rule, baseFlow())).toEqual([]);
    const flow = screen(
      [
        { type: 'TextInput', name: 'animal', label: 'Animal' },
        {
          type: 'If',
          condition: "${form.animal} == 'cat'",
          then: [{ type: 'TextInput', name: 'cat_name', label: 'Name' }],
          else: [{ type: 'Switch', value: '${form.animal}', cases: { dog: [{ type: 'OptIn', name: 'walks', label: 'Walks' }] } }],
        },
        { type: 'TextBody', text: "`'You chose ' ${form.animal}`" },
      ],
      { cat: '${form.cat_name}', walks: '${form.walks}' },
    );
    expect(runRule(rule, flow)).toEqual([]);
    const inForm = screen([{ type: 'Form', name: 'details', children: [{ type: 'DatePicker', name: 'day', label: 'Day' }] }], { day: '${form.day}' });
    expect(runRule(rule, inForm)).toEqual([]);
  });

  it('reports a missing input in an action payload (INVALID_ON_CLICK_ACTION_PAYLOAD)', () => {
    const found = runRule(rule, screen([{ type: 'TextInput', name: 'first_name', label: 'First name' }], { name: '${form.last_name}' }));
    expect(found.map((d) => [d.error, d.message, d.path])).toEqual([
      ['INVALID_ON_CLICK_ACTION_PAYLOAD', "Missing Form component ${form.last_name} for screen 'ONLY'.", '/screens/0/layout/children/1/on-click-action/payload/name'],
    ]);
    expect(summary(found)).toEqual(['INVALID_ON_CLICK_ACTION_PAYLOAD@22']);
  });

  it('reports a missing input in component properties (INVALID_SCREEN_DYNAMIC_DATA)', () => {
    const found = runRule(rule, screen([{ type: 'TextBody', text: '${form.first_name}', visible: '`${form.agree} == true`' }]));
    expect(found.map((d) => [d.error, d.message, d.path])).toEqual([
      ['INVALID_SCREEN_DYNAMIC_DATA', "Missing Form component ${form.first_name} for screen 'ONLY'.", '/screens/0/layout/children/0/text'],
      ['INVALID_SCREEN_DYNAMIC_DATA', "Missing Form component ${form.agree} for screen 'ONLY'.", '/screens/0/layout/children/0/visible'],
    ]);
    expect(summary(found)).toEqual(['INVALID_SCREEN_DYNAMIC_DATA@13', 'INVALID_SCREEN_DYNAMIC_DATA@14']);
  });

  it('does not see inputs of other screens', () => {
    const flow = baseFlow();
    flow.screens[1].layout.children[1]['on-click-action'].payload = { first_name: '${form.first_name}' };
    expect(details(flow)).toEqual([
      ['INVALID_ON_CLICK_ACTION_PAYLOAD', "Missing Form component ${form.first_name} for screen 'CONFIRM'.", '/screens/1/layout/children/1/on-click-action/payload/first_name'],
    ]);
  });

  it('reports binding the Form itself', () => {
    const flow = screen([{ type: 'Form', name: 'details', children: [{ type: 'TextInput', name: 'first_name', label: 'First name' }] }], { all: '${form.details}' });
    const found = runRule(rule, flow);
    expect(found.map((d) => [d.error, d.message, d.path])).toEqual([
      ['INVALID_PROPERTY_VALUE', "Value of 'Form' component cannot be used in form binding.", '/screens/0/layout/children/1/on-click-action/payload/all'],
    ]);
    expect(summary(found)).toEqual(['INVALID_PROPERTY_VALUE@28']);
  });
});
