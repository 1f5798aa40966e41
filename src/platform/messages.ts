/**
 * Owns: the parameter rules of messages that carry a flow — the interactive flow message (flows-platform §4.1),
 * and, through template-flow-buttons.ts (re-exported here), the template FLOW button — and the shape of
 * Meta's mark-as-read request (§6.5).
 * Consumers: the client's pre-flight checks (src/client/resources/messages/flow-message.ts, template.ts) and the
 * emulator's message and template handlers (src/emulator/handlers/messages.ts, templates.ts). The rules here need
 * no state; whether the named flow or screen exists is the emulator's business.
 *
 * Every function returns a verdict (`problem` = what Meta refuses, with how to fix it), never throws.
 */

import { DEFAULT_FLOW_TOKEN, FLOW_ACTIONS, isObject, isText, refuse, show, type Verdict } from './message-basics.js';

export { DEFAULT_FLOW_TOKEN, FLOW_ACTIONS, type MessageProblem } from './message-basics.js';
export {
  FLOW_BUTTON_ICONS,
  FLOW_BUTTON_TEXT_MAX,
  checkFlowButtonComponent,
  checkTemplateFlowButton,
  type FlowButtonParameterSettings,
  type FlowButtonSettings,
} from './template-flow-buttons.js';

/** `flow_action_payload.data` as the message carries it: an object, or (§4.1 DISAGREE) a JSON string of one. */
export type FlowActionData = Record<string, unknown> | string;

/** A flow message's parameters with Meta's defaults made explicit (§4.1). */
export interface FlowMessageSettings {
  flowId?: string;
  flowName?: string;
  /** Default `published`. */
  mode: 'published' | 'draft';
  /** Default `unused`. */
  flowToken: string;
  /** Default `navigate`. */
  flowAction: 'navigate' | 'data_exchange';
  /** Absent: the flow's first entry screen (§4.1 "screen defaults to FIRST_ENTRY_SCREEN"). */
  screen?: string;
  data?: FlowActionData;
}

export const FLOW_MESSAGE_VERSION = '3';
export const FLOW_MESSAGE_MODES = ['published', 'draft'] as const;


/**
 * The `interactive` object of a flow message (§4.1): `body.text` required, `action.name` "flow", and the
 * parameters below. `header` and `footer` are optional.
 */
export function checkFlowInteractive(interactive: unknown): Verdict<{ settings: FlowMessageSettings }> {
  if (!isObject(interactive)) return refuse('interactive is required for type interactive: { type: "flow", body, action }.');
  const body = interactive.body;
  if (!isObject(body) || !isText(body.text)) return refuse('interactive.body.text is required for flow messages: body: { text: "..." }.');
  const action = interactive.action;
  if (!isObject(action) || action.name !== 'flow') return refuse('interactive.action.name must be "flow" for flow messages.');
  return checkFlowParameters(action.parameters);
}

/** `interactive.action.parameters` of a flow message (§4.1). */
export function checkFlowParameters(p: unknown): Verdict<{ settings: FlowMessageSettings }> {
  if (!isObject(p)) return refuse('interactive.action.parameters is required: { flow_message_version: "3", flow_id or flow_name, flow_cta, ... }.');
  const version = p.flow_message_version;
  if ((typeof version !== 'string' && typeof version !== 'number') || String(version) !== FLOW_MESSAGE_VERSION) {
    return refuse(`flow_message_version must be "3" (the only version); got ${show(version)}.`);
  }
  const hasId = p.flow_id !== undefined && p.flow_id !== null;
  const hasName = p.flow_name !== undefined && p.flow_name !== null;
  if (hasId === hasName) return refuse(hasId ? 'Give either flow_id or flow_name, not both.' : 'A flow message needs flow_id or flow_name.');
  if (hasId && !(isText(p.flow_id) || (typeof p.flow_id === 'number' && Number.isSafeInteger(p.flow_id)))) return refuse('flow_id must be a non-empty string.');
  if (hasName && !isText(p.flow_name)) return refuse('flow_name must be a non-empty string.');
  if (!isText(p.flow_cta)) return refuse('flow_cta must be a non-empty string (the button text, e.g. "Book now").');
  // The token is opaque but echoed to the endpoint and the completion: a blank one can only be a mistake.
  if (p.flow_token !== undefined && !isText(p.flow_token)) return refuse('flow_token must be a non-empty string (omit it for Meta\'s default "unused").');
  const mode = p.mode ?? 'published';
  if (!(FLOW_MESSAGE_MODES as readonly unknown[]).includes(mode)) return refuse(`mode must be "published" or "draft"; got ${show(p.mode)}.`);
  const flowAction = p.flow_action ?? 'navigate';
  if (!(FLOW_ACTIONS as readonly unknown[]).includes(flowAction)) return refuse(`flow_action must be "navigate" or "data_exchange"; got ${show(p.flow_action)}.`);
  const settings: FlowMessageSettings = {
    mode: mode as FlowMessageSettings['mode'],
    flowToken: p.flow_token === undefined ? DEFAULT_FLOW_TOKEN : (p.flow_token as string),
    flowAction: flowAction as FlowMessageSettings['flowAction'],
  };
  if (hasId) settings.flowId = String(p.flow_id);
  else settings.flowName = p.flow_name as string;
  const payload = p.flow_action_payload;
  if (payload === undefined) return { ok: true, settings };
  if (flowAction !== 'navigate') {
    return refuse('flow_action_payload is only for flow_action "navigate"; with "data_exchange" your endpoint answers INIT with the first screen.');
  }
  if (!isObject(payload)) return refuse('flow_action_payload must be an object: { screen?, data? }.');
  if (payload.screen !== undefined) {
    if (!isText(payload.screen)) return refuse('flow_action_payload.screen must be a non-empty screen id (omit it to open the first entry screen).');
    settings.screen = payload.screen;
  }
  if (payload.data !== undefined) {
    if (!isNonEmptyData(payload.data)) {
      return refuse('flow_action_payload.data must be a non-empty object (or a JSON string of one); omit it when the first screen needs no data.');
    }
    settings.data = payload.data as FlowActionData;
  }
  return { ok: true, settings };
}

/**
 * §4.1 DISAGREE: one guide passes `data` as a JSON string, the others as an object; both are accepted, and a
 * string must hold a non-empty JSON object.
 */
function isNonEmptyData(data: unknown): boolean {
  let value = data;
  if (typeof data === 'string') {
    try {
      value = JSON.parse(data);
    } catch {
      return false;
    }
  }
  return isObject(value) && Object.keys(value).length > 0;
}

/** `flow_action_payload.data` as an object (a JSON string is parsed). */
export function flowActionDataObject(data: FlowActionData | undefined): Record<string, unknown> | undefined {
  if (data === undefined) return undefined;
  return typeof data === 'string' ? (JSON.parse(data) as Record<string, unknown>) : data;
}

/**
 * Meta's mark-as-read (§6.5): `{ "messaging_product": "whatsapp", "status": "read", "message_id": "<wamid>" }`,
 * no `to`; answered `{ "success": true }`.
 */
export function isMarkAsRead(body: Record<string, unknown>): boolean {
  return body.status === 'read' && body.to === undefined && body.type === undefined;
}

export function checkMarkAsRead(body: Record<string, unknown>): Verdict<{ messageId: string }> {
  if (body.messaging_product !== 'whatsapp') return refuse('The parameter messaging_product is required and must be "whatsapp".');
  if (!isText(body.message_id)) return refuse('message_id is required to mark a message as read: the wamid of the incoming message.');
  return { ok: true, messageId: body.message_id };
}

