import type { FlowJsonRule } from '../../rule.js';
import { actionNameRule } from './action-name.js';
import { actionPropertiesRule } from './action-properties.js';
import { completeOnTerminalScreenRule } from './complete-on-terminal-screen.js';
import { dataExchangeRequiresDataApiVersionRule } from './data-exchange-requires-data-api-version.js';
import { mediaPickerPayloadRule } from './media-picker-payload.js';
import { navigateNextScreenRule } from './navigate-next-screen.js';
import { navigatePayloadDataModelRule } from './navigate-payload-data-model.js';

/** The actions rules, one per file in this folder. */
export const ACTIONS_RULES: FlowJsonRule[] = [
  actionNameRule,
  actionPropertiesRule,
  completeOnTerminalScreenRule,
  navigateNextScreenRule,
  navigatePayloadDataModelRule,
  mediaPickerPayloadRule,
  dataExchangeRequiresDataApiVersionRule,
];
