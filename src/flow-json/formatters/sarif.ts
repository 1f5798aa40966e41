import type { FlowJsonDiagnostic } from '../diagnostics.js';
import { artifactUri } from './artifact-uri.js';
import type { FileReport } from './json.js';
import { ruleMetadata } from '../rules/index.js';

export interface SarifOptions {
  /** `tool.driver.version` (the CLI passes the package version). */
  toolVersion?: string;
}

/**
 * One SARIF 2.1.0 log for a whole run (GitHub code scanning, Azure DevOps and most CI viewers read it): one run,
 * the rules that fired in `tool.driver.rules` (id = the stable rule id, e.g. `flow-json/version`, with its
 * description and default level), one result per
 * diagnostic with its level (`error`: Meta rejects it; `warning`: Meta accepts it), message and region. Regions
 * use SARIF's default column unit, UTF-16 code units, as the diagnostics do; `endColumn` is exclusive in both.
 * Meta's error code (`INVALID_PROPERTY_VALUE`, ...) and the JSON pointer are kept in each result's `properties`.
 */
export function formatSarif(reports: readonly FileReport[], options: SarifOptions = {}): string {
  const all = reports.flatMap((r) => [...r.errors, ...r.warnings].sort((a, b) => a.offset - b.offset).map((d) => ({ file: r.file, d })));
  const ruleIds = [...new Set(all.map(({ d }) => d.rule))].sort();
  const rules = ruleIds.map((id) => {
    const meta = ruleMetadata.find((r) => r.id === id);
    return {
      id,
      name: ruleName(id),
      shortDescription: { text: meta?.description ?? `Flow JSON rule ${id}` },
      // The rule's own severity before any --rule override: error = Meta rejects it, warning = Meta accepts it.
      ...(meta ? { defaultConfiguration: { level: meta.severity } } : {}),
      helpUri: 'https://developers.facebook.com/docs/whatsapp/flows/reference/flowjson',
    };
  });
  const results = all.map(({ file, d }) => result(file, d, ruleIds.indexOf(d.rule)));
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'meta-cloud-api',
            informationUri: 'https://www.npmjs.com/package/meta-cloud-api',
            ...(options.toolVersion ? { version: options.toolVersion } : {}),
            rules,
          },
        },
        artifacts: reports.map((r) => ({ location: { uri: artifactUri(r.file) } })),
        results,
      },
    ],
  };
  return JSON.stringify(log, null, 2);
}

function result(file: string, d: FlowJsonDiagnostic, ruleIndex: number) {
  return {
    ruleId: d.rule,
    ruleIndex,
    level: d.severity === 'error' ? 'error' : 'warning',
    message: { text: `${d.error}: ${d.message}` },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: artifactUri(file) },
          region: { startLine: d.line_start, startColumn: d.column_start, endLine: d.line_end, endColumn: Math.max(d.column_end, d.line_end === d.line_start ? d.column_start + 1 : 1), charOffset: d.offset, charLength: d.length },
        },
      },
    ],
    properties: { metaErrorCode: d.error, errorType: d.error_type, jsonPointer: d.path },
  };
}

/** `flow-json/screen-id-unique` → `ScreenIdUnique` (SARIF's optional PascalCase rule name). */
function ruleName(id: string): string {
  return id
    .replace(/^.*\//, '')
    .split('-')
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join('');
}
