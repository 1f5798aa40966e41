import { describe, expect, it } from 'vitest';
import { baseFlow, runRule, summary } from '../helpers.js';

const rule = 'flow-json/screen-keys';

describe(rule, () => {
  it('accepts the documented screen keys', () => {
    const flow = baseFlow();
    flow.screens[0].refresh_on_back = false;
    flow.screens[0].sensitive = ['first_name'];
    expect(runRule(rule, flow)).toEqual([]);
  });

  it('reports unknown keys at the key, and sensitive before 5.1', () => {
    const flow = baseFlow();
    flow.screens[0].type = 'SingleColumnLayout'; // line 33, after layout
    flow.screens[1].sensitive = []; // line 65
    const found = runRule(rule, { ...flow, version: '5.0' });
    expect(found.map((d) => [d.error, d.message, d.line_start, d.column_start])).toEqual([
      ['INVALID_PROPERTY_KEY', 'Property type cannot be specified at $root/screens/0.', 33, 7],
      ['INVALID_PROPERTY_KEY', 'Property sensitive cannot be specified at $root/screens/1.', 65, 7],
    ]);
    expect(summary(runRule(rule, flow))).toEqual(['INVALID_PROPERTY_KEY@33']);
  });

  it('requires id and layout, reported at the screen', () => {
    const flow = baseFlow();
    delete flow.screens[0].id;
    delete flow.screens[1].layout;
    const found = runRule(rule, flow);
    expect(found.map((d) => [d.error, d.message, d.line_start])).toEqual([
      ['MISSING_REQUIRED_TYPE_PROPERTY', "Required property 'id' is missing.", 4],
      ['MISSING_REQUIRED_TYPE_PROPERTY', "Required property 'layout' is missing.", 33],
    ]);
  });

  it('reports screens that are not objects and keys of the wrong type', () => {
    const flow = baseFlow();
    flow.screens[1].terminal = 'true';
    flow.screens[1].title = 7;
    flow.screens.push('SCREEN');
    const found = runRule(rule, flow);
    expect(found.map((d) => [d.error, d.message, d.line_start])).toEqual([
      ['INVALID_PROPERTY_TYPE', 'Expected property $root/screens/1/title to be of type string, but found integer.', 36],
      ['INVALID_PROPERTY_TYPE', 'Expected property $root/screens/1/terminal to be of type boolean, but found string.', 37],
      ['INVALID_PROPERTY_TYPE', 'Expected property $root/screens/2 to be of type object, but found string.', 65],
    ]);
    const data = baseFlow();
    data.screens[0].data = [];
    expect(runRule(rule, data).map((d) => d.message)).toEqual(['Expected property $root/screens/0/data to be of type object, but found array.']);
  });
});
