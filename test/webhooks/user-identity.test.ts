/**
 * Who completed a flow, for each identity shape Meta sends (flows-platform §6.1): phone only, phone + BSUID,
 * BSUID + username without a phone number, and the `user_changed_user_id` system message. The fixtures are
 * hand-written (test/webhooks/fixtures/README.md).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createWebhookHandler, isUserIdChanged, parseWebhookEvents } from '../../src/webhooks/index.js';
import { APP_SECRET, post, recorder } from './helpers.js';

const BSUID = 'US.13491208655302741918';
const PARENT = 'US.ENT.11815799212886844830';
const PHONE = '16505551234';

function fixture(name: string): string {
  return readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
}

function setup() {
  const { received, callbacks } = recorder();
  return { received, handler: createWebhookHandler({ appSecret: APP_SECRET, ...callbacks }) };
}

describe('flow completions, whatever identifies the user', () => {
  it('phone only: user.waId and from are the phone number', async () => {
    const { received, handler } = setup();
    expect((await post(handler, fixture('phone-only.json'))).status).toBe(200);
    const event = received.completions[0]!;
    expect(event.user).toEqual({ waId: PHONE });
    expect(event.from).toBe(PHONE);
    expect(event.contact).toEqual({ name: 'Kerry Fisher', waId: PHONE });
    expect(event.flowToken).toBe('phone-only');
  });

  it('phone + BSUID: every identifier, from the message and its contact', async () => {
    const { received, handler } = setup();
    await post(handler, fixture('phone-and-bsuid.json'));
    const event = received.completions[0]!;
    expect(event.user).toEqual({ waId: PHONE, userId: BSUID, parentUserId: PARENT });
    expect(event.from).toBe(PHONE);
  });

  it('BSUID + username without a phone number: the completion still arrives with its answers, and no from', async () => {
    const { received, handler } = setup();
    expect((await post(handler, fixture('bsuid-username-no-phone.json'))).status).toBe(200);
    expect(received.changes).toEqual([]);
    const event = received.completions[0]!;
    expect(event.user).toEqual({ userId: BSUID, username: 'jane.doe' });
    expect('from' in event).toBe(false);
    expect(event.contact).toEqual({ name: 'Jane' });
    expect(event.flowToken).toBe('username');
    expect(event.response).toEqual({ rating: '5' });
  });

  it('reads a username written as contacts[].username too (flows-platform §6.1 wording)', () => {
    const body = JSON.parse(fixture('bsuid-username-no-phone.json'));
    const contact = body.entry[0].changes[0].value.contacts[0];
    delete contact.profile.username;
    contact.username = 'jane.top';
    const [event] = parseWebhookEvents(body);
    expect(event).toMatchObject({ kind: 'flow_completion', user: { userId: BSUID, username: 'jane.top' } });
  });

  it('matches the contact by from_user_id when there are several', () => {
    const body = JSON.parse(fixture('bsuid-username-no-phone.json'));
    const value = body.entry[0].changes[0].value;
    value.contacts.unshift({ profile: { name: 'Someone else', username: 'other' }, user_id: 'US.1' });
    const [event] = parseWebhookEvents(body);
    expect(event).toMatchObject({ user: { userId: BSUID, username: 'jane.doe' }, contact: { name: 'Jane' } });
  });

  it('a completion with no identifier at all is still a completion (recognised by nfm_reply alone)', () => {
    const body = JSON.parse(fixture('bsuid-username-no-phone.json'));
    const value = body.entry[0].changes[0].value;
    delete value.contacts;
    delete value.messages[0].from_user_id;
    const [event] = parseWebhookEvents(body);
    expect(event).toMatchObject({ kind: 'flow_completion', user: {}, flowToken: 'username', response: { rating: '5' } });
  });
});

describe('user_changed_user_id', () => {
  it('reaches onUserIdChanged with the old and new BSUID, without contacts', async () => {
    const { received, handler } = setup();
    expect((await post(handler, fixture('user-changed-user-id.json'))).status).toBe(200);
    expect(received.changes).toEqual([]);
    const event = received.userIdChanges[0]!;
    expect(isUserIdChanged(event)).toBe(true);
    expect(event).toMatchObject({
      kind: 'user_id_changed',
      user: { userId: BSUID },
      newUserId: 'US.99887766554433221100',
      body: 'User Jane changed from US.13491208655302741918 to US.99887766554433221100',
      messageId: 'wamid.SYSTEM_1',
      phoneNumberId: '106540352242922',
    });
    expect(event.timestamp).toEqual(new Date(1764650100 * 1000));
    expect(event.system.type).toBe('user_changed_user_id');
  });

  it('other system messages (user_changed_number) stay with onMessage', async () => {
    const { received, handler } = setup();
    const body = JSON.parse(fixture('user-changed-user-id.json'));
    body.entry[0].changes[0].value.messages[0].system = { type: 'user_changed_number', body: 'changed', wa_id: '16505550000' };
    await post(handler, body);
    expect(received.userIdChanges).toEqual([]);
    expect(received.changes).toHaveLength(1);
  });
});

describe('unknown fields are kept, never a reason to drop an event', () => {
  it('a completion with unknown fields at every level is delivered, with them in raw', async () => {
    const { received, handler } = setup();
    const body = JSON.parse(fixture('phone-and-bsuid.json'));
    body.novel = 1;
    body.entry[0].novel = { a: 1 };
    body.entry[0].changes[0].novel = [1];
    const value = body.entry[0].changes[0].value;
    value.novel = 'x';
    value.contacts[0].novel = true;
    value.messages[0].novel = { deep: 1 };
    value.messages[0].interactive.novel = 2;
    value.messages[0].interactive.nfm_reply.novel = 3;
    await post(handler, body);
    const event = received.completions[0]!;
    expect(event.user.userId).toBe(BSUID);
    expect(event.raw.novel).toEqual({ deep: 1 });
    expect(event.raw.interactive?.nfm_reply?.novel).toBe(3);
  });

  it('a FLOW_STATUS_CHANGE with a reason (and other new fields) is a status change, reason in raw', async () => {
    const { received, handler } = setup();
    const value = { event: 'FLOW_STATUS_CHANGE', message: 'Flow survey changed status from PUBLISHED to BLOCKED', flow_id: '1002', old_status: 'PUBLISHED', new_status: 'BLOCKED', reason: 'ENDPOINT_AVAILABILITY', novel: { a: 1 } };
    const body = { object: 'whatsapp_business_account', entry: [{ id: '1', time: 1764650000, changes: [{ field: 'flows', value }] }] };
    await post(handler, body);
    expect(received.changes).toEqual([]);
    expect(received.statusChanges[0]).toMatchObject({ newStatus: 'BLOCKED', oldStatus: 'PUBLISHED' });
    expect(received.statusChanges[0]!.raw.reason).toBe('ENDPOINT_AVAILABILITY');
  });
});
