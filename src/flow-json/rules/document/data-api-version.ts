import { defineRule } from '../../rule.js';
import { DATA_API_VERSIONS } from '../../../platform/versions.js';
import { wrongType } from '../../checks/document-messages.js';

/**
 * `data_api_version`, when present, is `"3.0"` or `"4.0"` (flows-platform §2.1, §2.2).
 * Code choice: `NO_SUPPORTED_DATA_API_VERSION` ("No supported Data API version found for given Flow JSON
 * version.") — Meta's catalogue illustrates exactly this error with an unknown `data_api_version` value, and
 * retired values such as "1.0"/"2.0" are the "no supported version" case; `INVALID_PROPERTY_VALUE` is Meta's
 * generic schema error. A value that is not a string is a type error.
 */
export const dataApiVersionRule = defineRule({
  id: 'flow-json/data-api-version',
  description: 'data_api_version is a supported Data API version (3.0 or 4.0).',
  severity: 'error',
  versions: 'all',
  evidence: 'flows-platform §2.1, §2.2, §2.12 NO_SUPPORTED_DATA_API_VERSION',
  check(ctx) {
    const value = ctx.flow.data_api_version;
    if (value === undefined) return [];
    if (typeof value !== 'string') return [wrongType(['data_api_version'], 'string', value)];
    if ((DATA_API_VERSIONS as readonly string[]).includes(value)) return [];
    return [
      {
        code: 'NO_SUPPORTED_DATA_API_VERSION',
        message: 'No supported Data API version found for given Flow JSON version.',
        path: ['data_api_version'],
      },
    ];
  },
});
