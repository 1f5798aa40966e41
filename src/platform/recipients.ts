/**
 * Owns: who a message may be addressed to and how the address goes on the wire — a phone number in `to`, a
 * business-scoped user ID (BSUID) or parent BSUID in `recipient`, and which wins when both are given — plus the
 * `contacts[]` entry Meta answers for each.
 * Consumers: the client's `messages` sends (src/client/resources/messages/messages.ts) and the emulator's message
 * handler (src/emulator/handlers/messages.ts). What a phone number looks like is src/platform/phone-numbers.ts.
 *
 * Evidence:
 * - flows-platform §6.1 (Meta's "Business-scoped user IDs" page, Nov 2026): a BSUID is a two-letter country code, a
 *   dot and up to 128 alphanumerics (`US.13491208655302741918`); a parent BSUID has `ENT` as its middle part
 *   (`US.ENT.11815799212886844830`) and can be sent to like a BSUID. `/messages` takes `recipient` holding a BSUID or
 *   parent BSUID; `to` keeps accepting phone numbers; "when both to and recipient are given, to wins".
 * - The answer's `contacts[]` (vendor guide summarising Meta's page, dualhook.com/docs/contacts-bsuid-api-changes;
 *   UNVERIFIED against Meta's own page): `input` is the phone number or BSUID used; `wa_id` only when a phone number
 *   was used; `user_id` only when a BSUID was used; with both given, the answer follows the phone number (to wins).
 *   The same guide lists error 131062 for messages Meta does not send to BSUIDs (one-tap, zero-tap and copy-code
 *   authentication templates); neither the client nor the emulator applies it (no authentication templates here).
 */
import { isRecipientNumber, waIdOf } from './phone-numbers.js';

import { isBusinessScopedUserId } from './recipient-forms.js';

export { isBusinessScopedUserId, isParentBusinessScopedUserId, isPhoneNumber, type BusinessScopedUserId, type MessageAddress, type ParentBusinessScopedUserId, type PhoneNumber } from './recipient-forms.js';

/** The accepted forms, for messages that refuse an address. */
export const ADDRESS_FORMS =
  'a phone number in international format (e.g. "15551234567" or "+1 555 123 4567") or a business-scoped user ID (e.g. "US.13491208655302741918", or a parent BSUID "US.ENT.11815799212886844830")';

/** The address fields of a `/messages` body as they go on the wire. */
export interface WireAddress {
  to?: string;
  recipient?: string;
}

type Verdict<T> = ({ ok: true } & T) | { ok: false; problem: string };

const show = (v: unknown): string => (v === undefined ? 'nothing' : (JSON.stringify(v) ?? String(v)));

/**
 * What the caller wrote (`to` as a phone number or a BSUID, and/or `recipient` as a BSUID) → the wire fields. A BSUID
 * in `to` goes out as `recipient`, never as `to`. A phone number in `to` with a BSUID in `recipient` sends both, as
 * Meta allows; Meta then delivers to the phone number (§6.1 "to wins"). Two BSUIDs (one in `to`, one in
 * `recipient`) are refused: nothing says which one the caller meant.
 */
export function addressFor(to: unknown, recipient: unknown): Verdict<{ wire: WireAddress }> {
  const phoneOrId = typeof to === 'number' && Number.isSafeInteger(to) && to > 0 ? String(to) : to;
  if (recipient !== undefined && !isBusinessScopedUserId(recipient)) {
    return { ok: false, problem: `recipient must be a business-scoped user ID (e.g. "US.13491208655302741918" or "US.ENT.11815799212886844830"); got ${show(recipient)}. Put phone numbers in to.` };
  }
  if (phoneOrId === undefined) {
    if (recipient === undefined) return { ok: false, problem: `A message needs to (or recipient): ${ADDRESS_FORMS}.` };
    return { ok: true, wire: { recipient } };
  }
  if (isBusinessScopedUserId(phoneOrId)) {
    if (recipient !== undefined && recipient !== phoneOrId) {
      return { ok: false, problem: `to (${show(to)}) and recipient (${show(recipient)}) are two different business-scoped user IDs: give one.` };
    }
    return { ok: true, wire: { recipient: phoneOrId } };
  }
  if (!isRecipientNumber(phoneOrId)) return { ok: false, problem: `to must be ${ADDRESS_FORMS}; got ${show(to)}.` };
  return { ok: true, wire: recipient === undefined ? { to: phoneOrId.trim() } : { to: phoneOrId.trim(), recipient } };
}

/** Who Meta delivers to, as its answer's `contacts[]` entry says (see the evidence above). */
export type Addressee = { kind: 'phone'; input: string; waId: string } | { kind: 'bsuid'; input: string; userId: string };

/**
 * A `/messages` body's `to` and `recipient` as Meta reads them: `to` (a phone number) wins when both are given;
 * `recipient` must be a BSUID or parent BSUID. A BSUID in `to` is refused: Meta takes BSUIDs in `recipient` (§6.1).
 */
export function addresseeOf(body: { to?: unknown; recipient?: unknown }): Verdict<{ addressee: Addressee; recipient?: string }> {
  const { to, recipient } = body;
  if (recipient !== undefined && !isBusinessScopedUserId(recipient)) {
    return { ok: false, problem: `The parameter recipient must be a business-scoped user ID (e.g. "US.13491208655302741918"); got ${show(recipient)}.` };
  }
  if (to === undefined) {
    if (recipient === undefined) return { ok: false, problem: `The parameter to (or recipient) is required: ${ADDRESS_FORMS}.` };
    return { ok: true, addressee: { kind: 'bsuid', input: recipient, userId: recipient }, recipient };
  }
  if (isBusinessScopedUserId(to)) return { ok: false, problem: `The parameter to takes phone numbers; send the business-scoped user ID ${show(to)} as recipient.` };
  if (!isRecipientNumber(to)) return { ok: false, problem: `The parameter to must be ${ADDRESS_FORMS}.` };
  const addressee: Addressee = { kind: 'phone', input: to, waId: waIdOf(to) };
  return recipient === undefined ? { ok: true, addressee } : { ok: true, addressee, recipient };
}

/** The answer's `contacts[]` entry (see the evidence above). */
export function contactOf(addressee: Addressee): { input: string; wa_id?: string; user_id?: string } {
  return addressee.kind === 'phone' ? { input: addressee.input, wa_id: addressee.waId } : { input: addressee.input, user_id: addressee.userId };
}
