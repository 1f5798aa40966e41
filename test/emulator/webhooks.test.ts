import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../src/core/errors.js';
import {
  backoffDelayMs,
  createWebhookSender,
  endpointAvailabilityValue,
  endpointErrorRateValue,
  flowStatusChangeEvent,
  flowsFieldEnvelope,
  flowVersionExpiryWarningValue,
  messagesFieldEnvelope,
  signBody,
  type DeliveryErrorInfo,
  type WebhookSenderOptions,
} from '../../src/emulator/webhooks/index.js';

const SECRET = 'app-secret-do-not-leak-7f3a9c';
const T = new Date('2026-03-01T12:00:00.900Z');
const T_SECONDS = Math.floor(T.getTime() / 1000);

/** One request as the receiver saw it. */
interface Received {
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** How the receiver answers one request. */
type Reply = { status: number; body?: string; after?: Promise<void> } | 'hang';

interface Receiver {
  url: string;
  port: number;
  requests: Received[];
  /** Answers the next requests with these replies, in order; afterwards `fallback`. */
  script(...replies: Reply[]): void;
  fallback: Reply;
  close(): Promise<void>;
}

const receivers: Receiver[] = [];
afterEach(async () => {
  await Promise.all(receivers.splice(0).map((r) => r.close()));
});

/** A real HTTP receiver on 127.0.0.1 that records raw bytes and headers and answers as scripted. */
async function startReceiver(port = 0): Promise<Receiver> {
  const queue: Reply[] = [];
  const hanging: ServerResponse[] = [];
  const receiver = {} as Receiver;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      receiver.requests.push({ headers: req.headers, body: Buffer.concat(chunks) });
      const reply = queue.shift() ?? receiver.fallback;
      if (reply === 'hang') {
        hanging.push(res);
        return;
      }
      void (reply.after ?? Promise.resolve()).then(() => res.writeHead(reply.status, { 'content-type': 'text/plain' }).end(reply.body ?? ''));
    });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const actualPort = (server.address() as AddressInfo).port;
  Object.assign(receiver, {
    url: `http://127.0.0.1:${actualPort}/webhook`,
    port: actualPort,
    requests: [],
    fallback: { status: 200 },
    script: (...replies: Reply[]) => queue.push(...replies),
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of hanging) res.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  });
  receivers.push(receiver);
  return receiver;
}

/** A port on 127.0.0.1 that nothing listens on (it was just released). */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** A sleep that returns at once and records what it was asked to wait. */
function recordingSleep(): { delays: number[]; sleep: (ms: number) => Promise<void> } {
  const delays: number[] = [];
  return { delays, sleep: async (ms) => void delays.push(ms) };
}

/** A sender whose failures are collected (and whose sleeps are instant unless given). */
function sender(url: string, extra: Partial<WebhookSenderOptions> = {}) {
  const errors: DeliveryErrorInfo[] = [];
  const { delays, sleep } = recordingSleep();
  const s = createWebhookSender({ url, appSecret: SECRET, sleep, onDeliveryError: (info) => errors.push(info), ...extra });
  return { s, errors, delays };
}

const created = () => flowStatusChangeEvent({ wabaId: '1001', flowId: '2002', flowName: 'Book a table', newStatus: 'DRAFT', time: T });

describe('signBody', () => {
  it('matches the Appendix A vector', async () => {
    expect(await signBody('{"encrypted_flow_data":"x"}', 'app_secret')).toBe(
      'sha256=2414e1e563b7f415f91ebc3f5707d3a99041e345a89759d1038cc182bc7a0405',
    );
  });

  it('signs bytes the same as the equivalent string, and agrees with node:crypto on UTF-8 text', async () => {
    const text = '{"name":"Café ✓ 🍽"}';
    const bytes = new TextEncoder().encode(text);
    const expected = `sha256=${createHmac('sha256', SECRET).update(Buffer.from(text, 'utf8')).digest('hex')}`;
    expect(await signBody(text, SECRET)).toBe(expected);
    expect(await signBody(bytes, SECRET)).toBe(expected);
  });
});

