import { describe, expect, it } from 'vitest';
import { baseFlow, runRule } from '../helpers.js';

const rule = 'flow-json/terminal-screen-footer';
const footer = { type: 'Footer', label: 'Send', 'on-click-action': { name: 'complete', payload: {} } };

describe(rule, () => {
  it('accepts a Footer anywhere on the terminal screen, also in a Form or in If branches', () => {
    expect(runRule(rule, baseFlow())).toEqual([]);
    const inForm = baseFlow();
    inForm.screens[1].layout.children = [{ type: 'Form', name: 'f', children: [footer] }];
    expect(runRule(rule, inForm)).toEqual([]);
    const inIf = baseFlow();
    inIf.screens[1].layout.children = [{ type: 'If', condition: '${data.ok}', then: [footer], else: [footer] }];
    expect(runRule(rule, inIf)).toEqual([]);
  });

  it('reports each terminal screen without Footer, at its terminal flag', () => {
    const flow = baseFlow();
    flow.screens[1].layout.children.pop();
    flow.screens[0].terminal = true; // line 33 (added last to ASK), no Footer either once removed
    flow.screens[0].layout.children.pop();
    const found = runRule(rule, flow);
    expect(found.map((d) => [d.error, d.message, d.line_start, d.path])).toEqual([
      ['MISSING_FOOTER_ON_TERMINAL_SCREEN', 'Footer component is missing on terminal screens: ASK.', 19, '/screens/0/terminal'],
      ['MISSING_FOOTER_ON_TERMINAL_SCREEN', 'Footer component is missing on terminal screens: CONFIRM.', 24, '/screens/1/terminal'],
    ]);
  });
});
