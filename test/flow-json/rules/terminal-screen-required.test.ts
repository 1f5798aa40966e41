import { describe, expect, it } from 'vitest';
import { baseFlow, runRule } from '../helpers.js';

const rule = 'flow-json/terminal-screen-required';

describe(rule, () => {
  it('accepts a flow with a terminal screen, and leaves an empty screens array to screens-array', () => {
    expect(runRule(rule, baseFlow())).toEqual([]);
    expect(runRule(rule, { version: '7.3', screens: [] })).toEqual([]);
  });

  it('reports a flow without terminal screen at the screens array', () => {
    const flow = baseFlow();
    flow.screens[1].terminal = false;
    delete flow.screens[1].success;
    expect(runRule(rule, flow).map((d) => [d.error, d.message, d.line_start, d.path])).toEqual([
      ['MISSING_TERMINAL_SCREEN', 'Terminal screen is required but not provided.', 3, '/screens'],
    ]);
  });
});
