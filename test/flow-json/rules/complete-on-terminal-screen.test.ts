import { describe, expect, it } from 'vitest';
import { baseFlow, runRule, summary } from '../helpers.js';

const rule = 'flow-json/complete-on-terminal-screen';
const lineOf = (text: string, needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length;

describe(rule, () => {
  it('accepts complete on terminal screens', () => {
    expect(runRule(rule, baseFlow())).toEqual([]);
  });

  it('reports complete on a screen that is not terminal', () => {
    const flow = baseFlow();
    flow.screens[0].layout.children[1]['on-click-action'] = { name: 'complete', payload: {} };
    const text = JSON.stringify(flow, null, 2);
    const found = runRule(rule, text);
    expect(found.map((d) => [d.error, d.message])).toEqual([
      ['INVALID_COMPLETE_ACTION', "On-click-action 'complete' can only be configured on a terminal screen."],
    ]);
    expect(summary(found)).toEqual([`INVALID_COMPLETE_ACTION@${lineOf(text, '"name": "complete"')}`]);
  });

  it('leaves complete on other components to action-name', () => {
    const flow = baseFlow();
    flow.screens[0].layout.children.unshift({ type: 'EmbeddedLink', text: 'End', 'on-click-action': { name: 'complete', payload: {} } });
    expect(runRule(rule, flow)).toEqual([]);
  });
});
