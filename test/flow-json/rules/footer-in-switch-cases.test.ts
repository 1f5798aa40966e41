import { describe, expect, it } from 'vitest';
import { baseFlow, runRule } from '../helpers.js';

const rule = 'flow-json/footer-in-switch-cases';
const footer = () => ({ type: 'Footer', label: 'Send', 'on-click-action': { name: 'complete', payload: {} } });
const text = () => ({ type: 'TextBody', text: 'Hi' });

function confirm(cases: Record<string, unknown[]>): any {
  const flow = baseFlow();
  flow.screens[1].layout.children = [{ type: 'Switch', value: '${data.a}', cases }];
  return flow;
}

describe(rule, () => {
  it('accepts a Footer in every case, or in none', () => {
    expect(runRule(rule, confirm({ x: [footer()], y: [text(), footer()] }))).toEqual([]);
    expect(runRule(rule, confirm({ x: [text()], y: [text()] }))).toEqual([]);
  });

  it('reports the first case without Footer when another has one', () => {
    const found = runRule(rule, confirm({ case1: [], case2: [footer()], case3: [text()] }));
    expect(found.map((d) => [d.error, d.message, d.line_start, d.path])).toEqual([
      [
        'MISSING_FOOTER_IN_SWITCH_BRANCHES',
        'Footer component must be present in all switch cases if it exists in any one case.',
        52,
        '/screens/1/layout/children/0/cases/case1',
      ],
    ]);
  });
});
