import { describe, expect, it } from 'vitest';
import { baseFlow, runRule } from '../helpers.js';

const rule = 'flow-json/screen-id-reserved';

describe(rule, () => {
  it('accepts ids that merely contain success', () => {
    const flow = baseFlow();
    flow.screens[1].id = 'SUCCESS_SCREEN';
    expect(runRule(rule, flow)).toEqual([]);
  });

  it('reports success in any letter case', () => {
    for (const id of ['success', 'SUCCESS', 'Success']) {
      const flow = baseFlow();
      flow.screens[1].id = id;
      expect(runRule(rule, flow).map((d) => [d.error, d.message, d.line_start])).toEqual([
        ['SCREEN_ID_IS_RESERVED_KEYWORD', `Screen id cannot be '${id}' since it is a reserved keyword.`, 35],
      ]);
    }
  });
});
