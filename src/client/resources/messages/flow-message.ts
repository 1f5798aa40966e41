import { InvalidArgumentError } from '../../../core/errors.js';
import type { FlowActionEnum, FlowModeEnum } from '../../../enums/flow-action.js';

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
  /** Only with `navigate`: the first screen and its data. */
  flow_action_payload?: { screen?: string; data?: Record<string, unknown> };
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

const MODES = ['published', 'draft'];
const ACTIONS = ['navigate', 'data_exchange'];

/** Checks a flow message's action and returns it as Meta expects it, with defaults made explicit. */
export function checkFlowAction(action: InteractiveMessageParams['action']): { name: 'flow'; parameters: Record<string, unknown> } {
  if (!action || typeof action !== 'object') throw new InvalidArgumentError('A flow message needs action: { name: "flow", parameters: { ... } }.');
  if (action.name !== undefined && action.name !== 'flow') throw new InvalidArgumentError(`action.name of a flow message must be "flow"; got ${JSON.stringify(action.name)}.`);
  const p = action.parameters as FlowMessageParameters | undefined;
  if (!p || typeof p !== 'object') throw new InvalidArgumentError('action.parameters is required: { flow_id or flow_name, flow_cta, ... }.');

  const version = p.flow_message_version === undefined ? '3' : String(p.flow_message_version);
  if (version !== '3') throw new InvalidArgumentError(`flow_message_version must be "3" (the only version); got ${JSON.stringify(p.flow_message_version)}.`);
  const hasId = p.flow_id !== undefined && p.flow_id !== null;
  const hasName = p.flow_name !== undefined && p.flow_name !== null;
  if (hasId && hasName) throw new InvalidArgumentError('Give either flow_id or flow_name, not both.');
  if (!hasId && !hasName) throw new InvalidArgumentError('A flow message needs flow_id or flow_name.');
  if (hasId) nonEmpty('flow_id', String(p.flow_id));
  if (hasName) nonEmpty('flow_name', p.flow_name);
  nonEmpty('flow_cta', p.flow_cta, 'the button text, e.g. "Book now"');
  if (p.flow_token !== undefined) nonEmpty('flow_token', p.flow_token);
  if (p.mode !== undefined && !MODES.includes(p.mode)) throw new InvalidArgumentError(`mode must be "published" or "draft"; got ${JSON.stringify(p.mode)}.`);
  const flowAction = p.flow_action ?? 'navigate';
  if (!ACTIONS.includes(flowAction)) throw new InvalidArgumentError(`flow_action must be "navigate" or "data_exchange"; got ${JSON.stringify(p.flow_action)}.`);
  const payload = p.flow_action_payload;
  if (payload !== undefined) {
    if (flowAction !== 'navigate') {
      throw new InvalidArgumentError('flow_action_payload is only for flow_action "navigate"; with "data_exchange" your endpoint answers INIT with the first screen.');
    }
    if (!payload || typeof payload !== 'object' || Array.isArray(payload)) throw new InvalidArgumentError('flow_action_payload must be an object: { screen, data? }.');
    if (payload.screen !== undefined) nonEmpty('flow_action_payload.screen', payload.screen);
    if (payload.data !== undefined) {
      if (!payload.data || typeof payload.data !== 'object' || Array.isArray(payload.data) || Object.keys(payload.data).length === 0) {
        throw new InvalidArgumentError('flow_action_payload.data must be a non-empty object (omit it when the first screen needs no data).');
      }
      if (payload.screen === undefined) {
        throw new InvalidArgumentError('flow_action_payload.data needs flow_action_payload.screen: name the screen that receives the data.');
      }
    }
  }
  const parameters: Record<string, unknown> = { ...p, flow_message_version: '3' };
  if (hasId) parameters.flow_id = String(p.flow_id);
  return { ...action, name: 'flow', parameters };
}

function nonEmpty(name: string, value: unknown, hint?: string): void {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new InvalidArgumentError(`${name} must be a non-empty string${hint ? ` (${hint})` : ''}.`);
  }
}
