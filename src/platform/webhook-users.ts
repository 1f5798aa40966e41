import { isBusinessScopedUserId, isParentBusinessScopedUserId } from './recipients.js';
/**
 * Owns: where a `messages` webhook says who the user is (business-scoped user IDs and usernames), both ways:
 * reading a user out of `contacts[]` and a message, and writing a user into them.
 * Consumers: the webhook parser (src/webhooks/completion.ts, src/webhooks/user-id-changed.ts) and the emulator's
 * completion webhook (src/emulator/complete.ts).
 *
 * Evidence (flows-platform §6.1 [M-BSUID]):
 * - `contacts[].user_id` always (the BSUID); `contacts[].parent_user_id` when parent BSUIDs are enabled;
 *   `contacts[].wa_id` and `messages[].from` only where the phone number may be shared; `messages[].from_user_id`
 *   carries the BSUID and `messages[].from_parent_user_id` the parent BSUID. A completion (`nfm_reply`) from a
 *   username user may therefore have no `from` and no `wa_id`.
 * - The username: §6.1 writes `contacts[].username`; vendor guides built on Meta's page (dualhook.com
 *   "BSUID Webhook Changes", Vonage "Webhook Changes for WhatsApp Usernames") put it in `contacts[].profile.username`.
 *   Both are read; the emulator writes `profile.username`, next to `profile.name`, as those guides show it.
 * - System messages (`user_changed_number`, `user_changed_user_id`) come without a `contacts` array (Meta's
 *   "System messages webhook reference", Aug 2026).
 */
import { isRecipientNumber, waIdOf } from './phone-numbers.js';

/** Who sent a webhook message. Every field is optional: which ones Meta fills depends on the user (§6.1). */
export interface WebhookUser {
  /** The phone number (`messages[].from` / `contacts[].wa_id`), digits only; absent when the user does not share it. */
  waId?: string;
  /** The business-scoped user ID (`messages[].from_user_id` / `contacts[].user_id`), e.g. `US.13491208655302741918`. */
  userId?: string;
  /** The parent BSUID (`from_parent_user_id` / `contacts[].parent_user_id`), e.g. `US.ENT.11815799212886844830`. */
  parentUserId?: string;
  /** The user's WhatsApp username, when they have one. */
  username?: string;
}

/** A `contacts[]` entry as Meta sends it (unknown fields kept). */
export interface WebhookContact {
  profile?: { name?: string; username?: string; [key: string]: unknown };
  wa_id?: string;
  user_id?: string;
  parent_user_id?: string;
  username?: string;
  [key: string]: unknown;
}

/** The identity fields of an inbound message. */
export interface WebhookMessageIdentity {
  from?: string;
  from_user_id?: string;
  from_parent_user_id?: string;
}

/**
 * The `contacts[]` entry of a message: the one whose `wa_id` is `from` or whose `user_id` is `from_user_id`; when the
 * message names neither, the only entry there is.
 */
export function contactOfMessage(message: Record<string, unknown>, contacts: readonly unknown[]): WebhookContact | undefined {
  const list = contacts.filter(isRecord) as WebhookContact[];
  const from = text(message.from);
  const fromUserId = text(message.from_user_id);
  if (from === undefined && fromUserId === undefined) return list.length === 1 ? list[0] : undefined;
  return list.find((c) => (from !== undefined && text(c.wa_id) === from) || (fromUserId !== undefined && text(c.user_id) === fromUserId));
}

/** The user of a message: the message's own fields first, then its contact's. */
export function webhookUserOf(message: Record<string, unknown>, contact: WebhookContact | undefined): WebhookUser {
  const profile = contact && isRecord(contact.profile) ? contact.profile : undefined;
  const waId = text(message.from) ?? text(contact?.wa_id);
  const userId = text(message.from_user_id) ?? text(contact?.user_id);
  const parentUserId = text(message.from_parent_user_id) ?? text(contact?.parent_user_id);
  const username = text(contact?.username) ?? text(profile?.username);
  return {
    ...(waId === undefined ? {} : { waId }),
    ...(userId === undefined ? {} : { userId }),
    ...(parentUserId === undefined ? {} : { parentUserId }),
    ...(username === undefined ? {} : { username }),
  };
}

/** The profile name of a contact, when given. */
export function contactName(contact: WebhookContact | undefined): string | undefined {
  return contact && isRecord(contact.profile) ? text(contact.profile.name) : undefined;
}

/**
 * What Meta writes for a user: the `contacts[]` entry and the message's identity fields. A field the user does not
 * have is left out (no phone number: no `wa_id`, no `from`).
 */
export function webhookUserFields(user: WebhookUser, profileName: string): { contact: WebhookContact; message: WebhookMessageIdentity } {
  const contact: WebhookContact = {
    profile: { name: profileName, ...(user.username === undefined ? {} : { username: user.username }) },
    ...(user.waId === undefined ? {} : { wa_id: user.waId }),
    ...(user.userId === undefined ? {} : { user_id: user.userId }),
    ...(user.parentUserId === undefined ? {} : { parent_user_id: user.parentUserId }),
  };
  const message: WebhookMessageIdentity = {
    ...(user.waId === undefined ? {} : { from: user.waId }),
    ...(user.userId === undefined ? {} : { from_user_id: user.userId }),
    ...(user.parentUserId === undefined ? {} : { from_parent_user_id: user.parentUserId }),
  };
  return { contact, message };
}

const USER_KEYS = ['waId', 'userId', 'parentUserId', 'username'] as const;

/**
 * What is wrong with a user to play (the emulator's `/_emulator/complete` `user`, the simulator's `user` option), or
 * undefined: an object of non-empty strings among `waId`, `userId`, `parentUserId`, `username`, with `userId`, since
 * Meta sends `user_id` for every user (§6.1). `waId`, when given, is the phone number written as digits.
 */
export function webhookUserProblem(user: unknown): string | undefined {
  const shape = '{ "userId": "US.13491208655302741918", "username"?: "...", "waId"?: "15551234567", "parentUserId"?: "US.ENT.11815799212886844830" }';
  if (!isRecord(user)) return `user must be an object: ${shape}.`;
  for (const key of Object.keys(user)) {
    if (!(USER_KEYS as readonly string[]).includes(key)) return `user.${key} is not a user field; use ${USER_KEYS.join(', ')}: ${shape}.`;
    if (typeof user[key] !== 'string' || user[key] === '') return `user.${key} must be a non-empty string: ${shape}.`;
  }
  if (user.userId === undefined) return `user.userId (the business-scoped user ID) is required: Meta sends one for every user. ${shape}.`;
  if (!isBusinessScopedUserId(user.userId)) return `user.userId must be a business-scoped user ID (a country code, a dot and letters or digits, e.g. US.13491208655302741918): ${shape}.`;
  if (user.parentUserId !== undefined && !isParentBusinessScopedUserId(user.parentUserId)) return `user.parentUserId must be a parent BSUID (US.ENT.11815799212886844830): ${shape}.`;
  if (user.waId !== undefined && !(isRecipientNumber(user.waId) && waIdOf(user.waId) === user.waId)) return `user.waId must be the phone number as digits, country code first (15551234567), as webhooks write it.`;
  return undefined;
}

/**
 * The system message type that reports a changed BSUID (§6.1): shaped like `user_changed_number`, whose
 * `system.wa_id` is the new number, so the new BSUID is read from `system.user_id` (field name UNVERIFIED:
 * Meta's sample shows only `type` and `body`; the whole `system` object is kept in the event).
 */
export const USER_CHANGED_USER_ID = 'user_changed_user_id';

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return !!value && typeof value === 'object' && !Array.isArray(value);
}
