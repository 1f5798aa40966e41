import { describe, expect, it } from 'vitest';
import { baseFlow, runRule } from '../helpers.js';

const rule = 'flow-json/success-on-terminal-only';

describe(rule, () => {
  it('accepts success on terminal screens', () => {
    const flow = baseFlow();
    flow.screens[1].success = false;
    expect(runRule(rule, flow)).toEqual([]);
  });

  it('reports success on a non-terminal screen, true or false, at the key', () => {
    for (const success of [true, false]) {
      const flow = baseFlow();
      flow.screens[0].success = success; // line 33
      const found = runRule(rule, flow);
      expect(found.map((d) => [d.error, d.message, d.line_start, d.column_start, d.column_end])).toEqual([
        ['NOT_KEYWORD_SCHEMA_VALIDATION_FAILED', "Property 'success' can only be specified on a terminal screen.", 33, 7, 16],
      ]);
    }
  });
});
