import { describe, expect, it } from 'vitest';
import { baseFlow, runRule } from '../helpers.js';

const rule = 'flow-json/screen-layout';
const flow = (layout: string) => `{\n  "version": "7.3",\n  "screens": [\n    {\n      "id": "A",\n      "layout": ${layout}\n    }\n  ]\n}`;

describe(rule, () => {
  it('accepts a SingleColumnLayout with children', () => {
    expect(runRule(rule, baseFlow())).toEqual([]);
  });

  it('reports a layout that is not an object, or has no type or children', () => {
    expect(runRule(rule, flow('"myNewLayout"')).map((d) => [d.error, d.message, d.line_start])).toEqual([
      ['INVALID_PROPERTY_TYPE', 'Expected property $root/screens/0/layout to be of type object, but found string.', 6],
    ]);
    expect(runRule(rule, flow('{}')).map((d) => [d.error, d.message])).toEqual([
      ['MISSING_REQUIRED_TYPE_PROPERTY', "Required property 'type' is missing."],
      ['MISSING_REQUIRED_TYPE_PROPERTY', "Required property 'children' is missing."],
    ]);
  });

  it('reports another layout type, children that are not an array, and unknown keys', () => {
    const found = runRule(rule, flow('{\n        "type": "TwoColumnLayout",\n        "children": {},\n        "title": "x"\n      }'));
    expect(found.map((d) => [d.error, d.message, d.line_start])).toEqual([
      ['INVALID_PROPERTY_VALUE', 'Invalid value found for property type at $root/screens/0/layout.', 7],
      ['INVALID_PROPERTY_TYPE', 'Expected property $root/screens/0/layout/children to be of type array, but found object.', 8],
      ['INVALID_PROPERTY_KEY', 'Property title cannot be specified at $root/screens/0/layout.', 9],
    ]);
  });
});
