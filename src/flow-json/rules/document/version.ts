import type { Finding } from '../../diagnostics.js';
import { defineRule } from '../../rule.js';
import { PUBLISHABLE_VERSIONS, isKnownVersion, parseVersion } from '../../versions.js';

/**
 * `version` is required, `"{major}.{minor}"`, and one Meta knows (flows-platform §2.1, §2.2).
 * Frozen versions (2.1–5.0) still upload, send and open, but cannot be published: a warning, not an error,
 * so Meta's own older examples validate.
 */
export const versionRule = defineRule({
  id: 'flow-json/version',
  description: 'The Flow JSON version is present, well-formed, supported and (warning) publishable.',
  check(ctx) {
    const v = ctx.flow.version;
    if (v === undefined) return [{ code: 'MISSING_FLOW_JSON_VERSION', message: 'Flow JSON version is not specified.', path: [] }];
    if (typeof v !== 'string' || !parseVersion(v)) return [{ code: 'INVALID_FLOW_JSON_VERSION', message: 'Invalid Flow JSON version.', path: ['version'] }];
    if (!isKnownVersion(v)) return [{ code: 'UNSUPPORTED_FLOW_JSON_VERSION', message: 'Unsupported Flow JSON version.', path: ['version'] }];
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
