import type { BusinessScopedUserId, MessageAddress, ParentBusinessScopedUserId } from '../../../platform/recipients.js';

export type { BusinessScopedUserId, MessageAddress, ParentBusinessScopedUserId, PhoneNumber } from '../../../platform/recipients.js';

/**
 * Cloud API answer to `POST /{phone}/messages`. `contacts[].wa_id` comes when the message went to a phone number,
 * `user_id` when it went to a business-scoped user ID (Meta: Business-scoped user IDs; src/platform/recipients.ts).
 */
export interface MessageSendResponse {
  messaging_product: 'whatsapp';
  contacts: Array<{ input: string; wa_id?: string; user_id?: string }>;
  messages: Array<{ id: string; message_status?: string }>;
}

/**
 * Whom a message goes to (Meta: Business-scoped user IDs): `to` is a phone number or a business-scoped user ID (BSUID, e.g.
 * `US.13491208655302741918`, or a parent BSUID `US.ENT.11815799212886844830`); a BSUID goes on the wire as
 * `recipient`. Or give `recipient` (a BSUID) yourself. With a phone number in `to` and a BSUID in `recipient`, both
 * are sent and Meta delivers to the phone number ("to wins").
 */
export type MessageRecipient =
  | { to: MessageAddress; recipient?: BusinessScopedUserId | ParentBusinessScopedUserId }
  | { to?: undefined; recipient: BusinessScopedUserId | ParentBusinessScopedUserId };

/** Fields shared by every message the SDK sends, besides whom it goes to. */
export interface MessageOptionsBase {
  /** Default `individual`. */
  recipient_type?: 'individual';
  /** Reply to a message. */
  context?: { message_id: string };
  /** Sends from this phone number id instead of the client's `phoneNumberId` (not sent on the wire). */
  phoneNumberId?: string | number;
  /** Arbitrary tracking string echoed in status webhooks. */
  biz_opaque_callback_data?: string;
}

/** Fields shared by every message the SDK sends. */
export type MessageBase = MessageOptionsBase & MessageRecipient;
