import { describe, expect, it } from 'vitest';
import { formatPretty } from '../../src/flow-json/formatters/pretty.js';
import { sourceWindow } from '../../src/flow-json/formatters/source-window.js';
import { validateFlowJson } from '../../src/flow-json/validate.js';
import { baseFlow } from '../flow-json/helpers.js';

/** The excerpt and caret lines of a one-diagnostic report, the caret's column within the excerpt. */
function excerpt(report: string): { text: string; caret: number; width: number } {
  const [, source, marks] = report.split('\n');
  const prefix = source!.indexOf('| ') + 2;
  const caretLine = marks!.slice(prefix);
  return { text: source!.slice(prefix), caret: caretLine.indexOf('^'), width: caretLine.trim().length };
}

describe('the pretty report marks the right column on any line', () => {
  // Minified JSON: the whole flow on one line, the error a few thousand characters in.
  const flow = baseFlow() as { screens: Array<{ layout: { children: Array<Record<string, unknown>> } }> };
  for (let i = 0; i < 40; i++) flow.screens[0]!.layout.children.unshift({ type: 'TextBody', text: `Padding paragraph number ${i} to make the line long` });
  flow.screens[0]!.layout.children.push({ type: 'TextBody', text: 'tail', lable: 'oops' });
  const minified = JSON.stringify(flow);

  it('puts the caret under the offending key in a long minified line, in a window around it', () => {
    const { errors, warnings } = validateFlowJson(minified);
    const diagnostics = [...errors, ...warnings];
    expect(diagnostics.length).toBeGreaterThan(0);
    expect(minified.length).toBeGreaterThan(2000);
    for (const d of diagnostics) {
      expect(d.offset).toBeGreaterThan(200);
      const shown = excerpt(formatPretty('flow.json', minified, [d]));
      expect(shown.text.length).toBeLessThanOrEqual(122);
      expect(shown.text.startsWith('…')).toBe(true);
      // The character under the caret is the first character of the range in the source, whatever the window.
      expect(shown.text.slice(shown.caret, shown.caret + d.length)).toBe(minified.slice(d.offset, d.offset + d.length).slice(0, shown.width));
    }
    const lable = diagnostics.find((d) => minified.slice(d.offset, d.offset + 7) === '"lable"');
    expect(lable).toBeDefined();
  });

  it('shows short lines whole with the caret at the column', () => {
    const w = sourceWindow('  "version": "7",', 14, 17);
    expect(w).toEqual({ text: '  "version": "7",', caretOffset: 13, caretWidth: 3 });
  });

  it.each([0, 1, 59, 60, 500, 998, 999])('keeps the caret right at column %i+1 of a 1000-character line', (index) => {
    const line = Array.from({ length: 1000 }, (_, i) => String.fromCharCode(33 + (i % 90))).join('');
    const w = sourceWindow(line, index + 1, index + 2, 80);
    expect(w.text.length).toBeLessThanOrEqual(82);
    expect(w.text[w.caretOffset]).toBe(line[index]);
    expect(w.caretWidth).toBe(1);
  });

  it('replaces tabs without moving the caret', () => {
    const w = sourceWindow('\t\t"x": 1', 3, 6);
    expect(w.text[w.caretOffset]).toBe('"');
  });
});
