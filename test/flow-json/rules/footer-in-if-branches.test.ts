import { describe, expect, it } from 'vitest';
import { baseFlow, runRule } from '../helpers.js';

const rule = 'flow-json/footer-in-if-branches';
const footer = () => ({ type: 'Footer', label: 'Send', 'on-click-action': { name: 'complete', payload: {} } });
const text = () => ({ type: 'TextBody', text: 'Hi' });

function confirm(children: unknown[]): any {
  const flow = baseFlow();
  flow.screens[1].layout.children = children;
  return flow;
}

describe(rule, () => {
  it('accepts Footers in both branches, or in neither', () => {
    expect(runRule(rule, confirm([{ type: 'If', condition: '${data.a}', then: [footer()], else: [footer()] }]))).toEqual([]);
    expect(runRule(rule, confirm([{ type: 'If', condition: '${data.a}', then: [text()] }, footer()]))).toEqual([]);
    const switches = { type: 'Switch', value: '${data.b}', cases: { x: [footer()] } };
    expect(runRule(rule, confirm([{ type: 'If', condition: '${data.a}', then: [switches], else: [footer()] }]))).toEqual([]);
  });

  it('reports a Footer in then without else, at the If', () => {
    const found = runRule(rule, confirm([{ type: 'If', condition: '${data.a}', then: [footer()] }]));
    expect(found.map((d) => [d.error, d.message, d.line_start, d.path])).toEqual([
      [
        'MISSING_FOOTER_IN_IF_ELSE_BRANCHES',
        "Missing Footer inside one of the 'If' component branches. Branch 'else' should exist and contain one Footer.",
        48,
        '/screens/1/layout/children/0',
      ],
    ]);
  });

  it('reports the branch without Footer when the other has one', () => {
    const found = runRule(rule, confirm([{ type: 'If', condition: '${data.a}', then: [footer()], else: [text()] }]));
    expect(found.map((d) => [d.error, d.message, d.path])).toEqual([
      [
        'MISSING_FOOTER_IN_IF_ELSE_BRANCHES',
        "Footer component must be present in all branches of 'If' component if it exists in any one branch.",
        '/screens/1/layout/children/0/else',
      ],
    ]);
    const elseOnly = runRule(rule, confirm([{ type: 'If', condition: '${data.a}', then: [text()], else: [footer()] }]));
    expect(elseOnly.map((d) => d.path)).toEqual(['/screens/1/layout/children/0/then']);
  });
});
