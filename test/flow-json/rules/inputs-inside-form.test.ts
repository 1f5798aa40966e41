import { describe, expect, it } from 'vitest';
import { baseFlow, runRule, summary } from '../helpers.js';

const rule = 'flow-json/inputs-inside-form';

/** The base flow at 3.1, its input wrapped in a Form. */
function v31(): any {
  const flow = { ...baseFlow(), version: '3.1' };
  flow.screens[0].layout.children = [{ type: 'Form', name: 'form', children: flow.screens[0].layout.children }];
  return flow;
}

describe(rule, () => {
  it('accepts inputs inside a Form before 4.0, text and Footer outside', () => {
    expect(runRule(rule, v31())).toEqual([]);
    const flow = v31();
    flow.screens[0].layout.children.unshift({ type: 'TextHeading', text: 'Hi' });
    expect(runRule(rule, flow)).toEqual([]);
  });

  it('reports each input outside a Form before 4.0', () => {
    const flow = { ...baseFlow(), version: '2.1' };
    flow.screens[0].layout.children.push({ type: 'OptIn', name: 'ok', label: 'OK' });
    const found = runRule(rule, flow);
    expect(found.map((d) => [d.error, d.message, d.line_start, d.path])).toEqual([
      ['KEYWORD_ONE_OF', "Property 'TextInput' must be defined inside parent property 'Form'.", 11, '/screens/0/layout/children/0'],
      ['KEYWORD_ONE_OF', "Property 'OptIn' must be defined inside parent property 'Form'.", 31, '/screens/0/layout/children/2'],
    ]);
  });

  it('does not apply from 4.0, where Forms are optional', () => {
    expect(summary(runRule(rule, baseFlow()))).toEqual([]);
    expect(runRule(rule, { ...baseFlow(), version: '4.0' })).toEqual([]);
  });
});
