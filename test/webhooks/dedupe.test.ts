/** Repeated deliveries reach the callbacks once; a failed callback is answered 500 and reached again on retry. */
import { describe, expect, it, vi } from 'vitest';
import { createWebhookHandler, memoryDedupe, type DedupeStore, type LegacyDedupeStore, type WebhookErrorContext } from '../../src/webhooks/index.js';
import { eventId, stableJson } from '../../src/webhooks/event-id.js';
import { APP_SECRET, completionBody, DISPLAY_PHONE, FLOWS_VALUES, flowsBody, PHONE_ID, post, recorder, USER, WABA } from './helpers.js';

describe('de-duplication', () => {
  it('the same delivery twice reaches the callbacks once (completion and flows event)', async () => {
    const { received, callbacks } = recorder();
    const handler = createWebhookHandler({ appSecret: APP_SECRET, ...callbacks });
    for (let i = 0; i < 3; i++) {
      expect((await post(handler, completionBody())).status).toBe(200);
      expect((await post(handler, flowsBody(FLOWS_VALUES.latency))).status).toBe(200);
    }
    expect(received.completions).toHaveLength(1);
    expect(received.alerts).toHaveLength(1);
    // A different message id or a later alert is a new item.
    await post(handler, completionBody({ id: 'wamid.REPLY_2' }));
    await post(handler, flowsBody(FLOWS_VALUES.latency, 1714513603));
    expect(received.completions).toHaveLength(2);
    expect(received.alerts).toHaveLength(2);
  });

  it('flows ids do not depend on key order or whitespace; they do on values, time and WABA', async () => {
    const a = ['flows', WABA, 'ENDPOINT_LATENCY', '1002', 1714510003, { ...FLOWS_VALUES.latency }];
    const reordered = ['flows', WABA, 'ENDPOINT_LATENCY', '1002', 1714510003, Object.fromEntries(Object.entries(FLOWS_VALUES.latency).reverse())];
    expect(await eventId(a)).toBe(await eventId(reordered));
    expect(await eventId(a)).toMatch(/^flows:[0-9a-f]{64}$/);
    expect(await eventId(a)).not.toBe(await eventId(['flows', WABA, 'ENDPOINT_LATENCY', '1002', 1714510004, FLOWS_VALUES.latency]));
    expect(await eventId(a)).not.toBe(await eventId(['flows', 'OTHER', 'ENDPOINT_LATENCY', '1002', 1714510003, FLOWS_VALUES.latency]));
    expect(await eventId(a)).not.toBe(await eventId(['flows', WABA, 'ENDPOINT_LATENCY', '1002', 1714510003, { ...FLOWS_VALUES.latency, p90_latency: 1501 }]));
    expect(stableJson({ b: [1, { d: 1, c: undefined }], a: null })).toBe('{"a":null,"b":[1,{"d":1}]}');

    const { received, callbacks } = recorder();
    const handler = createWebhookHandler({ appSecret: APP_SECRET, ...callbacks });
    await post(handler, JSON.stringify(flowsBody(FLOWS_VALUES.clientErrorRate)));
    await post(handler, JSON.stringify(flowsBody(FLOWS_VALUES.clientErrorRate), null, 2));
    await post(handler, flowsBody(Object.fromEntries(Object.entries(FLOWS_VALUES.clientErrorRate).reverse())));
    expect(received.alerts).toHaveLength(1);
  });

  it('statuses of one message (sent, delivered) are different items; each once', async () => {
    const { received, callbacks } = recorder();
    const handler = createWebhookHandler({ appSecret: APP_SECRET, ...callbacks });
    const statusBody = (status: string, timestamp: string) => ({
      object: 'whatsapp_business_account',
      entry: [
        {
          id: WABA,
          changes: [
            {
              field: 'messages',
              value: { messaging_product: 'whatsapp', metadata: { display_phone_number: DISPLAY_PHONE, phone_number_id: PHONE_ID }, statuses: [{ id: 'wamid.OUT', status, timestamp, recipient_id: USER }] },
            },
          ],
        },
      ],
    });
    await post(handler, statusBody('sent', '1'));
    await post(handler, statusBody('delivered', '2'));
    await post(handler, statusBody('sent', '1'));
    expect(received.changes.map((c) => c.status?.status)).toEqual(['sent', 'delivered']);
  });

  it('dedupe: false hands every delivery over', async () => {
    const { received, callbacks } = recorder();
    const handler = createWebhookHandler({ appSecret: APP_SECRET, dedupe: false, ...callbacks });
    await post(handler, completionBody());
    await post(handler, completionBody());
    expect(received.completions).toHaveLength(2);
  });

  it('a has/add store still works: has() before the callback, add() after it; one warning that it is not atomic', async () => {
    const calls: string[] = [];
    const ids = new Set<string>();
    const store: LegacyDedupeStore = {
      has: async (id) => (calls.push(`has ${id}`), ids.has(id)),
      add: async (id) => void (calls.push(`add ${id}`), ids.add(id)),
    };
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      const handler = createWebhookHandler({ appSecret: APP_SECRET, dedupe: store, onFlowCompletion: (e) => void calls.push(`callback ${e.messageId}`) });
      createWebhookHandler({ appSecret: APP_SECRET, dedupe: store });
      await post(handler, completionBody());
      await post(handler, completionBody());
      expect(calls).toEqual(['has wamid.REPLY_1', 'callback wamid.REPLY_1', 'add wamid.REPLY_1', 'has wamid.REPLY_1']);
      expect(warn).toHaveBeenCalledTimes(1);
      expect(String(warn.mock.calls[0]![0])).toMatch(/not atomic.*claim\(id, ttlMs\)/);
    } finally {
      warn.mockRestore();
    }
  });

  it('a claim store: claim before the callback, complete after it, release after a failure', async () => {
    const calls: string[] = [];
    let fail = true;
    const store: DedupeStore = {
      claim: async (id) => (calls.push(`claim ${id}`), calls.includes(`complete ${id}`) ? 'done' : 'claimed'),
      complete: async (id) => void calls.push(`complete ${id}`),
      release: async (id) => void calls.push(`release ${id}`),
    };
    const handler = createWebhookHandler({
      appSecret: APP_SECRET,
      dedupe: store,
      onError: () => undefined,
      onFlowCompletion: (e) => {
        calls.push(`callback ${e.messageId}`);
        if (fail) throw new Error('database busy');
      },
    });
    expect((await post(handler, completionBody())).status).toBe(500);
    fail = false;
    expect((await post(handler, completionBody())).status).toBe(200);
    expect((await post(handler, completionBody())).status).toBe(200);
    const id = 'wamid.REPLY_1';
    expect(calls).toEqual([`claim ${id}`, `callback ${id}`, `release ${id}`, `claim ${id}`, `callback ${id}`, `complete ${id}`, `claim ${id}`]);
  });

  it('an item in progress elsewhere is not handed over and answered 503, so Meta comes back', async () => {
    let calls = 0;
    const store: DedupeStore = { claim: () => 'in-progress', complete: () => undefined, release: () => undefined };
    const handler = createWebhookHandler({ appSecret: APP_SECRET, dedupe: store, onFlowCompletion: () => void calls++ });
    expect((await post(handler, completionBody())).status).toBe(503);
    expect(calls).toBe(0);
  });

  it('a store failing to claim loses nothing: no callback, reported as phase dedupe, answered 500; the retry is handed over', async () => {
    const errors: WebhookErrorContext[] = [];
    let delivered = 0;
    let down = true;
    const inner = memoryDedupe();
    const store: DedupeStore = {
      claim: (id) => (down ? Promise.reject(new Error('redis down')) : inner.claim(id)),
      complete: (id) => inner.complete(id),
      release: (id) => inner.release(id),
    };
    const handler = createWebhookHandler({ appSecret: APP_SECRET, dedupe: store, onFlowCompletion: () => void delivered++, onError: (_e, c) => void errors.push(c) });
    expect((await post(handler, completionBody())).status).toBe(500);
    expect(delivered).toBe(0);
    expect(errors.map((c) => c.phase)).toEqual(['dedupe']);
    down = false;
    expect((await post(handler, completionBody())).status).toBe(200);
    expect((await post(handler, completionBody())).status).toBe(200);
    expect(delivered).toBe(1);
  });

  it('a store failing to complete: the item was handled, so 200 (a 500 would hand it over twice), reported as phase dedupe', async () => {
    const errors: WebhookErrorContext[] = [];
    let delivered = 0;
    const store: DedupeStore = { claim: () => 'claimed', complete: () => Promise.reject(new Error('redis down')), release: () => undefined };
    const handler = createWebhookHandler({ appSecret: APP_SECRET, dedupe: store, onFlowCompletion: () => void delivered++, onError: (_e, c) => void errors.push(c) });
    expect((await post(handler, completionBody())).status).toBe(200);
    expect(delivered).toBe(1);
    expect(errors.map((c) => c.phase)).toEqual(['dedupe']);
  });

  it('two copies at once, with a slow has/add store, reach the callback once; the second is answered 503', async () => {
    const ids = new Set<string>();
    // The first lookup is held until the second copy has been answered.
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let entered!: () => void;
    const inLookup = new Promise<void>((r) => (entered = r));
    const slow: LegacyDedupeStore = {
      has: async (id) => (entered(), await gate, ids.has(id)),
      add: async (id) => void ids.add(id),
    };
    let calls = 0;
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const handler = createWebhookHandler({ appSecret: APP_SECRET, dedupe: slow, onFlowCompletion: () => void calls++ });
    warn.mockRestore();
    const first = post(handler, completionBody());
    await inLookup;
    expect((await post(handler, completionBody())).status).toBe(503);
    release();
    expect((await first).status).toBe(200);
    expect(calls).toBe(1);
  });

  it('a duplicate arriving while the first is still being handled is not handed over twice', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let entered!: () => void;
    const inCallback = new Promise<void>((r) => (entered = r));
    let calls = 0;
    const handler = createWebhookHandler({
      appSecret: APP_SECRET,
      onFlowCompletion: async () => {
        calls++;
        entered();
        await gate;
      },
    });
    const first = post(handler, completionBody());
    await inCallback;
    // 503, not 200: should the first copy fail, a 200 here would have told Meta the item was delivered.
    const second = await post(handler, completionBody());
    expect(second.status).toBe(503);
    release();
    expect((await first).status).toBe(200);
    expect(calls).toBe(1);
  });
});

