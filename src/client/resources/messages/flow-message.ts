import { InvalidArgumentError } from '../../../core/errors.js';
import type { FlowActionEnum, FlowModeEnum } from '../../../enums/flow-action.js';
import { checkFlowParameters } from '../../../platform/messages.js';

/** `interactive.action.parameters` of a flow message (flows-platform §4.1). */
export interface FlowMessageParameters {
  /** Only `'3'` exists. Default `'3'`. */
  flow_message_version?: '3' | 3;
  /** Exactly one of `flow_id` and `flow_name`. */
  flow_id?: string;
  flow_name?: string;
  /** Button text. */
  flow_cta: string;
  /** Opaque token echoed to your endpoint and in the completion webhook. Meta's default is `unused`. */
  flow_token?: string;
  /** Default `published`; draft flows need `draft`. */
  mode?: FlowModeEnum | `${FlowModeEnum}`;
  /** Default `navigate`. */
  flow_action?: FlowActionEnum | `${FlowActionEnum}`;
  /**
   * Only with `navigate`: the first screen and its data. Without `screen`, WhatsApp opens the flow's first entry
   * screen (flows-platform §4.1). `data` is a non-empty object (a JSON string of one is accepted too).
   */
  flow_action_payload?: { screen?: string; data?: Record<string, unknown> | string };
}

export interface InteractiveHeader {
  type: 'text';
  text: string;
}

/** The seed's `messages.interactive` shape, for flows (`type: 'flow'`) and the other interactive types. */
export interface InteractiveMessageParams {
  /** Required at the top level; not used inside Meta's `interactive` object. */
  to?: string | number;
  type: 'flow' | 'button' | 'list' | 'cta_url' | 'product' | 'product_list' | (string & {});
  header?: InteractiveHeader | Record<string, unknown>;
  body?: { text: string };
  footer?: { text: string };
  action: { name?: 'flow' | (string & {}); parameters?: FlowMessageParameters | Record<string, unknown>; [key: string]: unknown };
}

/**
 * Fills the defaults the SDK writes for the caller (`action.name: "flow"`, `flow_message_version: "3"`) and checks
 * the flow message with Meta's rules (src/platform/messages.ts, flows-platform §4.1). Returns the action to send.
 */
export function checkFlowAction(action: InteractiveMessageParams['action']): { name: 'flow'; parameters: Record<string, unknown> } {
  if (!action || typeof action !== 'object') throw new InvalidArgumentError('A flow message needs action: { name: "flow", parameters: { ... } }.');
  if (action.name !== undefined && action.name !== 'flow') throw new InvalidArgumentError(`action.name of a flow message must be "flow"; got ${JSON.stringify(action.name)}.`);
  const p = action.parameters as FlowMessageParameters | undefined;
  if (!p || typeof p !== 'object') throw new InvalidArgumentError('action.parameters is required: { flow_id or flow_name, flow_cta, ... }.');
  const parameters: Record<string, unknown> = { ...p, flow_message_version: p.flow_message_version === undefined ? '3' : p.flow_message_version };
  const verdict = checkFlowParameters(parameters);
  if (!verdict.ok) throw new InvalidArgumentError(verdict.problem);
  parameters.flow_message_version = '3';
  if (verdict.settings.flowId !== undefined) parameters.flow_id = verdict.settings.flowId;
  return { ...action, name: 'flow', parameters };
}
