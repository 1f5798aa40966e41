import type { FlowJsonDiagnostic } from '../diagnostics.js';

export interface FileReport {
  file: string;
  valid: boolean;
  errors: FlowJsonDiagnostic[];
  warnings: FlowJsonDiagnostic[];
}

/** One JSON document for a whole run: `{ valid, files: [{ file, valid, errors, warnings }] }`. */
export function formatJson(reports: readonly FileReport[]): string {
  return JSON.stringify({ valid: reports.every((r) => r.valid), files: reports }, null, 2);
}
