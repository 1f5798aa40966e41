import { defineRule } from '../../rule.js';
import { keyNotAllowed } from '../../checks/document-messages.js';

/** `data_channel_uri` is allowed too, but it has its own rule (versions and format): `data-channel-uri.ts`. */
const TOP_LEVEL_KEYS = new Set(['version', 'screens', 'data_api_version', 'routing_model', 'data_channel_uri']);

/** Only `version`, `screens`, `data_api_version`, `routing_model` and `data_channel_uri` at the top level (flows-platform §2.1). */
export const topLevelKeysRule = defineRule({
  id: 'flow-json/top-level-keys',
  description: 'The document has no top-level keys besides version, screens, data_api_version, routing_model and data_channel_uri.',
  severity: 'error',
  versions: 'all',
  evidence: 'flows-platform §2.1, §2.12 INVALID_PROPERTY_KEY',
  check(ctx) {
    return Object.keys(ctx.flow)
      .filter((key) => !TOP_LEVEL_KEYS.has(key))
      .map((key) => keyNotAllowed([], key));
  },
});
