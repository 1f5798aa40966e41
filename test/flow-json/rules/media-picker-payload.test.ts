import { describe, expect, it } from 'vitest';
import { runRule, summary } from '../helpers.js';

const rule = 'flow-json/media-picker-payload';
const lineOf = (text: string, needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length;

const photo = (extra: object = {}) => ({ type: 'PhotoPicker', name: 'photo', label: 'Photo', ...extra });
const doc = (extra: object = {}) => ({ type: 'DocumentPicker', name: 'doc', label: 'Document', ...extra });

/** An endpoint flow: FIRST (picker + given footer action) → LAST (terminal, footer with given action). */
function flowWith(first: { children: object[]; action: object }, lastAction: object = { name: 'complete', payload: {} }, lastChildren: object[] = []): string {
  const flow = {
    version: '7.3',
    data_api_version: '3.0',
    routing_model: { FIRST: ['LAST'] },
    screens: [
      { id: 'FIRST', title: 'First', data: {}, layout: { type: 'SingleColumnLayout', children: [...first.children, { type: 'Footer', label: 'Next', 'on-click-action': first.action }] } },
      { id: 'LAST', title: 'Last', terminal: true, data: {}, layout: { type: 'SingleColumnLayout', children: [...lastChildren, { type: 'Footer', label: 'Done', 'on-click-action': lastAction }] } },
    ],
  };
  return JSON.stringify(flow, null, 2);
}
const navigate = (payload: object) => ({ name: 'navigate', next: { type: 'screen', name: 'LAST' }, payload });

describe(rule, () => {
  it('accepts picker values as top-level strings of data_exchange and complete payloads', () => {
    expect(runRule(rule, flowWith({ children: [photo()], action: { name: 'data_exchange', payload: { images: '${form.photo}' } } }))).toEqual([]);
    const single = flowWith({ children: [], action: navigate({}) }, { name: 'complete', payload: { d: '${form.doc}' } }, [doc({ 'max-uploaded-documents': 1 })]);
    expect(runRule(rule, single)).toEqual([]);
    // Other form values are not the rule's business.
    expect(runRule(rule, flowWith({ children: [photo()], action: navigate({ n: '${form.name}' }) }))).toEqual([]);
  });

  it('reports picker values in navigate payloads', () => {
    const text = flowWith({ children: [photo()], action: navigate({ p: '${form.photo}' }) });
    const found = runRule(rule, text);
    expect(found.map((d) => [d.error, d.message])).toEqual([
      ['INVALID_ON_CLICK_ACTION_PAYLOAD', 'The value of PhotoPicker component is not allowed in the payload of navigate action.'],
    ]);
    expect(summary(found)).toEqual([`INVALID_ON_CLICK_ACTION_PAYLOAD@${lineOf(text, '"p": "${form.photo}"')}`]);
    const global = flowWith({ children: [doc()], action: navigate({}) }, { name: 'complete', payload: {} }, [
      { type: 'EmbeddedLink', text: 'Back', 'on-click-action': { name: 'navigate', next: { type: 'screen', name: 'FIRST' }, payload: { d: '${screen.FIRST.form.doc}' } } },
    ]);
    expect(runRule(rule, global).map((d) => d.message)).toEqual(['The value of DocumentPicker component is not allowed in the payload of navigate action.']);
  });

  it('reports picker values nested or mixed into text', () => {
    const text = flowWith({ children: [photo()], action: { name: 'data_exchange', payload: { media: { images: '${form.photo}' }, text: 'Photos: ${form.photo}' } } });
    const expected = 'The value of following components must be a top-level string in complete and data_exchange on-click-action payload: : [PhotoPicker, DocumentPicker].';
    expect(runRule(rule, text).map((d) => [d.message, d.line_start])).toEqual([
      [expected, lineOf(text, '"images"')],
      [expected, lineOf(text, '"text": "Photos')],
    ]);
  });

  it('reports pickers that allow more than one file in complete payloads (default 30)', () => {
    const text = flowWith({ children: [], action: navigate({}) }, { name: 'complete', payload: { p: '${form.photo}' } }, [photo()]);
    expect(runRule(rule, text).map((d) => [d.message, d.line_start])).toEqual([
      ["PhotoPicker can only be used in complete action payload if value of property 'max-uploaded-photos' doesn't exceed 1. Default value is 30.", lineOf(text, '"p": "${form.photo}"')],
    ]);
    const docs = flowWith({ children: [], action: navigate({}) }, { name: 'complete', payload: { d: '${form.doc}' } }, [doc({ 'max-uploaded-documents': 2 })]);
    expect(runRule(rule, docs).map((d) => d.message)).toEqual([
      "DocumentPicker can only be used in complete action payload if value of property 'max-uploaded-documents' doesn't exceed 1. Default value is 30.",
    ]);
  });

  it('reports a second picker value in one complete payload', () => {
    const text = flowWith({ children: [photo({ 'max-uploaded-photos': 1 })], action: navigate({}) }, { name: 'complete', payload: { d: '${form.doc}', p: '${screen.FIRST.form.photo}' } }, [
      doc({ 'max-uploaded-documents': 1 }),
    ]);
    expect(runRule(rule, text).map((d) => [d.message, d.line_start])).toEqual([["Invalid value found for the property 'p'.", lineOf(text, '"p": ')]]);
  });
});