describe('a failing callback', () => {
  it('answers 500, is reported, is not marked: the retry reaches it; items that succeeded are not handed over again', async () => {
    const seen: string[] = [];
    const errors: Array<{ error: unknown; context: WebhookErrorContext }> = [];
    let failuresLeft = 1;
    const handler = createWebhookHandler({
      appSecret: APP_SECRET,
      onFlowCompletion: (e) => {
        seen.push(`completion ${e.messageId}`);
        if (failuresLeft-- > 0) throw new Error('database busy');
      },
      onFlowStatusChange: (e) => void seen.push(`status ${e.newStatus}`),
      onError: (error, context) => void errors.push({ error, context }),
    });
    const completion = JSON.parse(completionBody()).entry[0];
    const body = { object: 'whatsapp_business_account', entry: [...(flowsBody(FLOWS_VALUES.created).entry as object[]), completion] };
    const first = await post(handler, body);
    expect(first.status).toBe(500);
    expect(first.text).toBe('');
    expect(seen).toEqual(['status DRAFT', 'completion wamid.REPLY_1']);
    expect(errors).toHaveLength(1);
    expect((errors[0]!.error as Error).message).toBe('database busy');
    expect(errors[0]!.context).toMatchObject({ phase: 'callback', id: 'wamid.REPLY_1', event: { kind: 'flow_completion', messageId: 'wamid.REPLY_1' } });

    // Meta retries the same delivery: only the failed item is handed over again.
    const retry = await post(handler, body);
    expect(retry.status).toBe(200);
    expect(seen).toEqual(['status DRAFT', 'completion wamid.REPLY_1', 'completion wamid.REPLY_1']);
    // And a third copy reaches nothing.
    expect((await post(handler, body)).status).toBe(200);
    expect(seen).toHaveLength(3);
  });

  it('a rejected promise counts as a failure too; a throwing onError does not change the answer', async () => {
    let attempts = 0;
    const handler = createWebhookHandler({
      appSecret: APP_SECRET,
      onFlowAlert: async () => {
        attempts++;
        if (attempts === 1) await Promise.reject(new Error('later'));
      },
      onError: () => {
        throw new Error('reporter broken');
      },
    });
    expect((await post(handler, flowsBody(FLOWS_VALUES.availability))).status).toBe(500);
    expect((await post(handler, flowsBody(FLOWS_VALUES.availability))).status).toBe(200);
    expect((await post(handler, flowsBody(FLOWS_VALUES.availability))).status).toBe(200);
    expect(attempts).toBe(2);
  });
});

