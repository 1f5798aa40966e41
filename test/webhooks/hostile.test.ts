/**
 * Issue 10 #11, #12: a signed delivery nested thousands deep never gets a 500 (Meta would retry it forever), and
 * de-duplication keeps a bounded-size id per item whatever the size of the id Meta sends.
 */
import { describe, expect, it } from 'vitest';
import { eventId } from '../../src/webhooks/event-id.js';
import { createWebhookHandler, type DedupeStore } from '../../src/webhooks/index.js';
import { APP_SECRET, completionBody, flowsBody, FLOWS_VALUES, post, recorder } from './helpers.js';

const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;

describe('deeply nested deliveries', () => {
  for (const depth of [5_000, 100_000]) {
    for (const where of ['message', 'flows event', 'unknown field']) {
      it(`nested ${depth} deep in a ${where}: 200 with the item reported, or 400; never 500`, async () => {
        const errors: unknown[] = [];
        const { callbacks } = recorder();
        const handler = createWebhookHandler({ appSecret: APP_SECRET, ...callbacks, onMessage: () => {}, onError: (error) => errors.push(error) });
        let body: string;
        if (where === 'message') body = completionBody({ responseJson: '{}' }).replace('"body":"Sent"', `"body":"Sent","deep":${nested(depth)}`);
        else if (where === 'flows event') body = JSON.stringify(flowsBody(FLOWS_VALUES.latency)).replace('"event":', `"deep":${nested(depth)},"event":`);
        else body = JSON.stringify({ object: 'whatsapp_business_account', entry: [{ id: '1', time: 1, changes: [{ field: 'other', value: { deep: 'X' } }] }] }).replace('"X"', nested(depth));
        expect(body).toContain(nested(depth));
        const res = await post(handler, body);
        expect([200, 400]).toContain(res.status);
        if (res.status === 400) expect(res.text).toMatch(/nested too deeply/);
      });
    }
  }
});

describe('de-duplication ids have a bounded size', () => {
  it('a 1 MB message id is stored as a fixed-size hash', async () => {
    const stored: string[] = [];
    const store: DedupeStore = { claim: () => 'claimed', complete: (id) => void stored.push(id), release: () => undefined };
    const { received, callbacks } = recorder();
    const handler = createWebhookHandler({ appSecret: APP_SECRET, ...callbacks, dedupe: store });
    const huge = `wamid.${'A'.repeat(1024 * 1024)}`;
    expect((await post(handler, completionBody({ id: huge }))).status).toBe(200);
    expect(received.completions).toHaveLength(1);
    expect(stored).toHaveLength(1);
    expect(stored[0]!.length).toBeLessThanOrEqual(128);
    expect(stored[0]).toMatch(/^sha256:[0-9a-f]{64}$/);
    // Stable and distinct: the same id hashes the same, another id differently; short ids stay as Meta sent them.
    expect(await eventId(huge)).toBe(stored[0]);
    expect(await eventId(`${huge}B`)).not.toBe(stored[0]);
    expect(await eventId('wamid.SHORT')).toBe('wamid.SHORT');
  });
});