describe('flows field events', () => {
  it('builds the creation envelope with Meta\'s message and no old_status', () => {
    expect(created()).toEqual({
      object: 'whatsapp_business_account',
      entry: [
        {
          id: '1001',
          time: T_SECONDS,
          changes: [
            {
              field: 'flows',
              value: {
                event: 'FLOW_STATUS_CHANGE',
                message: 'Flow Book a table has been created with DRAFT status',
                flow_id: '2002',
                new_status: 'DRAFT',
              },
            },
          ],
        },
      ],
    });
    expect('old_status' in created().entry[0]!.changes[0]!.value).toBe(false);
  });

  it('builds the status change envelope with Meta\'s message', () => {
    const env = flowStatusChangeEvent({
      wabaId: '1001',
      flowId: '2002',
      flowName: 'Book a table',
      oldStatus: 'DRAFT',
      newStatus: 'PUBLISHED',
      time: T,
      warning: 'Your current Flow version will freeze in 21 days',
    });
    expect(env.entry[0]).toEqual({
      id: '1001',
      time: T_SECONDS,
      changes: [
        {
          field: 'flows',
          value: {
            event: 'FLOW_STATUS_CHANGE',
            message: 'Flow Book a table changed status from DRAFT to PUBLISHED',
            flow_id: '2002',
            old_status: 'DRAFT',
            new_status: 'PUBLISHED',
            warning: 'Your current Flow version will freeze in 21 days',
          },
        },
      ],
    });
  });

  it('stamps the entry with the current time in unix seconds by default', () => {
    const before = Math.floor(Date.now() / 1000);
    const env = flowStatusChangeEvent({ wabaId: '1', flowId: '2', flowName: 'x', newStatus: 'DRAFT' });
    const after = Math.floor(Date.now() / 1000);
    expect(env.entry[0]!.time).toBeGreaterThanOrEqual(before);
    expect(env.entry[0]!.time).toBeLessThanOrEqual(after);
  });

  it('builds alert and warning values with the §4.4 field names', () => {
    expect(
      endpointErrorRateValue({
        flowId: '2002',
        alertState: 'ACTIVATED',
        errorRate: 12.5,
        threshold: 10,
        errors: [{ error_type: 'TIMEOUT', error_rate: 12.5, error_count: 5 }],
      }),
    ).toEqual({
      event: 'ENDPOINT_ERROR_RATE',
      flow_id: '2002',
      alert_state: 'ACTIVATED',
      error_rate: 12.5,
      threshold: 10,
      errors: [{ error_type: 'TIMEOUT', error_rate: 12.5, error_count: 5 }],
    });
    expect(endpointAvailabilityValue({ flowId: '2002', alertState: 'DEACTIVATED', availability: 95 })).toEqual({
      event: 'ENDPOINT_AVAILABILITY',
      flow_id: '2002',
      alert_state: 'DEACTIVATED',
      availability: 95,
      threshold: 90,
    });
    const warning = flowVersionExpiryWarningValue({ flowId: '2002', warning: 'freezes soon' });
    expect(flowsFieldEnvelope('1001', warning, T).entry[0]!.changes[0]).toEqual({
      field: 'flows',
      value: { event: 'FLOW_VERSION_EXPIRY_WARNING', flow_id: '2002', warning: 'freezes soon' },
    });
  });

  it('wraps messages values without a time unless one is given', () => {
    const value = { messaging_product: 'whatsapp', metadata: { display_phone_number: '15550001111', phone_number_id: '3003' } };
    expect(messagesFieldEnvelope('1001', value)).toEqual({
      object: 'whatsapp_business_account',
      entry: [{ id: '1001', changes: [{ field: 'messages', value }] }],
    });
    expect(messagesFieldEnvelope('1001', value, T).entry[0]!.time).toBe(T_SECONDS);
  });
});

describe('backoffDelayMs', () => {
  it('doubles, caps and only ever subtracts jitter', () => {
    for (const random of [() => 0, () => 0.5, () => 0.999]) {
      const delays = [1, 2, 3, 4, 5, 6].map((n) => backoffDelayMs(n, 500, 4_000, random));
      for (let i = 1; i < 4; i++) expect(delays[i]!).toBeGreaterThan(delays[i - 1]!);
      for (const d of delays) expect(d).toBeLessThanOrEqual(4_000);
    }
    expect(backoffDelayMs(1, 500, 30_000, () => 0)).toBe(500);
    expect(backoffDelayMs(3, 500, 30_000, () => 0)).toBe(2_000);
    expect(backoffDelayMs(10, 500, 30_000, () => 0)).toBe(30_000);
  });
});

