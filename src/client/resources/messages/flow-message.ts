import type { FlowActionEnum, FlowModeEnum } from '../../../enums/flow-action.js';
import type { MessageAddress } from '../../../platform/recipients.js';
import type { DataOf, EntryScreens } from '../../../contract/index.js';
import type { IsWide } from '../../../contract/screens.js';
import type { FlowJson } from '../../../flow-json/types/index.js';
import type { FlowMessageFields, FlowMessageParams } from './messages.js';
import type { MessageOptionsBase, MessageRecipient } from './types.js';

/** `interactive.action.parameters` of a flow message (Meta: Sending a Flow). */
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
   * screen (Meta: Sending a Flow). `data` is a non-empty object (a JSON string of one is accepted too).
   */
  flow_action_payload?: { screen?: string; data?: Record<string, unknown> | string };
}

export interface InteractiveHeader {
  type: 'text';
  text: string;
}

/** The seed's `messages.interactive` shape, for flows (`type: 'flow'`) and the other interactive types. */
export interface InteractiveMessageParams {
  /** Whom it goes to (at the top level only; see `MessageRecipient`); not used inside Meta's `interactive` object. */
  to?: MessageAddress;
  type: 'flow' | 'button' | 'list' | 'cta_url' | 'product' | 'product_list' | (string & {});
  header?: InteractiveHeader | Record<string, unknown>;
  body?: { text: string };
  footer?: { text: string };
  action: { name?: 'flow' | (string & {}); parameters?: FlowMessageParameters | Record<string, unknown>; [key: string]: unknown };
}

/**
 * Fills the defaults the SDK writes for the caller: `action.name: "flow"` and `flow_message_version: "3"` when
 * missing, and `flow_id` as a string. The rules themselves are checked by src/platform/messages.ts.
 */
export function flowActionWithDefaults(action: InteractiveMessageParams['action']): unknown {
  if (!action || typeof action !== 'object' || Array.isArray(action)) return action;
  const p = action.parameters as FlowMessageParameters | undefined;
  if (!p || typeof p !== 'object' || Array.isArray(p)) return { ...action, name: action.name ?? 'flow' };
  const parameters: Record<string, unknown> = { ...p, flow_message_version: p.flow_message_version === undefined || p.flow_message_version === 3 ? '3' : p.flow_message_version };
  if (typeof p.flow_id === 'number') parameters.flow_id = String(p.flow_id);
  return { ...action, name: action.name ?? 'flow', parameters };
}

/**
 * `flowJson` on `client.messages.flow(...)`: with a flow from `defineFlow`, `screen` must be an entry screen of the
 * flow (a screen no route leads to; Meta: Flow JSON reference, Routing model) and `data` that screen's data model
 * (Meta: Sending a Flow, `flow_action_payload`). `flowJson` is only read by the types: it is never sent.
 */
export type FlowMessageTyping<F extends FlowJson> =
  IsWide<F> extends true
    ? FlowMessageParams & { flowJson?: F }
    : Omit<FlowMessageFields, 'screen' | 'data'> & MessageOptionsBase & MessageRecipient & { flowJson: F } & (
        | { [S in EntryScreens<F>]: { screen: S & F['screens'][number]['id']; data?: DataOf<F, S> } }[EntryScreens<F>]
        | { screen?: undefined; data?: DataOf<F, EntryScreens<F>> }
      );
