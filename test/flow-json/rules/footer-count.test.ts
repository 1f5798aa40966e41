import { describe, expect, it } from 'vitest';
import { baseFlow, runRule } from '../helpers.js';

const rule = 'flow-json/footer-count';
const footer = () => ({ type: 'Footer', label: 'Send', 'on-click-action': { name: 'complete', payload: {} } });
const message = 'Maximum number of Footer component allowed per screen is 1.';

/** The terminal screen of the base flow with these children. */
function confirm(children: unknown[]): any {
  const flow = baseFlow();
  flow.screens[1].layout.children = children;
  return flow;
}

describe(rule, () => {
  it('accepts one Footer, and a Footer in each alternative branch of an If or a Switch', () => {
    expect(runRule(rule, baseFlow())).toEqual([]);
    expect(runRule(rule, confirm([{ type: 'If', condition: '${data.a}', then: [footer()], else: [footer()] }]))).toEqual([]);
    expect(runRule(rule, confirm([{ type: 'Switch', value: '${data.a}', cases: { x: [footer()], y: [footer()], z: [footer()] } }]))).toEqual([]);
    expect(runRule(rule, confirm([{ type: 'Form', name: 'form', children: [{ type: 'TextInput', name: 'a', label: 'A' }, footer()] }]))).toEqual([]);
  });

  it('reports a second Footer on the screen', () => {
    const found = runRule(rule, confirm([footer(), { type: 'Form', name: 'form', children: [footer()] }]));
    expect(found.map((d) => [d.error, d.message, d.line_start, d.path])).toEqual([
      ['MORE_THAN_ONE_FOOTER', message, 60, '/screens/1/layout/children/1/children/0'],
    ]);
  });

  it('reports a Footer outside an If or Switch whose branches have one', () => {
    const ifFirst = runRule(rule, confirm([{ type: 'If', condition: '${data.a}', then: [footer()], else: [footer()] }, footer()]));
    expect(ifFirst.map((d) => [d.message, d.path])).toEqual([[message, '/screens/1/layout/children/1']]);
    const switchSecond = runRule(rule, confirm([footer(), { type: 'Switch', value: '${data.a}', cases: { x: [{ type: 'TextBody', text: 'x' }], y: [footer()] } }]));
    expect(switchSecond.map((d) => d.path)).toEqual(['/screens/1/layout/children/1/cases/y/0']);
  });

  it('reports two Footers in one branch', () => {
    const found = runRule(rule, confirm([{ type: 'If', condition: '${data.a}', then: [footer(), footer()], else: [footer()] }]));
    expect(found.map((d) => d.path)).toEqual(['/screens/1/layout/children/0/then/1']);
  });
});
