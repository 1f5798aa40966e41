/**
 * `flows` webhooks from a running emulator (flows-platform §4.4): FLOW_STATUS_CHANGE on create and on every
 * status change, signed with X-Hub-Signature-256 over the raw bytes, retried until the receiver takes them.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { EmulatorOptions } from '../../src/emulator/index.js';
import { simpleFlowJson, startEmulator, uniqueName, WABA, type Harness } from './helpers/emulator.js';

const APP_SECRET = 'emulator-app-secret';

interface Delivery {
  headers: IncomingHttpHeaders;
  raw: Buffer;
  body: any;
  answered: number;
}

interface Receiver {
  url: string;
  deliveries: Delivery[];
  /** Statuses for the next deliveries, in order; 200 afterwards. */
  failNext(...statuses: number[]): void;
  close(): Promise<void>;
}

async function startReceiver(): Promise<Receiver> {
  const deliveries: Delivery[] = [];
  const queue: number[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks);
      const answered = queue.shift() ?? 200;
      deliveries.push({ headers: req.headers, raw, body: JSON.parse(raw.toString('utf8')), answered });
      res.writeHead(answered, { 'content-type': 'text/plain' }).end(answered === 200 ? 'EVENT_RECEIVED' : 'nope');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/webhook`,
    deliveries,
    failNext: (...statuses) => void queue.push(...statuses),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function verifySignature(d: Delivery, secret: string): boolean {
  const header = d.headers['x-hub-signature-256'];
  if (typeof header !== 'string' || !header.startsWith('sha256=')) return false;
  const expected = Buffer.from(createHmac('sha256', secret).update(d.raw).digest('hex'), 'utf8');
  const given = Buffer.from(header.slice('sha256='.length), 'utf8');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

const cleanup: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

async function setup(options: EmulatorOptions = {}): Promise<{ h: Harness; receiver: Receiver; drain: () => Promise<void> }> {
  const receiver = await startReceiver();
  cleanup.push(() => receiver.close());
  const h = await startEmulator({ webhookUrl: receiver.url, appSecret: APP_SECRET, ...options });
  let closed = false;
  const drain = async () => {
    if (closed) return;
    closed = true;
    await h.close(); // close() waits for every pending delivery, retries included
  };
  cleanup.push(drain);
  return { h, receiver, drain };
}

/** The `value`s of the `flows` webhooks received, in arrival order. */
function values(receiver: Receiver): Array<Record<string, unknown>> {
  return receiver.deliveries.filter((d) => d.answered === 200).map((d) => d.body.entry[0].changes[0].value as Record<string, unknown>);
}

describe('FLOW_STATUS_CHANGE', () => {
  it('on create, publish, edit back to DRAFT, forced THROTTLED and deprecate; each signed over the raw bytes', async () => {
    const { h, receiver, drain } = await setup();
    const name = uniqueName('hooked');
    const { id } = await h.client.flows.createFlow({ name, categories: ['OTHER'], flow_json: simpleFlowJson() });
    await h.client.flows.publishFlow(id);
    await h.client.flows.uploadFlowJson(id, simpleFlowJson('7.3', 'Edited'));
    await h.client.flows.publishFlow(id);
    await h.forceStatus(id, 'THROTTLED');
    await h.client.flows.deprecateFlow(id);
    // Not status changes: no webhook.
    await h.client.flows.getFlow(id, { fields: 'status,preview' });
    await drain();

    expect(values(receiver)).toEqual([
      { event: 'FLOW_STATUS_CHANGE', message: `Flow ${name} has been created with DRAFT status`, flow_id: id, new_status: 'DRAFT' },
      { event: 'FLOW_STATUS_CHANGE', message: `Flow ${name} changed status from DRAFT to PUBLISHED`, flow_id: id, old_status: 'DRAFT', new_status: 'PUBLISHED' },
      { event: 'FLOW_STATUS_CHANGE', message: `Flow ${name} changed status from PUBLISHED to DRAFT`, flow_id: id, old_status: 'PUBLISHED', new_status: 'DRAFT' },
      { event: 'FLOW_STATUS_CHANGE', message: `Flow ${name} changed status from DRAFT to PUBLISHED`, flow_id: id, old_status: 'DRAFT', new_status: 'PUBLISHED' },
      { event: 'FLOW_STATUS_CHANGE', message: `Flow ${name} changed status from PUBLISHED to THROTTLED`, flow_id: id, old_status: 'PUBLISHED', new_status: 'THROTTLED' },
      { event: 'FLOW_STATUS_CHANGE', message: `Flow ${name} changed status from THROTTLED to DEPRECATED`, flow_id: id, old_status: 'THROTTLED', new_status: 'DEPRECATED' },
    ]);
    for (const d of receiver.deliveries) {
      expect(verifySignature(d, APP_SECRET)).toBe(true);
      expect(verifySignature(d, 'another-secret')).toBe(false);
      expect(d.headers['content-type']).toBe('application/json');
      expect(d.body).toEqual({
        object: 'whatsapp_business_account',
        entry: [{ id: WABA, time: expect.any(Number), changes: [{ field: 'flows', value: expect.any(Object) }] }],
      });
      expect(Math.abs(d.body.entry[0].time - Date.now() / 1000)).toBeLessThan(600);
    }
  });

  it('edit of metadata moves a published flow back to DRAFT; create with publish: true reports both steps', async () => {
    const { h, receiver, drain } = await setup();
    const name = uniqueName('pub_at_once');
    const { id } = await h.client.flows.createFlow({ name, categories: ['OTHER'], flow_json: simpleFlowJson(), publish: true });
    const renamed = uniqueName('renamed');
    await h.client.flows.updateFlowMetadata(id, { name: renamed });
    // Deleting a draft is not a status change.
    const other = (await h.client.flows.createFlow({ name: uniqueName('deleted'), categories: ['OTHER'] })).id;
    await h.client.flows.deleteFlow(other);
    await drain();
    const forFlow = values(receiver).filter((v) => v.flow_id === id);
    expect(forFlow.map((v) => [v.old_status, v.new_status])).toEqual([
      [undefined, 'DRAFT'],
      ['DRAFT', 'PUBLISHED'],
      ['PUBLISHED', 'DRAFT'],
    ]);
    expect(forFlow[2]!.message).toBe(`Flow ${renamed} changed status from PUBLISHED to DRAFT`);
    expect(values(receiver).filter((v) => v.flow_id === other)).toEqual([
      expect.objectContaining({ new_status: 'DRAFT', message: expect.stringContaining('has been created with DRAFT status') }),
    ]);
    expect(receiver.deliveries.every((d) => verifySignature(d, APP_SECRET))).toBe(true);
  });

  it('a receiver that fails twice then succeeds gets the event (same signed bytes every time)', async () => {
    const errors: Array<{ attempt: number; status?: number; willRetry: boolean }> = [];
    const { h, receiver, drain } = await setup({ onWebhookError: (info) => errors.push(info) });
    receiver.failNext(500, 503);
    const name = uniqueName('retried');
    const { id } = await h.client.flows.createFlow({ name, categories: ['OTHER'] });
    await drain();
    expect(receiver.deliveries.map((d) => d.answered)).toEqual([500, 503, 200]);
    const raws = receiver.deliveries.map((d) => d.raw.toString('utf8'));
    expect(new Set(raws).size).toBe(1);
    expect(receiver.deliveries.every((d) => verifySignature(d, APP_SECRET))).toBe(true);
    expect(values(receiver)).toEqual([{ event: 'FLOW_STATUS_CHANGE', message: `Flow ${name} has been created with DRAFT status`, flow_id: id, new_status: 'DRAFT' }]);
    expect(errors.map((e) => [e.attempt, e.status, e.willRetry])).toEqual([
      [1, 500, true],
      [2, 503, true],
    ]);
  });

  it('without appSecret the deliveries are not signed', async () => {
    const receiver = await startReceiver();
    cleanup.push(() => receiver.close());
    const h = await startEmulator({ webhookUrl: receiver.url });
    await h.client.flows.createFlow({ name: uniqueName('unsigned'), categories: ['OTHER'] });
    await h.close();
    expect(receiver.deliveries).toHaveLength(1);
    expect(receiver.deliveries[0]!.headers['x-hub-signature-256']).toBeUndefined();
  });

  it('the API answers do not wait for, or depend on, the receiver', async () => {
    const { h, receiver, drain } = await setup();
    receiver.failNext(500);
    const { id } = await h.client.flows.createFlow({ name: uniqueName('independent'), categories: ['OTHER'], flow_json: simpleFlowJson() });
    await expect(h.client.flows.publishFlow(id)).resolves.toEqual({ success: true });
    await drain();
    // A retried delivery does not hold up later ones, so (as with Meta) the arrival order is not guaranteed.
    const seen = receiver.deliveries.map((d) => `${d.body.entry[0].changes[0].value.new_status} ${d.answered}`);
    expect(seen.sort()).toEqual(['DRAFT 200', 'DRAFT 500', 'PUBLISHED 200']);
  });
});
