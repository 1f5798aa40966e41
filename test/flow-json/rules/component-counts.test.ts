import { describe, expect, it } from 'vitest';
import { PAST_DOCUMENTED_MAXIMUM } from '../../../src/platform/limits.js';
import { baseFlow, runRule, summary } from '../helpers.js';

/** A one-screen terminal flow with these components before its Footer, as text. */
function flowWith(version: string, ...children: object[]): string {
  const footer = { type: 'Footer', label: 'Done', 'on-click-action': { name: 'complete', payload: {} } };
  const screen = { id: 'ONLY', title: 'Only', terminal: true, data: {}, layout: { type: 'SingleColumnLayout', children: [...children, footer] } };
  return JSON.stringify({ version, screens: [screen] }, null, 2);
}
const lineOf = (text: string, needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length;

const rule = 'flow-json/component-counts';
const times = (n: number, make: (i: number) => object) => Array.from({ length: n }, (_, i) => make(i));
const link = (i: number) => ({ type: 'EmbeddedLink', text: `Link ${i}`, 'on-click-action': { name: 'data_exchange', payload: {} } });
const image = () => ({ type: 'Image', src: 'aGk=' });
const carousel = () => ({ type: 'ImageCarousel', images: [{ src: 'aGk=', 'alt-text': 'a' }] });

describe(rule, () => {
  it('accepts screens at the maxima', () => {
    expect(runRule(rule, baseFlow())).toEqual([]);
    const full = [...times(2, link), ...times(3, image), ...times(5, (i) => ({ type: 'OptIn', name: `o${i}`, label: 'O' })), { type: 'PhotoPicker', name: 'p', label: 'P' }, ...times(2, carousel)];
    expect(runRule(rule, flowWith('7.3', ...full, ...times(49 - full.length, (i) => ({ type: 'TextBody', text: `${i}` }))))).toEqual([]);
  });

  // EmbeddedLink 2, Image 3, OptIn 5: catalogued codes (§2.11) -> errors; NavigationList 2, ImageCarousel 2: no code -> warnings.
  it('reports the first component past a maximum: catalogued ones as errors, the others as warnings (§2.11)', () => {
    const text = flowWith('7.3', ...times(3, link));
    expect(runRule(rule, text).map((d) => [d.error, d.message, d.line_start, d.path])).toEqual([
      ['MAX_EMBEDDED_LINK_PER_SCREEN', 'Maximum number of EmbeddedLink allowed per screen is 2 but found 3.', lineOf(text, '"Link 2"') - 2, '/screens/0/layout/children/2'],
    ]);
    expect(runRule(rule, flowWith('7.3', ...times(4, image))).map((d) => [d.error, d.message])).toEqual([
      ['MAX_IMAGE_PER_SCREEN', 'Maximum number of Image allowed per screen is 3 but found 4.'],
    ]);
    expect(runRule(rule, flowWith('7.3', ...times(6, (i) => ({ type: 'OptIn', name: `o${i}`, label: 'O' })))).map((d) => d.error)).toEqual(['MAX_OPT_IN_PER_SCREEN']);
    expect(runRule(rule, flowWith('7.3', ...times(4, image))).map((d) => d.severity)).toEqual(['error']);
    expect(runRule(rule, flowWith('7.3', ...times(3, () => ({ type: 'NavigationList', name: 'n', 'list-items': [] })))).map((d) => [d.error, d.severity])).toEqual([['MAX_NAVIGATION_LIST_PER_SCREEN', 'warning']]);
    expect(runRule(rule, flowWith('7.3', ...times(3, carousel))).map((d) => [d.error, d.severity])).toEqual([['MAX_IMAGE_CAROUSEL_PER_SCREEN', 'warning']]);
  });

  it("uses Meta's wording for the media pickers", () => {
    const photo = { type: 'PhotoPicker', name: 'p', label: 'P' };
    const doc = { type: 'DocumentPicker', name: 'd', label: 'D' };
    expect(runRule(rule, flowWith('7.3', photo, { ...photo, name: 'q' })).map((d) => [d.error, d.message])).toEqual([
      ['MAX_PHOTO_PICKER_PER_SCREEN', 'You can only have a maximum of 1 component of type PhotoPicker per screen.'],
      ['MAX_MEDIA_PICKER_PER_SCREEN', 'You can only have a maximum of 1 component of type PhotoPicker or DocumentPicker per screen.'],
    ]);
    expect(runRule(rule, flowWith('7.3', doc, { ...doc, name: 'e' })).map((d) => d.error)).toEqual(['MAX_DOCUMENT_PICKER_PER_SCREEN', 'MAX_MEDIA_PICKER_PER_SCREEN']);
    const text = flowWith('7.3', photo, doc);
    expect(summary(runRule(rule, text))).toEqual([`MAX_MEDIA_PICKER_PER_SCREEN@${lineOf(text, '"DocumentPicker"') - 1}`]);
  });

  it('counts the branches of an If or a Switch for the most one of them shows', () => {
    const branches = { type: 'If', condition: '${data.a}', then: times(2, link), else: times(2, link) };
    expect(runRule(rule, flowWith('7.3', branches))).toEqual([]);
    const cases = { type: 'Switch', value: '${data.a}', cases: { a: [{ type: 'PhotoPicker', name: 'p', label: 'P' }], b: [{ type: 'DocumentPicker', name: 'd', label: 'D' }] } };
    expect(runRule(rule, flowWith('7.3', cases))).toEqual([]);
    const plus = flowWith('7.3', link(0), branches);
    expect(runRule(rule, plus).map((d) => [d.error, d.path])).toEqual([['MAX_EMBEDDED_LINK_PER_SCREEN', '/screens/0/layout/children/1/then/1']]);
  });

  // 50 components per screen: documented (§2.4 [M-COMP], §2.11) but no catalogued code: a warning (src/platform/limits.ts).
  it('warns on more than 50 components on a screen, containers aside (documented, no §2.12 code)', () => {
    const form = { type: 'Form', name: 'f', children: times(49, (i) => ({ type: 'TextInput', name: `i${i}`, label: 'L' })) };
    expect(runRule(rule, flowWith('7.3', form))).toEqual([]);
    const text = flowWith('7.3', ...times(50, (i) => ({ type: 'TextBody', text: `Line ${i}` })));
    expect(runRule(rule, text).every((d) => d.severity === 'warning')).toBe(true);
    expect(runRule(rule, text).map((d) => [d.error, d.message, d.path])).toEqual([
      ['MAX_COMPONENTS_PER_SCREEN', `Maximum number of components allowed per screen is 50 but found 51. ${PAST_DOCUMENTED_MAXIMUM}.`, '/screens/0/layout/children/50'],
    ]);
  });

  // 3 ImageCarousels per flow: documented (§2.10, §2.11), no catalogued code: a warning.
  it('warns on more than 3 ImageCarousels in the flow (documented, no §2.12 code)', () => {
    const flow = JSON.parse(flowWith('7.3', ...times(2, carousel)));
    flow.screens.unshift({ id: 'FIRST', title: 'First', data: {}, layout: { type: 'SingleColumnLayout', children: [...times(2, carousel), { type: 'Footer', label: 'Next', 'on-click-action': { name: 'navigate', next: { type: 'screen', name: 'ONLY' }, payload: {} } }] } });
    expect(runRule(rule, flow).map((d) => [d.error, d.message, d.path])).toEqual([
      ['MAX_IMAGE_CAROUSEL_PER_FLOW', `Maximum number of ImageCarousel allowed per flow is 3 but found 4. ${PAST_DOCUMENTED_MAXIMUM}.`, '/screens/1/layout/children/1'],
    ]);
    expect(runRule(rule, flow).map((d) => d.severity)).toEqual(['warning']);
  });
});
