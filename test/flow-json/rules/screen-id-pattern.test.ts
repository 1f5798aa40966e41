import { describe, expect, it } from 'vitest';
import { baseFlow, runRule, summary } from '../helpers.js';

const rule = 'flow-json/screen-id-pattern';

describe(rule, () => {
  it('accepts letters and underscores', () => {
    const flow = baseFlow();
    flow.screens[0].id = 'first_Screen';
    expect(runRule(rule, flow)).toEqual([]);
  });

  it('reports digits, dashes and spaces', () => {
    for (const id of ['FIRST_1', 'FIRST-SCREEN', 'FIRST SCREEN', 'ÉCRAN']) {
      const flow = baseFlow();
      flow.screens[1].id = id;
      const found = runRule(rule, flow);
      expect(found.map((d) => [d.error, d.message, d.line_start, d.path])).toEqual([
        ['PATTERN_MISMATCH', 'Property id should only consist of alphabets and underscores.', 35, '/screens/1/id'],
      ]);
    }
  });

  it('reports an empty id as too short', () => {
    const flow = baseFlow();
    flow.screens[0].id = '';
    const found = runRule(rule, flow);
    expect(found.map((d) => [d.error, d.message])).toEqual([['MIN_CHARS_REQUIRED', "Property 'id' should have at least '1' character."]]);
    expect(summary(found)).toEqual(['MIN_CHARS_REQUIRED@5']);
  });
});
