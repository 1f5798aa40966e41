/**
 * The envelope Meta wraps every WhatsApp Business Account webhook in (Meta: Flows webhooks, Flow completion message; Flows webhooks, flows field):
 * `{ object: 'whatsapp_business_account', entry: [{ id: <WABA id>, time?, changes: [{ field, value }] }] }`.
 */

/** One change inside an entry. */
export interface WebhookChange<F extends string, V> {
  field: F;
  value: V;
}

/** One entry: the WABA the change belongs to. */
export interface WebhookEntry<F extends string, V> {
  /** WhatsApp Business Account id. */
  id: string;
  /** Unix seconds. Always present on `flows` webhooks; absent from Meta's `messages` samples unless asked for. */
  time?: number;
  changes: Array<WebhookChange<F, V>>;
}

/** A whole webhook body for one field. */
export interface WebhookEnvelope<F extends string, V> {
  object: 'whatsapp_business_account';
  entry: Array<WebhookEntry<F, V>>;
}

/** Unix seconds of a date (default: now). */
export function unixSeconds(time: Date = new Date()): number {
  return Math.floor(time.getTime() / 1000);
}

/**
 * Wraps one change in the WABA envelope.
 *
 * @param time when given, the entry carries `time` (unix seconds); when omitted, the entry has no `time`.
 */
export function wabaEnvelope<F extends string, V>(wabaId: string, field: F, value: V, time?: Date): WebhookEnvelope<F, V> {
  const entry: WebhookEntry<F, V> = time === undefined
    ? { id: wabaId, changes: [{ field, value }] }
    : { id: wabaId, time: unixSeconds(time), changes: [{ field, value }] };
  return { object: 'whatsapp_business_account', entry: [entry] };
}
