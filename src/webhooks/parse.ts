/** A webhook body → its events, each with what identifies it for de-duplication. */
import { isNfmReply, toFlowCompletion, unixSecondsToDate, type MessageOrigin } from './completion.js';
import { WebhookPayloadError } from './errors.js';
import type { WebhookChangeEvent, WebhookEvent } from './events.js';
import { toFlowsEvent } from './flows-events.js';
import type { RawContact, RawMessage, RawStatus, RawWebhookChange } from './payloads.js';
import { isUserIdChange, toUserIdChanged } from './user-id-changed.js';

/**
 * One event and its identity: a string used as is (a message id), or parts that are hashed into one (see
 * `event-id.ts`).
 */
export interface WebhookItem {
  event: WebhookEvent;
  identity: string | readonly unknown[];
}

/**
 * The events of a webhook body, in the order Meta listed them: each `nfm_reply` message as a
 * `FlowCompletionEvent` (whatever identifies the user), each `user_changed_user_id` system message as a
 * `UserIdChangedEvent`, each `flows` value as its typed event, and everything else (other messages, statuses,
 * other fields, `flows` events this SDK does not know) as `WebhookChangeEvent`s, one per message or status.
 * Fields this SDK does not know are kept (in `raw`) and never make an event go missing.
 *
 * @param receivedAt the `time` of `flows` events whose entry has none (default now).
 * @throws WebhookPayloadError when `body` is not a `whatsapp_business_account` envelope.
 */
export function parseWebhookEvents(body: unknown, receivedAt: Date = new Date()): WebhookEvent[] {
  return parseWebhookItems(body, receivedAt).map((item) => item.event);
}

/** {@link parseWebhookEvents} with each event's identity. @internal */
export function parseWebhookItems(body: unknown, receivedAt: Date = new Date()): WebhookItem[] {
  const envelope = asRecord(body);
  if (!envelope || envelope.object !== 'whatsapp_business_account') {
    throw new WebhookPayloadError('Not a WhatsApp Business Account webhook: "object" must be "whatsapp_business_account".');
  }
  if (!Array.isArray(envelope.entry)) throw new WebhookPayloadError('"entry" must be an array.');
  const items: WebhookItem[] = [];
  // One odd entry or change must not cost the others their events (a 400 would make Meta retry the whole
  // delivery forever): an entry without changes has nothing to hand over, an entry without an id still hands over
  // its changes (wabaId ''), and a change without a "field" reaches onMessage as a change of field ''.
  for (const rawEntry of envelope.entry) {
    const entry = asRecord(rawEntry);
    if (!entry || !Array.isArray(entry.changes)) continue;
    const wabaId = typeof entry.id === 'string' || typeof entry.id === 'number' ? String(entry.id) : '';
    const entryTime = typeof entry.time === 'number' ? entry.time : undefined;
    for (const rawChange of entry.changes) {
      const change = asRecord(rawChange);
      if (!change) continue;
      const raw = (typeof change.field === 'string' ? change : { ...change, field: '' }) as unknown as RawWebhookChange;
      const ctx: ChangeContext = { wabaId, entryTime, raw, receivedAt };
      if (raw.field === 'messages') items.push(...messagesItems(ctx));
      else if (raw.field === 'flows') items.push(flowsItem(ctx));
      else items.push(wholeChange(ctx));
    }
  }
  return items;
}

interface ChangeContext {
  wabaId: string;
  entryTime: number | undefined;
  raw: RawWebhookChange;
  receivedAt: Date;
}

function messagesItems(ctx: ChangeContext): WebhookItem[] {
  const value = asRecord(ctx.raw.value);
  if (!value) return [wholeChange(ctx)];
  const messages = Array.isArray(value.messages) ? value.messages : [];
  const statuses = Array.isArray(value.statuses) ? value.statuses : [];
  if (messages.length === 0 && statuses.length === 0) return [wholeChange(ctx)];
  const metadata = asRecord(value.metadata);
  const origin: MessageOrigin = {
    wabaId: ctx.wabaId,
    phoneNumberId: metadata && metadata.phone_number_id !== undefined ? String(metadata.phone_number_id) : '',
    ...(metadata && typeof metadata.display_phone_number === 'string' ? { displayPhoneNumber: metadata.display_phone_number } : {}),
    contacts: Array.isArray(value.contacts) ? (value.contacts.filter((c) => asRecord(c)) as RawContact[]) : [],
  };
  const { messages: _m, statuses: _s, ...rest } = value;
  const items: WebhookItem[] = [];
  for (const m of messages) {
    const message = asRecord(m);
    const identity = message && typeof message.id === 'string' ? message.id : ['message', ctx.wabaId, m];
    if (message && isNfmReply(message)) {
      items.push({ event: toFlowCompletion(message, origin), identity });
      continue;
    }
    if (message && isUserIdChange(message)) {
      items.push({ event: toUserIdChanged(message, origin), identity });
      continue;
    }
    const event = changeEvent(ctx, 'message', { ...rest, messages: [m] });
    if (message) event.message = message as RawMessage;
    items.push({ event, identity });
  }
  for (const s of statuses) {
    const status = asRecord(s);
    const event = changeEvent(ctx, 'status', { ...rest, statuses: [s] });
    if (status) event.status = status as RawStatus;
    // One message has several statuses (sent, delivered, read): the status and its time tell them apart.
    const identity = status && typeof status.id === 'string' ? ['status', status.id, status.status ?? null, status.timestamp ?? null] : ['status', ctx.wabaId, s];
    items.push({ event, identity });
  }
  return items;
}

function flowsItem(ctx: ChangeContext): WebhookItem {
  const value = asRecord(ctx.raw.value);
  const time = ctx.entryTime === undefined ? ctx.receivedAt : unixSecondsToDate(ctx.entryTime);
  const event = value ? toFlowsEvent(value, { wabaId: ctx.wabaId, time }) : undefined;
  if (!event) return wholeChange(ctx);
  return { event, identity: ['flows', ctx.wabaId, value!.event, value!.flow_id, ctx.entryTime ?? null, value] };
}

function wholeChange(ctx: ChangeContext): WebhookItem {
  return { event: changeEvent(ctx, 'change', ctx.raw.value), identity: ['change', ctx.wabaId, ctx.raw.field, ctx.entryTime ?? null, ctx.raw.value ?? null] };
}

function changeEvent(ctx: ChangeContext, item: WebhookChangeEvent['item'], value: unknown): WebhookChangeEvent {
  return {
    kind: 'change',
    field: ctx.raw.field,
    wabaId: ctx.wabaId,
    ...(ctx.entryTime === undefined ? {} : { time: unixSecondsToDate(ctx.entryTime) }),
    item,
    value,
    raw: ctx.raw,
  };
}

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}
