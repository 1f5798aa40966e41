import type { FlowJsonRule } from '../../rule.js';
import { dataApiVersionRule } from './data-api-version.js';
import { dataChannelUriRule } from './data-channel-uri.js';
import { routingModelRequiredRule } from './routing-model-required.js';
import { screensArrayRule } from './screens-array.js';
import { topLevelKeysRule } from './top-level-keys.js';
import { versionRule } from './version.js';

/** The document rules, one per file in this folder. */
export const DOCUMENT_RULES: FlowJsonRule[] = [
  versionRule,
  topLevelKeysRule,
  dataChannelUriRule,
  screensArrayRule,
  dataApiVersionRule,
  routingModelRequiredRule,
];
