/** Cloud API answer to `POST /{phone}/messages`. */
export interface MessageSendResponse {
  messaging_product: 'whatsapp';
  contacts: Array<{ input: string; wa_id: string }>;
  messages: Array<{ id: string; message_status?: string }>;
}

/** Fields shared by every message the SDK sends. */
export interface MessageBase {
  /** Recipient's WhatsApp id or phone number in international format. */
  to: string | number;
  /** Default `individual`. */
  recipient_type?: 'individual';
  /** Reply to a message. */
  context?: { message_id: string };
  /** Sends from this phone number id instead of the client's `phoneNumberId` (not sent on the wire). */
  phoneNumberId?: string | number;
  /** Arbitrary tracking string echoed in status webhooks. */
  biz_opaque_callback_data?: string;
}
