import { describe, expect, it } from 'vitest';
import { baseFlow, runRule, summary } from '../helpers.js';

/** A one-screen terminal flow with these components before its Footer, as text. */
function flowWith(version: string, ...children: object[]): string {
  const footer = { type: 'Footer', label: 'Done', 'on-click-action': { name: 'complete', payload: {} } };
  const screen = { id: 'ONLY', title: 'Only', terminal: true, data: {}, layout: { type: 'SingleColumnLayout', children: [...children, footer] } };
  return JSON.stringify({ version, screens: [screen] }, null, 2);
}
const lineOf = (text: string, needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length;

const rule = 'flow-json/footer-captions';
const footer = (captions: object) => ({ type: 'Footer', label: 'Pay', 'on-click-action': { name: 'complete', payload: {} }, ...captions });

/** A one-screen flow whose only component is this Footer. */
const footerFlow = (captions: object) => JSON.stringify({ version: '7.3', screens: [{ id: 'ONLY', title: 'Only', terminal: true, data: {}, layout: { type: 'SingleColumnLayout', children: [footer(captions)] } }] }, null, 2);

describe(rule, () => {
  it('accepts no caption, a center caption alone, or left and right together', () => {
    expect(runRule(rule, baseFlow())).toEqual([]);
    expect(runRule(rule, footerFlow({ 'center-caption': 'Total $10' }))).toEqual([]);
    expect(runRule(rule, footerFlow({ 'left-caption': 'Total', 'right-caption': '$10' }))).toEqual([]);
  });

  it('reports one side without the other (INVALID_DEPENDENCIES)', () => {
    const text = footerFlow({ 'right-caption': '$10' });
    expect(runRule(rule, text).map((d) => [d.error, d.message, d.line_start])).toEqual([
      ['INVALID_DEPENDENCIES', 'Footer should have property left-caption when property right-caption is present.', lineOf(text, '"right-caption"')],
    ]);
    expect(runRule(rule, footerFlow({ 'left-caption': 'Total' })).map((d) => d.message)).toEqual([
      'Footer should have property right-caption when property left-caption is present.',
    ]);
  });

  it('reports a center caption with a side caption (NOT_KEYWORD_SCHEMA_VALIDATION_FAILED)', () => {
    const text = footerFlow({ 'center-caption': 'Total', 'left-caption': 'a', 'right-caption': 'b' });
    expect(runRule(rule, text).map((d) => [d.error, d.message, d.line_start])).toEqual([
      ['NOT_KEYWORD_SCHEMA_VALIDATION_FAILED', "Properties 'center-caption' and [left-caption, right-caption] must be present exclusively at Footer.", lineOf(text, '"center-caption"')],
    ]);
    expect(summary(runRule(rule, flowWith('7.3', { type: 'If', condition: '${data.a}', then: [footer({ 'center-caption': 'c', 'right-caption': 'r' })] })))).toEqual([
      'NOT_KEYWORD_SCHEMA_VALIDATION_FAILED@23',
    ]);
  });
});
