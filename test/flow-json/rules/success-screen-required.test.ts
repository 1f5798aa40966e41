import { describe, expect, it } from 'vitest';
import { baseFlow, runRule } from '../helpers.js';

const rule = 'flow-json/success-screen-required';

describe(rule, () => {
  it('accepts a terminal screen with success true or left out (default true)', () => {
    expect(runRule(rule, baseFlow())).toEqual([]);
    const flow = baseFlow();
    delete flow.screens[1].success;
    expect(runRule(rule, flow)).toEqual([]);
    const mixed = baseFlow();
    mixed.screens[0].terminal = true;
    mixed.screens[1].success = false;
    expect(runRule(rule, mixed)).toEqual([]);
  });

  it('reports terminal screens that all set success false, at the first one', () => {
    const flow = baseFlow();
    flow.screens[1].success = false;
    expect(runRule(rule, flow).map((d) => [d.error, d.message, d.line_start, d.path])).toEqual([
      ['INVALID_PROPERTY_VALUE', "At least one terminal screen must have property 'success' set as true.", 38, '/screens/1/success'],
    ]);
  });
});
