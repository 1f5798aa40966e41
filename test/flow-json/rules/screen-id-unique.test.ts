import { describe, expect, it } from 'vitest';
import { baseFlow, runRule } from '../helpers.js';

const rule = 'flow-json/screen-id-unique';

describe(rule, () => {
  it('accepts distinct ids (letter case counts)', () => {
    const flow = baseFlow();
    flow.screens[1].id = 'ask';
    expect(runRule(rule, flow)).toEqual([]);
  });

  it('reports every repeat after the first', () => {
    const flow = baseFlow();
    flow.screens[1].id = 'ASK';
    flow.screens.push({ ...flow.screens[1] });
    const found = runRule(rule, flow);
    expect(found.map((d) => [d.error, d.message, d.line_start, d.path])).toEqual([
      ['DUPLICATE_SCREEN_IDS', 'Duplicate screen id found: ASK.', 35, '/screens/1/id'],
      ['DUPLICATE_SCREEN_IDS', 'Duplicate screen id found: ASK.', 66, '/screens/2/id'],
    ]);
  });
});
