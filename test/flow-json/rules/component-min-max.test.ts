import { describe, expect, it } from 'vitest';
import { baseFlow, runRule, summary } from '../helpers.js';

/** A one-screen terminal flow with these components before its Footer, as text. */
function flowWith(version: string, ...children: object[]): string {
  const footer = { type: 'Footer', label: 'Done', 'on-click-action': { name: 'complete', payload: {} } };
  const screen = { id: 'ONLY', title: 'Only', terminal: true, data: {}, layout: { type: 'SingleColumnLayout', children: [...children, footer] } };
  return JSON.stringify({ version, screens: [screen] }, null, 2);
}
const lineOf = (text: string, needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length;

const rule = 'flow-json/component-min-max';

describe(rule, () => {
  it('accepts ordered pairs, one-sided pairs and dynamic values', () => {
    expect(runRule(rule, baseFlow())).toEqual([]);
    const input = { type: 'TextInput', name: 'n', label: 'L', 'min-chars': 3, 'max-chars': 3 };
    const group = { type: 'CheckboxGroup', name: 'c', label: 'C', 'data-source': [], 'min-selected-items': '${data.min}', 'max-selected-items': 1 };
    const date = { type: 'DatePicker', name: 'd', label: 'D', 'min-date': '2024-01-01', 'max-date': '1700000000000' };
    expect(runRule(rule, flowWith('7.3', input, group, date))).toEqual([]);
  });

  it('reports an inverted pair on the minimum', () => {
    const text = flowWith('7.3', { type: 'TextInput', name: 'first_name', label: 'L', 'min-chars': 10, 'max-chars': 5 });
    expect(runRule(rule, text).map((d) => [d.error, d.message, d.line_start])).toEqual([
      ['MIN_VALUE_GREATER_THAN_MAX', 'min-chars cannot be greater than max-chars for TextInput first_name.', lineOf(text, '"min-chars"')],
    ]);
  });

  it('compares dates of the same format', () => {
    const calendar = { type: 'CalendarPicker', name: 'when', label: 'L', 'min-date': '2025-02-01', 'max-date': '2025-01-31', 'min-days': 2, 'max-days': 1 };
    expect(runRule(rule, flowWith('7.3', calendar)).map((d) => d.message)).toEqual([
      'min-date cannot be greater than max-date for CalendarPicker when.',
      'min-days cannot be greater than max-days for CalendarPicker when.',
    ]);
    const epoch = { type: 'DatePicker', name: 'd', label: 'D', 'min-date': '1767182400000', 'max-date': '1693569600000' };
    expect(summary(runRule(rule, flowWith('4.0', { type: 'Form', name: 'f', children: [epoch] })))).toEqual(['MIN_VALUE_GREATER_THAN_MAX@20']);
  });

  it("uses Meta's media picker wording", () => {
    const text = flowWith('7.3', { type: 'PhotoPicker', name: 'photos', label: 'P', 'min-uploaded-photos': 3, 'max-uploaded-photos': 2 });
    expect(runRule(rule, text).map((d) => d.message)).toEqual(['"min-uploaded-photos" cannot be greater than "max-uploaded-photos" for PhotoPicker component photos.']);
    const docs = flowWith('7.3', { type: 'DocumentPicker', name: 'docs', label: 'D', 'min-uploaded-documents': 3, 'max-uploaded-documents': 2 });
    expect(runRule(rule, docs).map((d) => d.message)).toEqual(['"min-uploaded-documents" cannot be greater than "max-uploaded-documents" for DocumentPicker component docs.']);
  });
});
