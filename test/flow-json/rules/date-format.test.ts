import { describe, expect, it } from 'vitest';
import { baseFlow, runRule, summary } from '../helpers.js';

/** A one-screen terminal flow with these components before its Footer, as text. */
function flowWith(version: string, ...children: object[]): string {
  const footer = { type: 'Footer', label: 'Done', 'on-click-action': { name: 'complete', payload: {} } };
  const screen = { id: 'ONLY', title: 'Only', terminal: true, data: {}, layout: { type: 'SingleColumnLayout', children: [...children, footer] } };
  return JSON.stringify({ version, screens: [screen] }, null, 2);
}
const lineOf = (text: string, needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length;
const form = (...children: object[]) => ({ type: 'Form', name: 'f', children });

const rule = 'flow-json/date-format';

describe(rule, () => {
  it("accepts each version's format, as in Meta's examples", () => {
    expect(runRule(rule, baseFlow())).toEqual([]);
    // 4.0 (date_picker_dates_str.json): epoch milliseconds; a minus sign for dates before 1970.
    const epoch = { type: 'DatePicker', name: 'd', label: 'D', 'min-date': '-631152000000', 'max-date': '1767182400000', 'unavailable-dates': ['1694779200000'], 'init-value': '1697371200000' };
    expect(runRule(rule, flowWith('4.0', form(epoch)))).toEqual([]);
    // 5.0 (date_picker_dates_obj.json): YYYY-MM-DD, leap days included.
    const iso = { type: 'DatePicker', name: 'd', label: 'D', 'min-date': '2024-02-29', 'max-date': '2024-11-12', 'unavailable-dates': ['2024-10-28', '2024-11-01'], 'init-value': '2024-10-30' };
    expect(runRule(rule, flowWith('5.0', iso))).toEqual([]);
    // 6.1 (calendar_picker_range_mode.json / calendar_picker_single_mode.json).
    const range = {
      type: 'CalendarPicker',
      name: 'r',
      mode: 'range',
      label: { 'start-date': 'From', 'end-date': 'To' },
      'min-date': '2024-10-21',
      'max-date': '2025-12-12',
      'unavailable-dates': ['2024-11-28', '2024-11-01'],
      'init-value': { 'start-date': '2024-10-22', 'end-date': '2024-10-25' },
    };
    const single = { type: 'CalendarPicker', name: 's', label: 'S', 'min-date': '2024-10-21', 'unavailable-dates': ['2024-11-28'], 'init-value': '2024-10-23' };
    expect(runRule(rule, flowWith('6.1', range, single))).toEqual([]);
  });

  it('leaves bindings and nested expressions alone', () => {
    // As Meta's 2.1 book_a_table.json.
    const bound = { type: 'DatePicker', name: 'd', label: 'D', 'min-date': '${data.min_date}', 'max-date': '${data.max_date}', 'unavailable-dates': '${data.unavailable}' };
    expect(runRule(rule, flowWith('2.1', form(bound)))).toEqual([]);
    const items = { type: 'CalendarPicker', name: 'c', label: 'C', 'unavailable-dates': ['${data.holiday}'], 'init-value': '`${data.start}`', 'max-date': '${screen.A.data.max}' };
    expect(runRule(rule, flowWith('7.3', items))).toEqual([]);
  });

  it('reports YYYY-MM-DD dates in a DatePicker before 5.0', () => {
    const text = flowWith('4.0', form({ type: 'DatePicker', name: 'd', label: 'D', 'min-date': '2024-10-21', 'unavailable-dates': ['1694779200000', '2024-10-28'] }));
    const why = 'Before Flow JSON version 5.0 DatePicker dates are strings of epoch milliseconds, e.g. "1693569600000".';
    expect(runRule(rule, text).map((d) => [d.error, d.message, d.line_start])).toEqual([
      ['INVALID_PROPERTY_VALUE_FORMAT', `Property 'min-date' should be in 'timestamp in milliseconds' format. ${why}`, lineOf(text, '"min-date"')],
      ['INVALID_PROPERTY_VALUE_FORMAT', `Property 'unavailable-dates' should be in 'timestamp in milliseconds' format. ${why}`, lineOf(text, '"2024-10-28"')],
    ]);
  });

  it('reports epoch milliseconds in a DatePicker from 5.0', () => {
    const text = flowWith('7.3', { type: 'DatePicker', name: 'd', label: 'D', 'max-date': '1767182400000', 'init-value': '2025-01-01' });
    expect(runRule(rule, text).map((d) => [d.error, d.message, d.line_start])).toEqual([
      [
        'INVALID_PROPERTY_VALUE_FORMAT',
        "Property 'max-date' should be in 'YYYY-MM-DD' format. From Flow JSON version 5.0 DatePicker dates are 'YYYY-MM-DD' strings.",
        lineOf(text, '"max-date"'),
      ],
    ]);
  });

  it('reports dates that are not in the calendar, and other text', () => {
    const calendar = {
      type: 'CalendarPicker',
      name: 'c',
      mode: 'range',
      label: { 'start-date': 'From', 'end-date': 'To' },
      'min-date': '2025-02-29',
      'max-date': '2025-13-01',
      'init-value': { 'start-date': '2025-04-31', 'end-date': 'next week' },
    };
    const text = flowWith('7.3', calendar);
    expect(runRule(rule, text).map((d) => [d.message, d.line_start])).toEqual([
      ["Property 'min-date' should be in 'YYYY-MM-DD' format. 2025-02-29 is not a calendar date.", lineOf(text, '"min-date"')],
      ["Property 'max-date' should be in 'YYYY-MM-DD' format. 2025-13-01 is not a calendar date.", lineOf(text, '"max-date"')],
      ["Property 'init-value' should be in 'YYYY-MM-DD' format. 2025-04-31 is not a calendar date.", lineOf(text, '"2025-04-31"')],
      ["Property 'init-value' should be in 'YYYY-MM-DD' format.", lineOf(text, '"next week"')],
    ]);
    // A CalendarPicker has no epoch format to hint at.
    const epoch = flowWith('7.3', { type: 'CalendarPicker', name: 'c', label: 'C', 'init-value': '1767182400000' });
    expect(runRule(rule, epoch).map((d) => d.message)).toEqual(["Property 'init-value' should be in 'YYYY-MM-DD' format."]);
  });

  it('reports CalendarPicker unavailable dates outside min-date and max-date', () => {
    const calendar = { type: 'CalendarPicker', name: 'c', label: 'C', 'min-date': '2025-03-01', 'max-date': '2025-03-31', 'unavailable-dates': ['2025-03-01', '2025-02-28', '2025-04-01'] };
    const text = flowWith('7.3', calendar);
    expect(runRule(rule, text).map((d) => [d.error, d.message, d.line_start])).toEqual([
      [
        'INVALID_PROPERTY_VALUE',
        'Invalid value found for property unavailable-dates at $root/screens/0/layout/children/0. Unavailable dates should lie within min-date and max-date (between 2025-03-01 and 2025-03-31), but found 2025-02-28.',
        lineOf(text, '"2025-02-28"'),
      ],
      [
        'INVALID_PROPERTY_VALUE',
        'Invalid value found for property unavailable-dates at $root/screens/0/layout/children/0. Unavailable dates should lie within min-date and max-date (between 2025-03-01 and 2025-03-31), but found 2025-04-01.',
        lineOf(text, '"2025-04-01"'),
      ],
    ]);
    const minOnly = flowWith('7.3', { ...calendar, 'max-date': '${data.max}' });
    expect(runRule(rule, minOnly).map((d) => d.message.split('. ')[1])).toEqual(['Unavailable dates should lie within min-date and max-date (on or after 2025-03-01), but found 2025-02-28.']);
    // The reference says so for CalendarPicker only.
    const datePicker = { ...calendar, type: 'DatePicker' };
    expect(runRule(rule, flowWith('7.3', datePicker))).toEqual([]);
  });

  it('leaves what other rules own alone', () => {
    // init-value before 4.0 (unknown key), CalendarPicker before 6.1 (unknown component), non-strings (types),
    // blank strings from 6.0 (blank strings).
    expect(runRule(rule, flowWith('3.1', form({ type: 'DatePicker', name: 'd', label: 'D', 'init-value': 'today' })))).toEqual([]);
    expect(runRule(rule, flowWith('6.0', { type: 'CalendarPicker', name: 'c', label: 'C', 'min-date': '1767182400000' }))).toEqual([]);
    expect(runRule(rule, flowWith('7.3', { type: 'DatePicker', name: 'd', label: 'D', 'min-date': 20250101, 'max-date': ' ', 'unavailable-dates': [null, 5] }))).toEqual([]);
    // Blank items of unavailable-dates are reported: the blank-strings rule leaves array items alone.
    expect(summary(runRule(rule, flowWith('7.3', { type: 'DatePicker', name: 'd', label: 'D', 'unavailable-dates': [''] })))).toEqual(['INVALID_PROPERTY_VALUE_FORMAT@17']);
  });
});
