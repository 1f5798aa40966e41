import { describe, expect, it } from 'vitest';
import { baseFlow, runRule } from '../helpers.js';

const rule = 'flow-json/switch-cases-not-empty';
const text = () => ({ type: 'TextBody', text: 'Hi' });

function withSwitch(component: Record<string, unknown>): any {
  const flow = baseFlow();
  flow.screens[1].layout.children.unshift({ type: 'Switch', ...component });
  return flow;
}

describe(rule, () => {
  it('accepts a map with cases, an empty case array included', () => {
    expect(runRule(rule, withSwitch({ value: '${data.a}', cases: { x: [text()], y: [] } }))).toEqual([]);
  });

  it('reports an empty cases map at the map', () => {
    const found = runRule(rule, withSwitch({ value: '${data.a}', cases: {} }));
    expect(found.map((d) => [d.error, d.message, d.line_start, d.path])).toEqual([
      ['INVALID_PROPERTY_VALUE', 'Invalid empty property found at: "$root/screens/1/layout/children/0/cases".', 51, '/screens/1/layout/children/0/cases'],
    ]);
  });

  it('leaves missing or mistyped cases to the component schemas', () => {
    expect(runRule(rule, withSwitch({ value: '${data.a}' }))).toEqual([]);
    expect(runRule(rule, withSwitch({ value: '${data.a}', cases: [] }))).toEqual([]);
  });
});
