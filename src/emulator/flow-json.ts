import { newLinkToken } from './access.js';
import { validateFlowJson } from '../flow-json/validate.js';
import type { FlowJsonVersionRecord, FlowValidationItem } from './state.js';

/**
 * Runs the project's validator on uploaded Flow JSON and keeps what the Graph API reports about it:
 * `validation_errors` in Meta's item shape (with `pointers` whose `path` reads `screens[0].layout.children[0]`),
 * `json_version` and `data_api_version`.
 */
export function inspectFlowJson(text: string, assetId: string, uploadedAt: string): FlowJsonVersionRecord {
  const { errors } = validateFlowJson(text);
  const record: FlowJsonVersionRecord = {
    text,
    assetId,
    downloadToken: newLinkToken(),
    uploadedAt,
    validationErrors: errors.map(
      (e): FlowValidationItem => ({
        error: e.error,
        error_type: e.error_type,
        message: e.message,
        line_start: e.line_start,
        line_end: e.line_end,
        column_start: e.column_start,
        column_end: e.column_end,
        pointers: [{ line_start: e.line_start, line_end: e.line_end, column_start: e.column_start, column_end: e.column_end, path: pointerToPath(e.path) }],
      }),
    ),
  };
  try {
    const doc = JSON.parse(text) as Record<string, unknown>;
    if (typeof doc.version === 'string') record.version = doc.version;
    if (typeof doc.data_api_version === 'string') record.dataApiVersion = doc.data_api_version;
  } catch {
    // invalid JSON: reported in validationErrors
  }
  return record;
}

/** `/screens/0/layout/children/1/type` → `screens[0].layout.children[1].type` (the path style of Meta's pointers). */
export function pointerToPath(pointer: string): string {
  return pointer
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((out, seg) => (/^\d+$/.test(seg) ? `${out}[${seg}]` : out ? `${out}.${seg}` : seg), '');
}

/** Screen ids of a Flow JSON text (empty when it does not parse). */
export function screenIds(text: string | undefined): string[] {
  if (!text) return [];
  try {
    const doc = JSON.parse(text) as { screens?: Array<{ id?: unknown }> };
    return Array.isArray(doc.screens) ? doc.screens.map((s) => s?.id).filter((id): id is string => typeof id === 'string') : [];
  } catch {
    return [];
  }
}
