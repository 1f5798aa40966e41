import { describe, expect, it } from 'vitest';
import { baseFlow, runRule, summary } from '../helpers.js';

const rule = 'flow-json/screens-array';

describe(rule, () => {
  it('accepts 1 to 100 screens', () => {
    expect(runRule(rule, baseFlow())).toEqual([]);
    const flow = baseFlow();
    flow.screens = Array.from({ length: 100 }, () => flow.screens[1]);
    expect(runRule(rule, flow)).toEqual([]);
  });

  it('requires screens, as an array', () => {
    const found = runRule(rule, '{\n  "version": "7.3"\n}');
    expect(found.map((d) => [d.error, d.message, d.line_start])).toEqual([['MISSING_REQUIRED_TYPE_PROPERTY', "Required property 'screens' is missing.", 1]]);
    const notArray = runRule(rule, '{\n  "version": "7.3",\n  "screens": {}\n}');
    expect(notArray.map((d) => [d.error, d.message, d.line_start])).toEqual([
      ['INVALID_PROPERTY_TYPE', 'Expected property $root/screens to be of type array, but found object.', 3],
    ]);
  });

  it('reports an empty array and more than 100 screens', () => {
    const empty = runRule(rule, '{\n  "version": "7.3",\n  "screens": []\n}');
    expect(empty.map((d) => [d.error, d.message, d.line_start])).toEqual([['MIN_ITEMS_REQUIRED', "Property 'screens' should have at least '1' item.", 3]]);
    const flow = baseFlow();
    flow.screens = Array.from({ length: 101 }, () => flow.screens[1]);
    const many = runRule(rule, flow);
    expect(many.map((d) => d.message)).toEqual(['Maximum number of screens allowed per Flow is 100 but found 101.']);
    expect(summary(many)).toEqual(['MAX_SCREENS_NUMBER@3']);
  });
});
