/** `messages` items → `FlowCompletionEvent` (flows-platform §4.3). */
import { contactName, contactOfMessage, webhookUserOf } from '../platform/webhook-users.js';
import type { FlowCompletionEvent } from './events.js';
import type { RawContact, RawMessage } from './payloads.js';

/** What a completion needs from around the message: the change's metadata and contacts, and the entry's WABA. */
export interface MessageOrigin {
  wabaId: string;
  phoneNumberId: string;
  displayPhoneNumber?: string;
  contacts: readonly RawContact[];
}

/**
 * Whether a message is a flow completion: recognised by its content alone, an interactive message of type
 * `nfm_reply`. Nothing about the sender is required: a username user's completion has no `from` and no `wa_id`
 * (flows-platform §6.1), and an event missing an id is still delivered (see `messageId`).
 */
export function isNfmReply(message: Record<string, unknown>): message is RawMessage {
  const interactive = message.interactive as { type?: unknown } | undefined;
  return !!interactive && typeof interactive === 'object' && interactive.type === 'nfm_reply';
}

/**
 * The completion event of an `nfm_reply` message. `response_json` is parsed and `flow_token` taken out of it;
 * a missing token (some iOS clients) leaves `flowToken` undefined; a `response_json` that is missing, not JSON or
 * not an object gives `response: {}` and `responseJsonError`.
 */
export function toFlowCompletion(message: RawMessage, origin: MessageOrigin): FlowCompletionEvent {
  const reply = (message.interactive?.nfm_reply ?? {}) as Record<string, unknown>;
  const responseJson = typeof reply.response_json === 'string' ? reply.response_json : '';
  const parsed = parseResponseJson(reply.response_json);
  const response = { ...parsed.response };
  const token = response.flow_token;
  delete response.flow_token;
  const context = message.context && typeof message.context === 'object' ? message.context : undefined;
  const matched = contactOfMessage(message, origin.contacts);
  const user = webhookUserOf(message, matched);
  const name = contactName(matched);
  const contact = matched ? { ...(name === undefined ? {} : { name }), ...(user.waId === undefined ? {} : { waId: user.waId }) } : undefined;
  return {
    kind: 'flow_completion',
    ...(typeof token === 'string' ? { flowToken: token } : {}),
    response,
    responseJson,
    ...(parsed.error === undefined ? {} : { responseJsonError: parsed.error }),
    ...(typeof reply.body === 'string' ? { body: reply.body } : {}),
    ...(typeof reply.name === 'string' ? { name: reply.name } : {}),
    user,
    ...(user.waId === undefined ? {} : { from: user.waId }),
    messageId: typeof message.id === 'string' ? message.id : '',
    ...(typeof context?.id === 'string' ? { contextMessageId: context.id } : {}),
    timestamp: unixSecondsToDate(message.timestamp),
    ...(contact ? { contact } : {}),
    wabaId: origin.wabaId,
    phoneNumberId: origin.phoneNumberId,
    ...(origin.displayPhoneNumber === undefined ? {} : { displayPhoneNumber: origin.displayPhoneNumber }),
    raw: message,
  };
}

function parseResponseJson(text: unknown): { response: Record<string, unknown>; error?: string } {
  if (typeof text !== 'string') return { response: {}, error: 'nfm_reply.response_json is missing or not a string.' };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { response: {}, error: `nfm_reply.response_json is not JSON: ${(error as Error).message}` };
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) return { response: {}, error: 'nfm_reply.response_json is not a JSON object.' };
  return { response: value as Record<string, unknown> };
}

/** `"1700000000"` or `1700000000` (unix seconds) → Date; Invalid Date for anything else. */
export function unixSecondsToDate(value: unknown): Date {
  const n = typeof value === 'number' ? value : typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value) : NaN;
  return new Date(n * 1000);
}
