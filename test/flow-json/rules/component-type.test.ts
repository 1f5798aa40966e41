import { describe, expect, it } from 'vitest';
import { baseFlow, runRule, summary } from '../helpers.js';

const rule = 'flow-json/component-type';

/** A one-screen terminal flow with these components before its Footer, as text. */
function flowWith(version: string, ...children: object[]): string {
  const footer = { type: 'Footer', label: 'Done', 'on-click-action': { name: 'complete', payload: {} } };
  const screen = { id: 'ONLY', title: 'Only', terminal: true, data: {}, layout: { type: 'SingleColumnLayout', children: [...children, footer] } };
  return JSON.stringify({ version, screens: [screen] }, null, 2);
}
const lineOf = (text: string, needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length;

describe(rule, () => {
  it('accepts every known component in its version', () => {
    expect(runRule(rule, baseFlow())).toEqual([]);
    const all = ['TextHeading', 'TextSubheading', 'TextBody', 'TextCaption', 'RichText', 'TextInput', 'TextArea', 'CheckboxGroup', 'RadioButtonsGroup', 'Dropdown', 'ChipsSelector', 'DatePicker', 'CalendarPicker', 'OptIn', 'EmbeddedLink', 'NavigationList', 'Image', 'ImageCarousel', 'PhotoPicker', 'DocumentPicker', 'Form', 'If', 'Switch'];
    expect(runRule(rule, flowWith('7.3', ...all.map((type) => ({ type }))))).toEqual([]);
    expect(runRule(rule, flowWith('2.1', { type: 'Form', name: 'f', children: [{ type: 'TextInput' }] }))).toEqual([]);
  });

  it('reports an unknown type, nested ones included, on the type', () => {
    const text = flowWith('7.3', { type: 'Form', name: 'f', children: [{ type: 'Slider', name: 's' }] });
    const found = runRule(rule, text);
    expect(found.map((d) => [d.error, d.message, d.line_start, d.path])).toEqual([
      ['INVALID_PROPERTY_VALUE', 'Invalid value found for property type at $root/screens/0/layout/children/0/children/0.', lineOf(text, '"Slider"'), '/screens/0/layout/children/0/children/0/type'],
    ]);
  });

  it('reports a component newer than the declared version', () => {
    const text = flowWith('6.1', { type: 'NavigationList', name: 'n', 'list-items': [] });
    expect(runRule(rule, text).map((d) => [d.error, d.message, d.line_start])).toEqual([
      ['INVALID_PROPERTY_VALUE', 'Invalid value found for property type at $root/screens/0/layout/children/0. NavigationList is available from Flow JSON version 6.2.', lineOf(text, '"NavigationList"')],
    ]);
    expect(summary(runRule(rule, flowWith('3.1', { type: 'If', condition: '${data.a}', then: [{ type: 'TextBody', text: 'x' }] })))).toEqual(['INVALID_PROPERTY_VALUE@13']);
    expect(runRule(rule, flowWith('7.0', { type: 'ImageCarousel', images: [] })).map((d) => d.message)).toEqual([
      'Invalid value found for property type at $root/screens/0/layout/children/0. ImageCarousel is available from Flow JSON version 7.1.',
    ]);
  });

  it('reports a missing or non-string type', () => {
    const text = flowWith('7.3', { text: 'no type' }, { type: 7, text: 'x' });
    expect(runRule(rule, text).map((d) => [d.error, d.message, d.line_start])).toEqual([
      ['MISSING_REQUIRED_TYPE_PROPERTY', "Required property 'type' is missing.", lineOf(text, '"text": "no type"') - 1],
      ['INVALID_PROPERTY_TYPE', 'Expected property $root/screens/0/layout/children/1/type to be of type string, but found integer.', lineOf(text, '"type": 7')],
    ]);
  });
});
