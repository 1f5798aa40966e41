import type { Finding } from '../../diagnostics.js';
import { defineRule } from '../../rule.js';
import { compareVersions } from '../../../platform/versions.js';
import { wrongType } from '../../checks/document-messages.js';

/** An absolute URI as JSON Schema's `uri` format wants it: a scheme, a colon, then no whitespace. */
const ABSOLUTE_URI = /^[A-Za-z][A-Za-z0-9+.-]*:\S+$/;

/**
 * `data_channel_uri` only before 3.0, as a `uri` (flows-platform §2.1). Meta's catalogue prints this error with
 * `data_api_version` in it, a documented doc bug (§2.1 note); the property meant is `data_channel_uri`, as
 * every Meta example from 3.0 on uses `data_api_version`.
 */
export const dataChannelUriRule = defineRule({
  id: 'flow-json/data-channel-uri',
  description: 'data_channel_uri appears only before Flow JSON 3.0 and is a URI.',
  severity: 'error',
  versions: 'all',
  evidence: 'flows-platform §2.1 (data_channel_uri only before 3.0, uri format), §2.12 INVALID_PROPERTY_KEY',
  check(ctx) {
    const value = ctx.flow.data_channel_uri;
    // Without a readable version the version rule reports; which versions allow the key is then unknown.
    if (value === undefined || !ctx.version) return [];
    if (compareVersions(ctx.version, '3.0') >= 0) {
      return [
        {
          code: 'INVALID_PROPERTY_KEY',
          message:
            "Property 'data_channel_uri' is no longer supported in Flow JSON as of version '3.0'. Please configure your endpoint URI using Flows API or Builder. Refer Flows documentation at https://developers.facebook.com/docs/whatsapp/flows for more information.",
          path: ['data_channel_uri'],
          target: 'key',
        },
      ];
    }
    const findings: Finding[] = [];
    if (typeof value !== 'string') findings.push(wrongType(['data_channel_uri'], 'string', value));
    else if (!ABSOLUTE_URI.test(value)) {
      findings.push({ code: 'INVALID_PROPERTY_VALUE_FORMAT', message: "Property 'data_channel_uri' should be in 'uri' format.", path: ['data_channel_uri'] });
    }
    return findings;
  },
});