describe('webhook sender', () => {
  it('POSTs the exact JSON bytes with a signature that node:crypto verifies', async () => {
    const rx = await startReceiver();
    const { s } = sender(rx.url);
    const envelope = flowStatusChangeEvent({ wabaId: '1001', flowId: '2002', flowName: 'Café ✓', newStatus: 'DRAFT', time: T });

    await expect(s.send(envelope)).resolves.toEqual({ delivered: true, attempts: 1, status: 200 });

    expect(rx.requests).toHaveLength(1);
    const { headers, body } = rx.requests[0]!;
    expect(body.equals(Buffer.from(JSON.stringify(envelope), 'utf8'))).toBe(true);
    expect(headers['content-type']).toBe('application/json');
    expect(headers['user-agent']).toMatch(/meta-cloud-api-emulator/);
    const expected = `sha256=${createHmac('sha256', SECRET).update(body).digest('hex')}`;
    expect(headers['x-hub-signature-256']).toBe(expected);
  });

  it('sends no signature without an app secret and accepts any 2xx', async () => {
    const rx = await startReceiver();
    rx.script({ status: 204 });
    const s = createWebhookSender({ url: rx.url });
    await expect(s.send(created())).resolves.toEqual({ delivered: true, attempts: 1, status: 204 });
    expect(rx.requests[0]!.headers['x-hub-signature-256']).toBeUndefined();
  });

  it('serialises the envelope at send time', async () => {
    const rx = await startReceiver();
    const { s } = sender(rx.url);
    const envelope = created();
    const pending = s.send(envelope);
    envelope.entry[0]!.id = 'mutated';
    await pending;
    expect(JSON.parse(rx.requests[0]!.body.toString('utf8')).entry[0].id).toBe('1001');
  });

  it('retries 500, 500 then delivers on 200, with growing delays and the same signed bytes', async () => {
    const rx = await startReceiver();
    rx.script({ status: 500 }, { status: 500 }, { status: 200 });
    const { s, errors, delays } = sender(rx.url, { initialDelayMs: 100, maxDelayMs: 10_000 });

    await expect(s.send(created())).resolves.toEqual({ delivered: true, attempts: 3, status: 200 });

    expect(rx.requests).toHaveLength(3);
    expect(delays).toHaveLength(2);
    expect(delays[1]!).toBeGreaterThan(delays[0]!);
    expect(delays[0]!).toBeGreaterThan(0);
    expect(delays[0]!).toBeLessThanOrEqual(100);
    expect(errors).toEqual([
      { attempt: 1, status: 500, error: expect.any(String), willRetry: true },
      { attempt: 2, status: 500, error: expect.any(String), willRetry: true },
    ]);
    const [a, b, c] = rx.requests;
    expect(b!.body.equals(a!.body) && c!.body.equals(a!.body)).toBe(true);
    expect(new Set(rx.requests.map((r) => r.headers['x-hub-signature-256'])).size).toBe(1);
  });

  it('gives up after maxAttempts on a receiver that always fails', async () => {
    const rx = await startReceiver();
    rx.fallback = { status: 500 };
    const { s, errors, delays } = sender(rx.url, { maxAttempts: 4, initialDelayMs: 100, maxDelayMs: 300 });

    await expect(s.send(created())).resolves.toEqual({ delivered: false, attempts: 4, status: 500 });

    expect(rx.requests).toHaveLength(4);
    expect(errors.map((e) => [e.attempt, e.willRetry])).toEqual([
      [1, true],
      [2, true],
      [3, true],
      [4, false],
    ]);
    expect(errors.at(-1)).toMatchObject({ status: 500, willRetry: false });
    expect(delays).toHaveLength(3);
    for (const d of delays) expect(d).toBeLessThanOrEqual(300);
  });

  it('treats a redirect as a failure instead of following it', async () => {
    const rx = await startReceiver();
    rx.script({ status: 302 });
    const { s, errors } = sender(rx.url, { maxAttempts: 2 });
    await expect(s.send(created())).resolves.toEqual({ delivered: true, attempts: 2, status: 200 });
    expect(errors[0]).toMatchObject({ attempt: 1, willRetry: true });
  });

  it('retries when the connection is refused (and delivers once a receiver is listening)', async () => {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}/webhook`;
    let rx: Receiver | undefined;
    const errors: DeliveryErrorInfo[] = [];
    const s = createWebhookSender({
      url,
      appSecret: SECRET,
      onDeliveryError: (info) => errors.push(info),
      sleep: async () => {
        rx ??= await startReceiver(port);
      },
    });

    const result = await s.send(created());

    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ attempt: 1, willRetry: true });
    expect(errors[0]!.status).toBeUndefined();
    expect(errors[0]!.error).toMatch(/ECONNREFUSED|fetch failed/);
    expect(result).toEqual({ delivered: true, attempts: 2, status: 200 });
    expect(rx!.requests).toHaveLength(1);
  });

  it('times out a receiver that hangs, then retries', async () => {
    const rx = await startReceiver();
    rx.script('hang');
    const { s, errors } = sender(rx.url, { timeoutMs: 150 });

    await expect(s.send(created())).resolves.toEqual({ delivered: true, attempts: 2, status: 200 });

    expect(rx.requests).toHaveLength(2);
    expect(errors).toEqual([{ attempt: 1, error: expect.stringMatching(/150 ms/), willRetry: true }]);
  });

  it('drain() waits for deliveries that are still retrying', async () => {
    const rx = await startReceiver();
    rx.script({ status: 500 }, { status: 503 }, { status: 200 });
    const sleeping: Array<() => void> = [];
    const s = createWebhookSender({
      url: rx.url,
      sleep: () => new Promise<void>((resolve) => sleeping.push(resolve)),
    });
    let settled = false;
    const result = s.send(created()).then((r) => ((settled = true), r));
    let drained = false;
    const draining = s.drain().then(() => (drained = true));

    // Release each backoff only once the sender is waiting on it; drain must not finish before.
    for (let retry = 0; retry < 2; retry++) {
      while (sleeping.length === 0) await new Promise((r) => setImmediate(r));
      expect(drained).toBe(false);
      expect(s.pending()).toBe(1);
      sleeping.shift()!();
    }
    await draining;
    expect(settled).toBe(true);
    expect(s.pending()).toBe(0);
    expect(rx.requests).toHaveLength(3);
    await expect(result).resolves.toEqual({ delivered: true, attempts: 3, status: 200 });
  });

  it('keeps first attempts in send order while a retry waits on its own', async () => {
    const rx = await startReceiver();
    rx.script({ status: 500 });
    let releaseRetry!: () => void;
    const retryGate = new Promise<void>((resolve) => (releaseRetry = resolve));
    const s = createWebhookSender({ url: rx.url, sleep: () => retryGate });
    const envelopes = [1, 2, 3, 4].map((n) => flowsFieldEnvelope(`waba-${n}`, flowVersionExpiryWarningValue({ flowId: `${n}`, warning: 'w' })));

    const results = envelopes.map((e) => s.send(e));
    // Deliveries 2-4 finish although delivery 1 is parked in its backoff.
    await expect(Promise.all(results.slice(1))).resolves.toEqual([
      { delivered: true, attempts: 1, status: 200 },
      { delivered: true, attempts: 1, status: 200 },
      { delivered: true, attempts: 1, status: 200 },
    ]);
    expect(s.pending()).toBe(1);
    releaseRetry();
    await expect(results[0]).resolves.toEqual({ delivered: true, attempts: 2, status: 200 });

    const order = rx.requests.map((r) => JSON.parse(r.body.toString('utf8')).entry[0].id);
    expect(order).toEqual(['waba-1', 'waba-2', 'waba-3', 'waba-4', 'waba-1']);
  });

  it('starts the next first attempt only once the previous one has an answer', async () => {
    const rx = await startReceiver();
    let answerFirst!: () => void;
    rx.script({ status: 200, after: new Promise<void>((resolve) => (answerFirst = resolve)) });
    // Every attempt goes through this fetch, so the test sees when the sender decides to post, not only when the
    // receiver has read a request.
    const posted: string[] = [];
    const recordingFetch: typeof fetch = (input, init) => {
      const body = init?.body;
      posted.push(JSON.parse(typeof body === 'string' ? body : new TextDecoder().decode(body as Uint8Array)).entry[0].id);
      return fetch(input, init);
    };
    const { s } = sender(rx.url, { fetch: recordingFetch });
    const results = [1, 2, 3].map((n) => s.send(flowsFieldEnvelope(`waba-${n}`, flowVersionExpiryWarningValue({ flowId: `${n}`, warning: 'w' }))));

    // Wait for the first request to cross the network. All three deliveries signed their bodies at the same time,
    // before #1 could post, so a sender that did not wait for #1's answer has called fetch for #2 and #3 by now.
    while (rx.requests.length === 0) await new Promise((r) => setImmediate(r));
    expect(posted).toEqual(['waba-1']);
    expect(rx.requests).toHaveLength(1);
    answerFirst();
    await Promise.all(results);
    expect(rx.requests.map((r) => JSON.parse(r.body.toString('utf8')).entry[0].id)).toEqual(['waba-1', 'waba-2', 'waba-3']);
  });

  it('close() stops retries: pending deliveries resolve as not delivered, later sends go nowhere', async () => {
    const rx = await startReceiver();
    rx.fallback = { status: 500 };
    let firstFailure!: () => void;
    const failed = new Promise<void>((resolve) => (firstFailure = resolve));
    const s = createWebhookSender({
      url: rx.url,
      onDeliveryError: () => firstFailure(),
      sleep: () => new Promise<void>(() => undefined), // would wait forever
    });

    const result = s.send(created());
    await failed;
    s.close();

    await expect(result).resolves.toEqual({ delivered: false, attempts: 1, status: 500 });
    await s.drain();
    await expect(s.send(created())).resolves.toEqual({ delivered: false, attempts: 0 });
    expect(rx.requests).toHaveLength(1);
  });

  it('close() aborts an attempt in flight and releases the default backoff timer', async () => {
    const rx = await startReceiver();
    rx.fallback = 'hang';
    const s = createWebhookSender({ url: rx.url, timeoutMs: 60_000 });
    const result = s.send(created());
    while (rx.requests.length === 0) await new Promise((r) => setImmediate(r));
    s.close();
    await expect(result).resolves.toEqual({ delivered: false, attempts: 1 });
    await s.drain();
  });

  it('never reports the app secret, whatever the failure', async () => {
    const rx = await startReceiver();
    rx.script({ status: 500, body: `echo ${SECRET}` }, 'hang');
    const port = await freePort();
    const reported: DeliveryErrorInfo[] = [];
    const common = { appSecret: SECRET, maxAttempts: 2, timeoutMs: 150, onDeliveryError: (i: DeliveryErrorInfo) => reported.push(i) };

    const a = createWebhookSender({ url: rx.url, ...common, sleep: async () => undefined });
    const b = createWebhookSender({ url: `http://127.0.0.1:${port}/`, ...common, sleep: async () => undefined });
    const c = createWebhookSender({
      url: rx.url,
      ...common,
      sleep: async () => undefined,
      fetch: async () => {
        throw new Error(`socket closed while using ${SECRET}`, { cause: new Error(`inner ${SECRET}`) });
      },
    });
    const results = await Promise.all([a.send(created()), b.send(created()), c.send(created())]);

    expect(results.map((r) => r.delivered)).toEqual([false, false, false]);
    expect(reported).toHaveLength(6);
    expect(reported.every((r) => typeof r.error === 'string' && r.error.length > 0)).toBe(true);
    expect(JSON.stringify(reported)).not.toContain(SECRET);
    expect(JSON.stringify(results)).not.toContain(SECRET);
    expect(reported.some((r) => r.error!.includes('[REDACTED]'))).toBe(true);
  });

  it('rejects invalid options up front and never rejects from send', async () => {
    expect(() => createWebhookSender({ url: 'not a url' })).toThrow(InvalidArgumentError);
    expect(() => createWebhookSender({ url: 'http://127.0.0.1/', maxAttempts: 0 })).toThrow(InvalidArgumentError);
    const reported: DeliveryErrorInfo[] = [];
    const s = createWebhookSender({ url: 'http://127.0.0.1/', onDeliveryError: (i) => reported.push(i) });
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    await expect(s.send(circular)).resolves.toEqual({ delivered: false, attempts: 0 });
    expect(reported).toEqual([{ attempt: 0, error: expect.stringMatching(/JSON/), willRetry: false }]);
  });
});
