// Owns: what a message address looks like: a phone number (src/platform/phone-numbers.ts), a business-scoped user ID
// or a parent BSUID (flows-platform §6.1, Meta's "Business-scoped user IDs" page, Nov 2026: a two-letter country
// code, a dot and up to 128 alphanumerics; a parent BSUID has `ENT` as its middle part). recipients.ts (how an
// address goes on the wire) builds on it; the client's root entry exports these predicates, so they live apart from
// the send-time rules and stay small in a client's startup code.
import { isRecipientNumber } from './phone-numbers.js';

/** `US.13491208655302741918`: a business-scoped user ID (Meta: Business-scoped user IDs). */
export type BusinessScopedUserId = `${string}.${string}`;
/** `US.ENT.11815799212886844830`: a parent BSUID (enterprises with several portfolios, §6.1). */
export type ParentBusinessScopedUserId = `${string}.ENT.${string}`;
/** A phone number in international format or a WhatsApp id: `15551234567`, `+1 555 123 4567`, or a number. */
export type PhoneNumber = number | `${number}` | `+${string}`;
/** Whom a message goes to: a phone number, a BSUID or a parent BSUID. */
export type MessageAddress = PhoneNumber | BusinessScopedUserId | ParentBusinessScopedUserId;

const BSUID = /^[A-Z]{2}\.[A-Za-z0-9]{1,128}$/;
const PARENT_BSUID = /^[A-Z]{2}\.ENT\.[A-Za-z0-9]{1,128}$/;

/** A phone number or WhatsApp id as `to` takes it (src/platform/phone-numbers.ts), typed for `to`. */
export function isPhoneNumber(value: unknown): value is PhoneNumber {
  return (typeof value === 'number' && Number.isSafeInteger(value) && value > 0) || isRecipientNumber(value);
}

export function isBusinessScopedUserId(value: unknown): value is BusinessScopedUserId {
  return typeof value === 'string' && (BSUID.test(value) || PARENT_BSUID.test(value));
}

export function isParentBusinessScopedUserId(value: unknown): value is ParentBusinessScopedUserId {
  return typeof value === 'string' && PARENT_BSUID.test(value);
}
