import type { FlowJsonDiagnostic } from '../diagnostics.js';
import { sourceWindow } from './source-window.js';

export interface PrettyOptions {
  /** Colour with ANSI escapes (default false). */
  color?: boolean;
  /** Widest source excerpt in characters (default 120); longer lines (minified JSON) show a window around the column. */
  width?: number;
}

/**
 * A readable report for one file:
 *
 *   flow.json:12:9  error  INVALID_PROPERTY_KEY  Property lable cannot be specified at $root/screens/0/... (flow-json/component-properties)
 *     12 |         "lable": "Name",
 *        |         ^^^^^^^
 *
 * On a line longer than `width` (minified JSON) the excerpt is a window around the column, with `…` where it was
 * cut, and the caret still sits under the first character of the range.
 */
export function formatPretty(file: string, text: string, diagnostics: readonly FlowJsonDiagnostic[], options: PrettyOptions = {}): string {
  const paint = (code: string, s: string) => (options.color ? `\u001b[${code}m${s}\u001b[0m` : s);
  const lines = text.split('\n');
  const out: string[] = [];
  for (const d of diagnostics) {
    const severity = d.severity === 'error' ? paint('31', 'error') : paint('33', 'warning');
    out.push(`${paint('1', `${file}:${d.line_start}:${d.column_start}`)}  ${severity}  ${d.error}  ${d.message} ${paint('2', `(${d.rule})`)}`);
    const source = lines[d.line_start - 1];
    if (source === undefined) continue;
    const line = source.replace(/\r$/, '');
    const end = d.line_end === d.line_start ? d.column_end : line.length + 1;
    const shown = sourceWindow(line, d.column_start, end, options.width ?? 120);
    const gutter = String(d.line_start);
    out.push(`  ${paint('2', gutter + ' |')} ${shown.text}`);
    out.push(`  ${' '.repeat(gutter.length)} ${paint('2', '|')} ${' '.repeat(shown.caretOffset)}${paint('31', '^'.repeat(shown.caretWidth))}`);
  }
  return out.join('\n');
}