describe('memoryDedupe', () => {
  it('claim is atomic: claimed once, in-progress while held, done after complete; release gives it back', () => {
    const store = memoryDedupe();
    expect(store.claim('a')).toBe('claimed');
    expect(store.claim('a')).toBe('in-progress');
    store.release('a');
    expect(store.claim('a')).toBe('claimed');
    store.complete('a');
    expect(store.claim('a')).toBe('done');
    store.release('a'); // a done item stays done
    expect(store.claim('a')).toBe('done');
  });

  it('a claim lapses after claimTtlMs (an instance that died), a done id after ttlMs', () => {
    let now = 0;
    const store = memoryDedupe({ claimTtlMs: 500, ttlMs: 10_000, now: () => now });
    expect(store.claim('a')).toBe('claimed');
    now = 499;
    expect(store.claim('a')).toBe('in-progress');
    now = 500;
    expect(store.claim('a')).toBe('claimed');
    expect(store.claim('b', 50)).toBe('claimed');
    now = 550;
    expect(store.claim('b')).toBe('claimed');
    store.complete('a');
    now = 10_549;
    expect(store.claim('a')).toBe('done');
    now = 10_550;
    expect(store.claim('a')).toBe('claimed');
  });

  it('rejects a bad claimTtlMs with a message naming it', () => {
    expect(() => memoryDedupe({ claimTtlMs: 0 })).toThrow(/claimTtlMs must be a positive number/);
  });

  it('forgets ids after ttlMs', () => {
    let now = 1_000;
    const store = memoryDedupe({ ttlMs: 100, now: () => now });
    store.add('a');
    now = 1_050;
    store.add('b');
    expect(store.has('a')).toBe(true);
    now = 1_100;
    expect(store.has('a')).toBe(false);
    expect(store.has('b')).toBe(true);
    now = 1_150;
    expect(store.has('b')).toBe(false);
  });

  it('keeps at most maxSize ids, the oldest going first', () => {
    const store = memoryDedupe({ maxSize: 3 });
    for (const id of ['a', 'b', 'c', 'd']) store.add(id);
    expect(['a', 'b', 'c', 'd'].map((id) => store.has(id))).toEqual([false, true, true, true]);
    store.add('b'); // re-adding makes it the newest
    store.add('e');
    expect(['b', 'c', 'd', 'e'].map((id) => store.has(id))).toEqual([true, false, true, true]);
  });

  it('defaults: 24 hours, 10 000 ids', () => {
    let now = 0;
    const store = memoryDedupe({ now: () => now });
    for (let i = 0; i < 10_001; i++) store.add(`id-${i}`);
    expect(store.has('id-0')).toBe(false);
    expect(store.has('id-1')).toBe(true);
    now = 24 * 60 * 60 * 1000 - 1;
    expect(store.has('id-10000')).toBe(true);
    now += 1;
    expect(store.has('id-10000')).toBe(false);
  });
});
