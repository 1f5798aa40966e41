import { describe, expect, it } from 'vitest';
import { baseFlow, runRule, summary } from '../helpers.js';

/** A one-screen terminal flow with these components before its Footer, as text. */
function flowWith(version: string, ...children: object[]): string {
  const footer = { type: 'Footer', label: 'Done', 'on-click-action': { name: 'complete', payload: {} } };
  const screen = { id: 'ONLY', title: 'Only', terminal: true, data: {}, layout: { type: 'SingleColumnLayout', children: [...children, footer] } };
  return JSON.stringify({ version, screens: [screen] }, null, 2);
}
const lineOf = (text: string, needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length;

const rule = 'flow-json/component-enum-values';

describe(rule, () => {
  it('accepts enumerated values and dynamic ones', () => {
    expect(runRule(rule, baseFlow())).toEqual([]);
    const input = { type: 'TextInput', name: 'n', label: 'L', 'input-type': 'passcode' };
    const picker = { type: 'PhotoPicker', name: 'p', label: 'P', 'photo-source': '${data.source}' };
    const calendar = { type: 'CalendarPicker', name: 'c', label: 'C', mode: 'single', 'include-days': ['Mon', 'Fri'] };
    expect(runRule(rule, flowWith('7.3', input, picker, calendar))).toEqual([]);
  });

  it('reports a value outside the enumeration, listing the allowed values', () => {
    const text = flowWith('7.3', { type: 'TextInput', name: 'n', label: 'L', 'input-type': 'date' });
    expect(runRule(rule, text).map((d) => [d.error, d.message, d.line_start])).toEqual([
      ['INVALID_ENUM_VALUE', 'Value should be one of: [text, number, email, password, passcode, phone].', lineOf(text, '"date"')],
    ]);
  });

  it('checks array items and version-specific enumerations', () => {
    const text = flowWith('7.3', { type: 'DocumentPicker', name: 'd', label: 'D', 'allowed-mime-types': ['application/pdf', 'application/x-msdownload'] });
    expect(runRule(rule, text).map((d) => [d.path, d.line_start])).toEqual([['/screens/0/layout/children/0/allowed-mime-types/1', lineOf(text, 'x-msdownload')]]);
    const carousel = { type: 'ImageCarousel', images: [{ src: 'aGk=', 'alt-text': 'a' }], 'aspect-ratio': '1:1' };
    expect(runRule(rule, flowWith('7.3', carousel)).map((d) => d.message)).toEqual(['Value should be one of: [4:3, 16:9].']);
    expect(summary(runRule(rule, flowWith('7.3', { type: 'TextBody', text: 'x', 'font-weight': 'heavy' })))).toEqual(['INVALID_ENUM_VALUE@15']);
  });
});
