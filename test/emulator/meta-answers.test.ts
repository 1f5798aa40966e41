/**
 * Answers that follow Meta's: mark-as-read (flows-platform §6.5), template review (PENDING, then APPROVED after
 * the configured delay), phone numbers as Meta writes them, unknown fields (Graph's #100 error), and `date_format`
 * for apps created since 2026-11-04 (`newApp`, §6.3).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmulator } from '../../src/emulator/index.js';
import { main } from '../../src/cli/cli.js';
import { nodeIO } from '../../src/cli/io.js';
import { expectRawError, flowIn, PHONE, startEmulator, VERSION, WABA, type Harness } from './helpers/emulator.js';

let h: Harness;
beforeAll(async () => {
  h = await startEmulator();
});
afterAll(async () => {
  await h.close();
});

const nonexisting = (field: string, node: string) => ({ status: 400, code: 100, message: `(#100) Tried accessing nonexisting field (${field}) on node type (${node})` });

describe('mark as read (§6.5)', () => {
  it('answers {"success":true} to Meta\'s body, without `to`', async () => {
    const res = await h.raw(`/${PHONE}/messages`, { json: { messaging_product: 'whatsapp', status: 'read', message_id: 'wamid.HBgLMTU1NTAwMDExMTEVAgASGBQz' } });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ success: true });
  });

  it('needs the message_id', async () => {
    const res = await h.raw(`/${PHONE}/messages`, { json: { messaging_product: 'whatsapp', status: 'read' } });
    expectRawError(res, { status: 400, code: 100, message: '(#100) Invalid parameter', details: /message_id is required to mark a message as read/ });
  });
});

describe('template review', () => {
  const template = (name: string) => ({ name, language: 'en_US', category: 'UTILITY', components: [{ type: 'BODY', text: 'Hello' }] });
  const sendTemplate = (harness: Harness, name: string) =>
    harness.raw(`/${PHONE}/messages`, { json: { messaging_product: 'whatsapp', to: '15551234567', type: 'template', template: { name, language: { code: 'en_US' } } } });

  it('with the default delay 0, a new template is APPROVED at once', async () => {
    const res = await h.raw(`/${WABA}/message_templates`, { json: template('approved_at_once') });
    expect(res.body).toMatchObject({ status: 'APPROVED', category: 'UTILITY' });
    expect((await sendTemplate(h, 'approved_at_once')).status).toBe(200);
  });

  it('with templateApprovalDelayMs, PENDING (and not sendable) until the clock passes the delay, then APPROVED', async () => {
    let now = Date.parse('2026-12-01T10:00:00Z');
    const clocked = await startEmulator({ now: () => new Date(now), templateApprovalDelayMs: 60_000 });
    try {
      const created = await clocked.raw(`/${WABA}/message_templates`, { json: template('under_review') });
      expect(created.body).toMatchObject({ status: 'PENDING' });
      const statusNow = async () => (await clocked.raw(`/${WABA}/message_templates`, { method: 'GET' })).body.data[0].status;
      expect(await statusNow()).toBe('PENDING');
      expectRawError(await sendTemplate(clocked, 'under_review'), { status: 400, code: 132001, message: '(#132001) Template name does not exist in the translation', details: /is PENDING review: send it once it is APPROVED/ });
      now += 59_999;
      expect(await statusNow()).toBe('PENDING');
      now += 1;
      expect(await statusNow()).toBe('APPROVED');
      expect((await sendTemplate(clocked, 'under_review')).status).toBe(200);
    } finally {
      await clocked.close();
    }
  });

  it('POST /_emulator/templates/{id}/review ends a review REJECTED (not sendable, with its reason) or APPROVED', async () => {
    const clocked = await startEmulator({ templateApprovalDelayMs: 3_600_000 });
    try {
      const created = await clocked.raw(`/${WABA}/message_templates`, { json: template('to_reject') });
      expect(created.body).toMatchObject({ status: 'PENDING' });
      const review = (status: string, reason?: string) => clocked.raw(`/_emulator/templates/${created.body.id}/review`, { json: { status, ...(reason ? { reason } : {}) } });
      expect((await review('REJECTED', 'INCORRECT_CATEGORY')).body).toMatchObject({ success: true, status: 'REJECTED' });
      const listed = (await clocked.raw(`/${WABA}/message_templates?status=REJECTED`, { method: 'GET' })).body.data;
      expect(listed).toEqual([expect.objectContaining({ name: 'to_reject', status: 'REJECTED', rejected_reason: 'INCORRECT_CATEGORY' })]);
      expectRawError(await sendTemplate(clocked, 'to_reject'), { status: 400, code: 132001, message: '(#132001) Template name does not exist in the translation', details: /is REJECTED: send it once it is APPROVED/ });
      expect((await review('APPROVED')).body).toMatchObject({ status: 'APPROVED' });
      expect((await sendTemplate(clocked, 'to_reject')).status).toBe(200);
      expectRawError(await review('PAUSED'), { status: 400, code: 100, message: 'status must be APPROVED or REJECTED.' });
    } finally {
      await clocked.close();
    }
  });

  it('refuses a delay that is not a whole number of milliseconds', () => {
    expect(() => createEmulator({ templateApprovalDelayMs: -1 })).toThrow(/templateApprovalDelayMs must be a whole number of milliseconds/);
    expect(() => createEmulator({ templateApprovalDelayMs: Number.NaN })).toThrow(/templateApprovalDelayMs/);
  });
});

describe('phone numbers as Meta writes them', () => {
  it('the phone number node shows "+1 555-XXX-XXXX" (Meta\'s Postman sample); webhooks show digits', async () => {
    await h.raw(`/${PHONE}/register`, { method: 'POST' });
    const node = await h.raw(`/${PHONE}`, { method: 'GET' });
    expect(node.body.display_phone_number).toMatch(/^\+1 555-\d{3}-\d{4}$/);
    const listed = await h.raw(`/${WABA}/phone_numbers`, { method: 'GET' });
    expect(listed.body.data.find((p: { id: string }) => p.id === PHONE).display_phone_number).toBe(node.body.display_phone_number);
    const digits = node.body.display_phone_number.replace(/\D/g, '');
    const flowId = await flowIn(h, 'PUBLISHED');
    await h.client.messages.flow({ to: '+1 (555) 000-1111', flowId, cta: 'Open', body: 'Hi' });
    const done = await h.raw('/_emulator/complete', { json: {} });
    expect(done.status).toBe(200);
    const messages = (await h.raw('/_emulator/messages', { method: 'GET' })).body.data as Array<{ type: string; body: any }>;
    const reply = messages.findLast((m) => m.type === 'nfm_reply')!.body;
    expect(reply.metadata.display_phone_number).toBe(digits);
    expect(reply.messages[0].context.from).toBe(digits);
    expect(reply.messages[0].from).toBe('15550001111');
    expect(reply.contacts[0].wa_id).toBe('15550001111');
  });
});

describe('unknown fields: Graph\'s #100, never dropped', () => {
  it('on a flow, a phone number, a WABA, list items and templates', async () => {
    const flowId = await flowIn(h, 'DRAFT');
    await h.raw(`/${PHONE}/register`, { method: 'POST' });
    const get = (path: string) => h.raw(path, { method: 'GET' });
    expectRawError(await get(`/${flowId}?fields=name,colour`), nonexisting('colour', 'Flow'));
    expectRawError(await get(`/${WABA}/flows?fields=id,colour`), nonexisting('colour', 'Flow'));
    expectRawError(await get(`/${PHONE}?fields=display_phone_number,colour`), nonexisting('colour', 'WhatsAppBusinessPhoneNumber'));
    expectRawError(await get(`/${WABA}/phone_numbers?fields=colour`), nonexisting('colour', 'WhatsAppBusinessPhoneNumber'));
    expectRawError(await get(`/${WABA}?fields=colour`), nonexisting('colour', 'WhatsAppBusinessAccount'));
    await h.raw(`/${WABA}/message_templates`, { json: { name: 'fields_probe', language: 'en_US', category: 'UTILITY', components: [] } });
    expectRawError(await get(`/${WABA}/message_templates?fields=name,colour`), nonexisting('colour', 'WhatsAppBusinessHSM'));
    // Known fields are answered as asked, with the id.
    expect((await get(`/${PHONE}?fields=verified_name`)).body).toEqual({ verified_name: 'Emulated Business', id: PHONE });
    expect((await get(`/${WABA}/message_templates?fields=name`)).body.data).toContainEqual({ name: 'fields_probe', id: expect.any(String) });
  });
});

describe('date_format and new apps (§6.3)', () => {
  it('an older app (the default) may still pass date_format', async () => {
    const flowId = await flowIn(h, 'DRAFT');
    const flow = await h.client.flows.getFlow(flowId, { fields: ['name'], date_format: 'U' });
    expect(flow.id).toBe(flowId);
    expect((await h.raw(`/${WABA}/flows?date_format=U`, { method: 'GET' })).status).toBe(200);
  });

  it('with newApp, date_format gets a Graph #100 error (UNVERIFIED wording); without it the same read works', async () => {
    const fresh = await startEmulator({ newApp: true });
    try {
      const flowId = await flowIn(fresh, 'DRAFT');
      const expected = { status: 400, code: 100, message: /^\(#100\) date_format is not available to apps created on or after 2026-11-04/ };
      expectRawError(await fresh.raw(`/${flowId}?fields=name&date_format=U`, { method: 'GET' }), expected);
      expectRawError(await fresh.raw(`/${WABA}/flows?date_format=U`, { method: 'GET' }), expected);
      await expect(fresh.client.flows.getFlow(flowId, { date_format: 'U' }, { maxRetries: 0 })).rejects.toMatchObject({ status: 400, code: 100 });
      expect((await fresh.client.flows.getFlow(flowId, { fields: ['name'] })).id).toBe(flowId);
    } finally {
      await fresh.close();
    }
  });

  it('the CLI flag --new-app starts such an emulator', async () => {
    let interrupt = () => {};
    const stopped = new Promise<void>((resolve) => (interrupt = resolve));
    const io = { ...nodeIO(), isTTY: false, env: {}, out: '', interrupted: () => stopped };
    io.stdout = (t: string) => void (io.out += t);
    io.stderr = () => {};
    const running = main(['emulator', '--port', '0', '--json', '--new-app'], io);
    await expect.poll(() => io.out, { timeout: 5000 }).toMatch(/"url"/);
    const { url } = JSON.parse(io.out) as { url: string };
    const res = await fetch(`${url}/${VERSION}/${WABA}/flows?date_format=U`, { headers: { authorization: 'Bearer t' } });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/date_format is not available/);
    interrupt();
    expect(await running).toBe(0);
  });
});
