import { describe, expect, it } from 'vitest';
import { baseFlow, runRule } from '../helpers.js';

const rule = 'flow-json/if-then-not-empty';
const text = () => ({ type: 'TextBody', text: 'Hi' });

function withIf(component: Record<string, unknown>, version = '7.3'): any {
  const flow = { ...baseFlow(), version };
  flow.screens[1].layout.children.unshift({ type: 'If', ...component });
  return flow;
}

describe(rule, () => {
  it('accepts a non-empty then, with or without else (an empty else included)', () => {
    expect(runRule(rule, withIf({ condition: '${data.a}', then: [text()] }))).toEqual([]);
    expect(runRule(rule, withIf({ condition: '${data.a}', then: [text()], else: [] }))).toEqual([]);
  });

  it('reports an empty then at the then array', () => {
    const found = runRule(rule, withIf({ condition: '${data.a}', then: [] }));
    expect(found.map((d) => [d.error, d.message, d.line_start, d.path])).toEqual([
      ['INVALID_PROPERTY_VALUE', 'Expected array to contain at least one component.', 51, '/screens/1/layout/children/0/then'],
    ]);
  });

  it('leaves a missing or mistyped then to the component schemas, and If before 4.0 to them too', () => {
    expect(runRule(rule, withIf({ condition: '${data.a}' }))).toEqual([]);
    expect(runRule(rule, withIf({ condition: '${data.a}', then: {} }))).toEqual([]);
    expect(runRule(rule, withIf({ condition: '${data.a}', then: [] }, '3.1'))).toEqual([]);
  });
});
