import type { Finding } from '../../diagnostics.js';
import { defineRule } from '../../rule.js';
import { PUBLISHABLE_VERSIONS, isKnownVersion, parseVersion } from '../../../platform/versions.js';

/**
 * `version` is required, `"{major}.{minor}"`, and one Meta knows (flows-platform §2.1, §2.2, §2.12). Without one,
 * Meta has no schema to check against and answers with one version error and nothing else (§6.5): this is the only
 * rule that runs then (`versions: 'always'`; every other rule declares the versions it needs). A well-formed version
 * Meta does not know (`"1.0"`, `"9.1"`) gets Meta's answer, INVALID_FLOW_JSON "No schema found for the given
 * version" (§6.5, §2.12).
 * Frozen versions (2.1–5.0) still upload, send and open, but cannot be published: a warning, not an error,
 * so Meta's own older examples validate.
 */
export const versionRule = defineRule({
  id: 'flow-json/version',
  description: 'The Flow JSON version is present, well-formed, supported and (warning) publishable.',
  severity: 'error',
  versions: 'always',
  evidence: 'flows-platform §2.1, §2.2, §2.12 version codes, §6.5 (an unknown version: one error, nothing else)',
  check(ctx) {
    const v = ctx.flow.version;
    if (v === undefined) return [{ code: 'MISSING_FLOW_JSON_VERSION', message: 'Flow JSON version is not specified.', path: [] }];
    if (typeof v !== 'string' || !parseVersion(v)) return [{ code: 'INVALID_FLOW_JSON_VERSION', message: 'Invalid Flow JSON version.', path: ['version'] }];
    if (!isKnownVersion(v)) {
      const message = `No schema found for the given version ${v}. Use one of ${PUBLISHABLE_VERSIONS.join(', ')} (${PUBLISHABLE_VERSIONS.at(-1)} recommended).`;
      return [{ code: 'INVALID_FLOW_JSON', message, path: ['version'] }];
    }
    const findings: Finding[] = [];
    if (!PUBLISHABLE_VERSIONS.includes(v)) {
      findings.push({
        code: 'UNSUPPORTED_FLOW_JSON_VERSION',
        message: `Versions in Flow JSON file are not available for publishing: version '${v}' is frozen. Use ${PUBLISHABLE_VERSIONS.at(-1)}.`,
        path: ['version'],
        severity: 'warning',
      });
    }
    return findings;
  },
});
