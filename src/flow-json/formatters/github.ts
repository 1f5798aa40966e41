import type { FlowJsonDiagnostic } from '../diagnostics.js';

/**
 * GitHub Actions workflow commands (`::error file=...,line=...::message`), so findings show as annotations on the
 * pull request's files. The CLI's `--format github` (alias `github-actions`).
 */
export function formatGithub(file: string, diagnostics: readonly FlowJsonDiagnostic[]): string {
  return diagnostics
    .map((d) => {
      const kind = d.severity === 'error' ? 'error' : 'warning';
      const props = `file=${escapeProperty(file)},line=${d.line_start},col=${d.column_start},endLine=${d.line_end},endColumn=${d.column_end},title=${escapeProperty(d.error)}`;
      return `::${kind} ${props}::${escapeData(`${d.message} (${d.rule})`)}`;
    })
    .join('\n');
}

/** @deprecated The same as {@link formatGithub} (the older name). */
export const formatGithubActions = formatGithub;

const escapeData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
