/**
 * Owns: how Meta writes a business phone number in the two places the emulator shows one.
 * Also owns what a phone number in a message's `to` looks like (a phone number or WhatsApp id); whether a message
 * goes to a phone number or a business-scoped user ID is src/platform/recipients.ts, which uses it.
 * Consumers: the emulator's phone number nodes (src/emulator/handlers/nodes.ts), its completion webhooks
 * (src/emulator/complete.ts), and src/platform/recipients.ts (client sends, emulator message handler).
 *
 * Evidence:
 * - Phone number node (`GET /{WABA}/phone_numbers`, `GET /{PHONE_NUMBER_ID}`): `display_phone_number` is the
 *   international number with a `+`, a space after the country code and dashes: `"+1 555-555-5555"` (Meta's
 *   Postman collection, test/fixtures/meta-flows-tools, "Get Phone Numbers" example answer).
 * - Webhooks (`metadata.display_phone_number`, `context.from`, flows-platform §4.3): digits only, country code
 *   first, e.g. `"15550001111"` (Meta's webhook samples; a `wa_id` is written the same way).
 *
 * The emulator invents one US test number (+1 555 ...) per phone number id, from the id's last seven digits.
 */

/** The seven subscriber digits the emulator gives a phone number id. */
function subscriberDigits(phoneNumberId: string): string {
  return phoneNumberId.replace(/\D/g, '').slice(-7).padStart(7, '0');
}

/** `+1 555-123-4567`: the node's `display_phone_number`. */
export function nodeDisplayPhoneNumber(phoneNumberId: string): string {
  const d = subscriberDigits(phoneNumberId);
  return `+1 555-${d.slice(0, 3)}-${d.slice(3)}`;
}

/** `15551234567`: the number in webhooks (`metadata.display_phone_number`, `context.from`). */
export function webhookPhoneNumber(phoneNumberId: string): string {
  return `1555${subscriberDigits(phoneNumberId)}`;
}

/** A `to` or `wa_id` as Meta answers it: digits only (`+1 (555) 123-4567` → `15551234567`). */
export function waIdOf(to: string): string {
  return to.replace(/\D/g, '');
}

/**
 * A message's `to`: a phone number in international format or a WhatsApp id, with the punctuation people write
 * (`+1 (555) 123-4567`); Meta answers with the digits in `contacts[].wa_id` (flows-platform §4.1).
 */
export function isRecipientNumber(to: unknown): to is string {
  return typeof to === 'string' && /^\+?[\d\s()-]{5,20}$/.test(to.trim());
}
