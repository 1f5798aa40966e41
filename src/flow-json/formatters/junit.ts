import type { FlowJsonDiagnostic } from '../diagnostics.js';
import type { FileReport } from './json.js';

export interface JunitOptions {
  /** Lowest severity that makes a file's test case fail (default `error`, as the CLI's `--fail-on`). */
  failOn?: 'error' | 'warning';
  /** The suite's name (default `meta-cloud-api validate`). */
  suiteName?: string;
}

/**
 * JUnit XML for CI test reports (Jenkins, GitLab, Azure, CircleCI): one `<testsuite>`, one `<testcase>` per file.
 * A file with findings at or above `failOn` gets one `<failure>` listing them (`file:line:col severity CODE
 * message (rule)`); findings below it go to the case's `<system-out>`.
 */
export function formatJunit(reports: readonly FileReport[], options: JunitOptions = {}): string {
  const failOn = options.failOn ?? 'error';
  const suite = options.suiteName ?? 'meta-cloud-api validate';
  const cases = reports.map((r) => {
    const failing = failOn === 'warning' ? [...r.errors, ...r.warnings] : r.errors;
    const other = failOn === 'warning' ? [] : r.warnings;
    const lines = (ds: readonly FlowJsonDiagnostic[]) => [...ds].sort((a, b) => a.offset - b.offset).map((d) => describe(r.file, d)).join('\n');
    const parts: string[] = [];
    if (failing.length > 0) {
      const summary = `${count(r.errors.length, 'error')}${failOn === 'warning' ? `, ${count(r.warnings.length, 'warning')}` : ''}`;
      parts.push(`      <failure message="${xml(summary)}" type="${xml(failing[0]!.error)}">${xml(lines(failing))}</failure>`);
    }
    if (other.length > 0) parts.push(`      <system-out>${xml(lines(other))}</system-out>`);
    const open = `    <testcase name="${xml(r.file)}" classname="${xml(suite)}" file="${xml(r.file)}"`;
    return { failed: failing.length > 0, xml: parts.length ? `${open}>\n${parts.join('\n')}\n    </testcase>` : `${open}/>` };
  });
  const failures = cases.filter((c) => c.failed).length;
  const counts = `tests="${reports.length}" failures="${failures}" errors="0" skipped="0"`;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${xml(suite)}" ${counts}>`,
    `  <testsuite name="${xml(suite)}" ${counts}>`,
    ...cases.map((c) => c.xml),
    '  </testsuite>',
    '</testsuites>',
  ].join('\n');
}

function describe(file: string, d: FlowJsonDiagnostic): string {
  return `${file}:${d.line_start}:${d.column_start} ${d.severity} ${d.error} ${d.message} (${d.rule})`;
}

const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Escapes text for an XML attribute or element; drops characters XML 1.0 cannot carry at all. */
function xml(s: string): string {
  return s
    // eslint-disable-next-line no-control-regex -- exactly the characters XML 1.0 forbids
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/\n/g, '&#10;');
}
