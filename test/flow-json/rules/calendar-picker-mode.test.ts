import { describe, expect, it } from 'vitest';
import { baseFlow, runRule, summary } from '../helpers.js';

/** A one-screen terminal flow with these components before its Footer, as text. */
function flowWith(version: string, ...children: object[]): string {
  const footer = { type: 'Footer', label: 'Done', 'on-click-action': { name: 'complete', payload: {} } };
  const screen = { id: 'ONLY', title: 'Only', terminal: true, data: {}, layout: { type: 'SingleColumnLayout', children: [...children, footer] } };
  return JSON.stringify({ version, screens: [screen] }, null, 2);
}
const lineOf = (text: string, needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length;
const AT = '$root/screens/0/layout/children/0';

/** Meta's calendar_picker_range_mode.json component. */
const range = () => ({
  type: 'CalendarPicker',
  name: 'calendar_range',
  title: 'Range calendar',
  description: 'Use this to select a date range',
  label: { 'start-date': 'Start date', 'end-date': 'End date' },
  'helper-text': { 'start-date': 'Select from date', 'end-date': 'Select to date' },
  required: { 'start-date': true, 'end-date': false },
  mode: 'range',
  'min-date': '2024-10-21',
  'max-date': '2025-12-12',
  'min-days': 3,
  'max-days': 10,
  'init-value': { 'start-date': '2024-10-22', 'end-date': '2024-10-25' },
});

/** Meta's calendar_picker_single_mode.json component. */
const single = () => ({ type: 'CalendarPicker', name: 'calendar', label: 'Single date', 'helper-text': 'Select a date', required: true, mode: 'single', 'init-value': '2024-10-23' });

const rule = 'flow-json/calendar-picker-mode';

describe(rule, () => {
  it("accepts Meta's single and range examples", () => {
    expect(runRule(rule, baseFlow())).toEqual([]);
    expect(runRule(rule, flowWith('6.1', range(), single()))).toEqual([]);
    // single is the default mode.
    const { mode: _mode, ...noMode } = single();
    expect(runRule(rule, flowWith('7.3', noMode))).toEqual([]);
  });

  it('accepts bindings, and checks nothing when the mode is dynamic', () => {
    const bound = { ...range(), label: '${data.labels}', required: '${data.required}', 'error-message': '`${data.errors}`' };
    expect(runRule(rule, flowWith('7.3', bound))).toEqual([]);
    const dynamic = { ...range(), mode: '${data.mode}', label: 'Dates' };
    expect(runRule(rule, flowWith('7.3', dynamic))).toEqual([]);
    // An unknown mode is the enum rule's.
    expect(runRule(rule, flowWith('7.3', { ...range(), mode: 'multiple', label: 'Dates' }))).toEqual([]);
  });

  it('reports range-only properties in single mode on their keys', () => {
    const { mode: _mode, ...component } = { ...single(), title: 'When?', 'min-days': 1, 'max-days': 3 };
    const text = flowWith('7.3', component);
    expect(runRule(rule, text).map((d) => [d.error, d.message, d.line_start, d.column_start])).toEqual([
      ['INVALID_PROPERTY_KEY', `Property title cannot be specified at ${AT}. It is only available when mode is range.`, lineOf(text, '"title": "When?"'), 13],
      ['INVALID_PROPERTY_KEY', `Property min-days cannot be specified at ${AT}. It is only available when mode is range.`, lineOf(text, '"min-days"'), 13],
      ['INVALID_PROPERTY_KEY', `Property max-days cannot be specified at ${AT}. It is only available when mode is range.`, lineOf(text, '"max-days"'), 13],
    ]);
    const described = flowWith('6.1', { ...single(), description: 'Pick one' });
    expect(summary(runRule(rule, described))).toEqual([`INVALID_PROPERTY_KEY@${lineOf(described, '"description"')}`]);
  });

  it('reports start/end objects in single mode', () => {
    const component = { ...single(), label: { 'start-date': 'From', 'end-date': 'To' }, 'init-value': { 'start-date': '2024-10-22' } };
    const text = flowWith('7.3', component);
    const why = 'In single mode it takes a single value; start-date/end-date objects are for mode range.';
    expect(runRule(rule, text).map((d) => [d.error, d.message, d.line_start])).toEqual([
      ['INVALID_PROPERTY_VALUE', `Invalid value found for property label at ${AT}. ${why}`, lineOf(text, '"label"')],
      ['INVALID_PROPERTY_VALUE', `Invalid value found for property init-value at ${AT}. ${why}`, lineOf(text, '"init-value"')],
    ]);
    const errors = flowWith('7.3', { ...single(), required: { 'start-date': true }, 'error-message': { 'end-date': 'Too late' }, 'helper-text': {} });
    expect(runRule(rule, errors).map((d) => d.path.split('/').pop())).toEqual(['helper-text', 'required', 'error-message']);
  });

  it('reports single values in range mode where the reference gives the start/end form', () => {
    const component = { ...range(), label: 'Dates', 'helper-text': 'Pick two dates', required: true, 'error-message': 'Invalid', 'init-value': '2024-10-22' };
    const text = flowWith('7.3', component);
    const why = 'In range mode it takes an object with start-date and end-date.';
    expect(runRule(rule, text).map((d) => [d.error, d.message, d.line_start])).toEqual([
      ['INVALID_PROPERTY_VALUE', `Invalid value found for property label at ${AT}. ${why}`, lineOf(text, '"label"')],
      ['INVALID_PROPERTY_VALUE', `Invalid value found for property helper-text at ${AT}. ${why}`, lineOf(text, '"helper-text"')],
      ['INVALID_PROPERTY_VALUE', `Invalid value found for property required at ${AT}. ${why}`, lineOf(text, '"required"')],
      ['INVALID_PROPERTY_VALUE', `Invalid value found for property error-message at ${AT}. ${why}`, lineOf(text, '"error-message"')],
    ]);
  });

  it('leaves types, blank strings and versions without CalendarPicker to other rules', () => {
    // A string `required` is a type error; a blank label is the blank-strings rule's.
    expect(runRule(rule, flowWith('7.3', { ...range(), required: 'yes', label: ' ' }))).toEqual([]);
    expect(runRule(rule, flowWith('6.0', { ...single(), title: 'When?' }))).toEqual([]);
    // min-days > max-days is the min/max rule's.
    expect(runRule(rule, flowWith('7.3', { ...range(), 'min-days': 10, 'max-days': 3 }))).toEqual([]);
  });
});
