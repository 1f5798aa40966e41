import type { FlowJsonDiagnostic } from '../diagnostics.js';

export interface PrettyOptions {
  /** Colour with ANSI escapes (default false). */
  color?: boolean;
}

/**
 * A readable report for one file:
 *
 *   flow.json:12:9  error  INVALID_PROPERTY_KEY  Property lable cannot be specified at $root/screens/0/... (flow-json/component-properties)
 *     12 |         "lable": "Name",
 *        |         ^^^^^^^
 */
export function formatPretty(file: string, text: string, diagnostics: readonly FlowJsonDiagnostic[], options: PrettyOptions = {}): string {
  const paint = (code: string, s: string) => (options.color ? `\u001b[${code}m${s}\u001b[0m` : s);
  const lines = text.split('\n');
  const out: string[] = [];
  for (const d of diagnostics) {
    const severity = d.severity === 'error' ? paint('31', 'error') : paint('33', 'warning');
    out.push(`${paint('1', `${file}:${d.line_start}:${d.column_start}`)}  ${severity}  ${d.error}  ${d.message} ${paint('2', `(${d.rule})`)}`);
    const source = lines[d.line_start - 1];
    if (source !== undefined) {
      const shown = source.replace(/\t/g, ' ').replace(/\r$/, '');
      const gutter = String(d.line_start);
      const width = d.line_end === d.line_start ? Math.max(1, d.column_end - d.column_start) : Math.max(1, shown.length - d.column_start + 1);
      out.push(`  ${paint('2', gutter + ' |')} ${truncate(shown, 200)}`);
      out.push(`  ${' '.repeat(gutter.length)} ${paint('2', '|')} ${' '.repeat(Math.min(d.column_start - 1, 200))}${paint('31', '^'.repeat(Math.min(width, 80)))}`);
    }
  }
  return out.join('\n');
}

function truncate(s: string, max: number): string {
  return s.length > max ? s.slice(0, max) + '…' : s;
}
