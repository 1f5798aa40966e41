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

/** Base64 text that decodes to `bytes` bytes (a multiple of 3), each with a marker at the start to find its line. */
const base64 = (bytes: number, marker = 'AAAA') => marker + 'A'.repeat((bytes / 3) * 4 - marker.length);
const KB = 1024;

const radio = (image: string) => ({ type: 'RadioButtonsGroup', name: 'r', label: 'R', 'data-source': [{ id: 'a', title: 'A' }, { id: 'b', title: 'B', image }] });
const navigation = (image: string) => ({ type: 'NavigationList', name: 'n', 'list-items': [{ id: 'a', 'main-content': { title: 'A' }, start: { image } }] });

const rule = 'flow-json/image-size';

describe(rule, () => {
  it("accepts small images, bindings, and Meta's examples", () => {
    expect(runRule(rule, baseFlow())).toEqual([]);
    const pixel = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNk+A8AAQUBAScY42YAAAAASUVORK5CYII=';
    expect(runRule(rule, flowWith('5.0', radio(pixel)))).toEqual([]);
    const bound = { type: 'Image', src: '${data.picture}' };
    expect(runRule(rule, flowWith('7.3', bound, radio('${data.icon}'), navigation('`${data.icon}`')))).toEqual([]);
  });

  // An error: the 100 KB list-image maximum is a documented breaking change of 6.0 (flows-platform §2.2), not a display hint.
  it('reports data-source images over 100 KB from 6.0 as errors (§2.2 6.0 breaking change)', () => {
    const text = flowWith('6.0', radio(base64(102 * KB, 'BIGG')));
    expect(runRule(rule, text).map((d) => [d.error, d.severity, d.message, d.line_start])).toEqual([
      [
        'INVALID_PROPERTY_VALUE',
        'error',
        `Invalid value found for property image at ${AT}/data-source/1. A data-source image from Flow JSON version 6.0 should be at most 100 KB, but this one is 102.0 KB.`,
        lineOf(text, '"BIGG'),
      ],
    ]);
    // The same image is fine before 6.0 (300 KB), and unknown before 5.0 (the key rule's).
    expect(runRule(rule, flowWith('5.1', radio(base64(102 * KB))))).toEqual([]);
    expect(runRule(rule, flowWith('4.0', radio(base64(400 * KB))))).toEqual([]);
    const dropdown = { type: 'Dropdown', name: 'd', label: 'D', 'data-source': [{ id: 'a', title: 'A', image: base64(301 * KB) }] };
    expect(runRule(rule, flowWith('5.0', dropdown)).map((d) => d.message)).toEqual([
      `Invalid value found for property image at ${AT}/data-source/0. A data-source image before Flow JSON version 6.0 should be at most 300 KB, but this one is 301.0 KB.`,
    ]);
  });

  it('measures decoded bytes: padding, whitespace and a data URI prefix do not count', () => {
    // 100 KB exactly is allowed; one byte more is not.
    const limit = 'A'.repeat((100 * KB * 4) / 3 - 1) + '=';
    expect(runRule(rule, flowWith('7.3', radio(limit)))).toEqual([]);
    expect(runRule(rule, flowWith('7.3', radio('data:image/png;base64,' + limit)))).toEqual([]);
    expect(runRule(rule, flowWith('7.3', radio(limit.replace(/A{76}/g, '$&\n'))))).toEqual([]);
    const over = 'data:image/png;base64,' + 'A'.repeat((100 * KB * 4) / 3 + 4);
    expect(runRule(rule, flowWith('7.3', radio(over))).map((d) => d.message.split('. ')[1])).toEqual([
      'A data-source image from Flow JSON version 6.0 should be at most 100 KB, but this one is 100.0 KB.',
    ]);
  });

  it('reports NavigationList start images over 100 KB', () => {
    const text = flowWith('6.2', navigation(base64(150 * KB)));
    expect(runRule(rule, text).map((d) => [d.error, d.severity, d.message, d.line_start])).toEqual([
      [
        'INVALID_PROPERTY_VALUE',
        'error',
        `Invalid value found for property image at ${AT}/list-items/0/start. A NavigationList start image should be at most 100 KB, but this one is 150.0 KB.`,
        lineOf(text, '"image"'),
      ],
    ]);
  });

  // A warning: ~300 KB is Meta's recommendation (flows-platform §2.10), not a rejection.
  it('warns about Image and ImageCarousel images over the recommended 300 KB (§2.10 recommendation)', () => {
    const carousel = { type: 'ImageCarousel', images: [{ src: base64(30 * KB), 'alt-text': 'a' }, { src: base64(330 * KB, 'CARO'), 'alt-text': 'b' }] };
    const text = flowWith('7.3', { type: 'Image', src: base64(303 * KB, 'IMAG') }, carousel);
    expect(runRule(rule, text).map((d) => [d.error, d.severity, d.message, d.line_start])).toEqual([
      [
        'INVALID_PROPERTY_VALUE',
        'warning',
        `Invalid value found for property src at ${AT}. An image should be at most 300 KB (Meta's recommendation), but this one is 303.0 KB.`,
        lineOf(text, '"IMAG'),
      ],
      [
        'INVALID_PROPERTY_VALUE',
        'warning',
        `Invalid value found for property src at $root/screens/0/layout/children/1/images/1. A carousel image should be at most 300 KB (Meta's recommendation), but this one is 330.0 KB.`,
        lineOf(text, '"CARO'),
      ],
    ]);
  });

  it('warns when the static images of a screen add up to more than 1 MB', () => {
    // Three images under 300 KB each and a RichText inline image; nested If branches count too.
    const image = (marker: string) => ({ type: 'Image', src: base64(290 * KB, marker) });
    const rich = { type: 'RichText', text: ['# Terms', `![logo](data:image/png;base64,${base64(180 * KB)})`] };
    const branch = { type: 'If', condition: '${data.show}', then: [image('THEN')] };
    const text = flowWith('7.3', image('ONE1'), image('TWO2'), branch, rich);
    expect(runRule(rule, text).map((d) => [d.error, d.severity, d.message, d.line_start])).toEqual([
      [
        'INVALID_PROPERTY_VALUE',
        'warning',
        'Invalid value found for property layout at $root/screens/0. The static images of this screen add up to 1050.0 KB; the data channel carries at most 1 MB (1024 KB).',
        lineOf(text, '"layout"'),
      ],
    ]);
    // Under 1 MB without the RichText image.
    expect(runRule(rule, flowWith('7.3', image('ONE1'), image('TWO2'), branch))).toEqual([]);
    expect(summary(runRule(rule, flowWith('7.3', image('ONE1'), image('TWO2'), branch, rich)))).toEqual([`INVALID_PROPERTY_VALUE@${lineOf(text, '"layout"')}`]);
  });
});
