/**
 * The typed events of the `messages` field: flow completions (Meta: Flows webhooks, Flow completion message) and changed business-scoped user
 * IDs (§6.1). Re-exported by `events.ts`, with every other event.
 */
import type { WebhookUser } from '../platform/webhook-users.js';
import type { RawMessage, RawSystem } from './payloads.js';

/** Where a `messages` event came from: the WABA and the business phone number. */
export interface MessagesOrigin {
  /** The WhatsApp Business Account id (`entry.id`). */
  wabaId: string;
  /** `metadata.phone_number_id`: the business number that received the message. */
  phoneNumberId: string;
  /** `metadata.display_phone_number`. */
  displayPhoneNumber?: string;
}

/** A flow completed (`messages` field, `interactive.type: "nfm_reply"`, Meta: Flows webhooks, Flow completion message). */
export interface FlowCompletionEvent extends MessagesOrigin {
  kind: 'flow_completion';
  /**
   * The `flow_token` from `response_json`. Missing on some iOS clients: identify the flow through
   * `contextMessageId` (the id of the flow message you sent) or the payload then.
   */
  flowToken?: string;
  /**
   * `response_json` parsed, without `flow_token`: the `complete` action's payload (endpoint-less flows) or the
   * endpoint's `extension_message_response.params`. `{}` when `response_json` is not a JSON object (see
   * `responseJsonError`).
   */
  response: Record<string, unknown>;
  /** `response_json` exactly as Meta sent it (a JSON string; `''` when it was missing). */
  responseJson: string;
  /**
   * Set when `response_json` is missing, is not JSON or is not a JSON object. The event is still delivered (the
   * user did complete the flow); `response` is `{}` and `responseJson` has the text for your logs.
   */
  responseJsonError?: string;
  /** `nfm_reply.body`: the text WhatsApp shows in the chat (`"Sent"`). */
  body?: string;
  /** `nfm_reply.name` (`"flow"`). */
  name?: string;
  /**
   * Who completed the flow: phone number, business-scoped user ID, parent BSUID and username, each when Meta sent
   * it (`messages[].from` / `from_user_id` / `from_parent_user_id`, the matching `contacts[]` entry;
   * Meta: Business-scoped user IDs). Identify users by `user.userId`: a username user may share no phone number.
   */
  user: WebhookUser;
  /**
   * The user's phone number (`user.waId`), kept for compatibility. Absent when the user does not share it
   * (a username user, Meta: Business-scoped user IDs): use `user.userId` then.
   */
  from?: string;
  /** This message's id (`wamid...`); `''` if Meta sent none. */
  messageId: string;
  /** The id of the flow message this replies to (`context.id`). */
  contextMessageId?: string;
  /** When the user sent it (`timestamp`, unix seconds). Invalid Date when Meta's timestamp is missing. */
  timestamp: Date;
  /** The sender's `contacts[]` entry: profile name and phone number (absent for a user who does not share it). */
  contact?: { name?: string; waId?: string };
  /** The message as Meta sent it. */
  raw: RawMessage;
}

/**
 * A user's business-scoped user ID changed (`messages` field, a `type: "system"` message whose `system.type` is
 * `user_changed_user_id`; Meta: Business-scoped user IDs). Like every system message it comes without `contacts`, and
 * without a phone number. Replace the stored BSUID of `user.userId` (the old one) with `newUserId`.
 */
export interface UserIdChangedEvent extends MessagesOrigin {
  kind: 'user_id_changed';
  /** The user as the message names them (`from_user_id`: the BSUID before the change; `from` if a phone was sent). */
  user: WebhookUser;
  /** The new BSUID (`system.user_id`), when Meta sent it; `system` has every field as sent. */
  newUserId?: string;
  /** Meta's text, e.g. "User <name> changed from <old> to <new>". */
  body?: string;
  /** The `system` object as sent. */
  system: RawSystem;
  /** This message's id (`wamid...`); `''` if Meta sent none. */
  messageId: string;
  /** When it happened (`timestamp`, unix seconds). Invalid Date when missing. */
  timestamp: Date;
  /** The message as Meta sent it. */
  raw: RawMessage;
}
