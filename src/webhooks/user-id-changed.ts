/** `user_changed_user_id` system messages → `UserIdChangedEvent` (flows-platform §6.1). */
import { USER_CHANGED_USER_ID, webhookUserOf } from '../platform/webhook-users.js';
import { unixSecondsToDate, type MessageOrigin } from './completion.js';
import type { UserIdChangedEvent } from './events.js';
import type { RawMessage, RawSystem } from './payloads.js';

/** Whether a message reports a changed BSUID: `type: "system"` with `system.type: "user_changed_user_id"`. */
export function isUserIdChange(message: Record<string, unknown>): message is RawMessage & { system: RawSystem } {
  const system = message.system as { type?: unknown } | undefined;
  return !!system && typeof system === 'object' && system.type === USER_CHANGED_USER_ID;
}

/**
 * The event of a `user_changed_user_id` message. System messages come without `contacts` (Meta's system messages
 * webhook reference), so the user is read from the message alone.
 */
export function toUserIdChanged(message: RawMessage & { system: RawSystem }, origin: MessageOrigin): UserIdChangedEvent {
  const system = message.system;
  return {
    kind: 'user_id_changed',
    user: webhookUserOf(message, undefined),
    ...(typeof system.user_id === 'string' && system.user_id !== '' ? { newUserId: system.user_id } : {}),
    ...(typeof system.body === 'string' ? { body: system.body } : {}),
    system,
    messageId: typeof message.id === 'string' ? message.id : '',
    timestamp: unixSecondsToDate(message.timestamp),
    wabaId: origin.wabaId,
    phoneNumberId: origin.phoneNumberId,
    ...(origin.displayPhoneNumber === undefined ? {} : { displayPhoneNumber: origin.displayPhoneNumber }),
    raw: message,
  };
}
