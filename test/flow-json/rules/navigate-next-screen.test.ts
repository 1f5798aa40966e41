import { describe, expect, it } from 'vitest';
import { baseFlow, runRule, summary } from '../helpers.js';

const rule = 'flow-json/navigate-next-screen';
const lineOf = (text: string, needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length;

describe(rule, () => {
  it('accepts navigation to another existing screen', () => {
    expect(runRule(rule, baseFlow())).toEqual([]);
  });

  it('reports an unknown screen', () => {
    const flow = baseFlow();
    flow.screens[0].layout.children[1]['on-click-action'].next.name = 'NOWHERE';
    const text = JSON.stringify(flow, null, 2);
    const found = runRule(rule, text);
    expect(found.map((d) => [d.error, d.message])).toEqual([['INVALID_NAVIGATE_ACTION_NEXT_SCREEN_NAME', 'Unknown screen ids found: [NOWHERE].']]);
    expect(summary(found)).toEqual([`INVALID_NAVIGATE_ACTION_NEXT_SCREEN_NAME@${lineOf(text, '"NOWHERE"')}`]);
  });

  it('reports navigation to the same screen', () => {
    const flow = baseFlow();
    flow.screens[0].layout.children.unshift({
      type: 'EmbeddedLink',
      text: 'Again',
      'on-click-action': { name: 'navigate', next: { type: 'screen', name: 'ASK' }, payload: {} },
    });
    const text = JSON.stringify(flow, null, 2);
    expect(runRule(rule, text).map((d) => [d.error, d.message, d.line_start])).toEqual([
      ['INVALID_NAVIGATE_ACTION_NEXT_SCREEN_NAME', 'Same screen navigation is not allowed. Loop detected at [ASK].', lineOf(text, '"name": "ASK"')],
    ]);
  });

  it('does not report a navigate from a terminal screen (no catalogue error for it)', () => {
    const flow = baseFlow();
    flow.screens.reverse();
    flow.screens[0].layout.children.unshift({
      type: 'EmbeddedLink',
      text: 'Edit',
      'on-click-action': { name: 'navigate', next: { type: 'screen', name: 'ASK' }, payload: {} },
    });
    expect(runRule(rule, flow)).toEqual([]);
  });
});
