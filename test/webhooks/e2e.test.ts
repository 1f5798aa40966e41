/**
 * End to end over HTTP: the emulator (listening on port 0) sends real, signed FLOW_STATUS_CHANGE webhooks to
 * createWebhookHandler served with toNodeListener (port 0), while the SDK client manages a flow on the emulator.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { toNodeListener } from '../../src/adapters/node.js';
import { createEmulator } from '../../src/emulator/index.js';
import { WhatsApp } from '../../src/index.js';
import { createWebhookHandler, type FlowStatusChangeEvent, type WebhookHandlerOptions } from '../../src/webhooks/index.js';

const APP_SECRET = 'e2e-app-secret';
const WABA = '100000000000777';

const cleanup: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

async function serve(options: WebhookHandlerOptions): Promise<string> {
  const server: Server = createServer(toNodeListener(createWebhookHandler(options)));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanup.push(
    () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  );
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhook`;
}

async function startEmulator(webhookUrl: string, extra: { onWebhookError?: (info: { attempt: number; status?: number }) => void } = {}): Promise<{ close: () => Promise<void>; client: WhatsApp }> {
  const emulator = createEmulator({ webhookUrl, appSecret: APP_SECRET, ...extra });
  const server = await emulator.listen({ port: 0 });
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await server.close();
    await emulator.close(); // waits for pending webhook deliveries, retries included
  };
  cleanup.push(close);
  const client = new WhatsApp({ accessToken: 'e2e-token', baseUrl: server.url, businessAcctId: WABA, phoneNumberId: '200000000000002' });
  return { close, client };
}

const flowJson = {
  version: '7.3',
  screens: [
    {
      id: 'WELCOME',
      title: 'Welcome',
      terminal: true,
      data: {},
      layout: {
        type: 'SingleColumnLayout',
        children: [
          { type: 'TextHeading', text: 'Hello' },
          { type: 'Footer', label: 'Done', 'on-click-action': { name: 'complete', payload: {} } },
        ],
      },
    },
  ],
};

describe('emulator → webhook handler over HTTP', () => {
  it('verification GET, then create, publish and deprecate reach onFlowStatusChange', async () => {
    const received: FlowStatusChangeEvent[] = [];
    const url = await serve({ appSecret: APP_SECRET, verifyToken: 'e2e-verify', onFlowStatusChange: (e) => void received.push(e) });

    const challenge = await fetch(`${url}?hub.mode=subscribe&hub.verify_token=e2e-verify&hub.challenge=8437`);
    expect(challenge.status).toBe(200);
    expect(await challenge.text()).toBe('8437');

    const { close, client } = await startEmulator(url);
    const { id } = await client.flows.createFlow(WABA, { name: 'e2e_survey', categories: ['SURVEY'], flow_json: flowJson });
    await client.flows.publishFlow(id);
    await client.flows.deprecateFlow(id);
    await close();

    // Deliveries are not ordered (as with Meta): compare as a set.
    const seen = received.map((e) => `${e.oldStatus ?? '-'}→${e.newStatus}`).sort();
    expect(seen).toEqual(['-→DRAFT', 'DRAFT→PUBLISHED', 'PUBLISHED→DEPRECATED'].sort());
    for (const e of received) {
      expect(e).toMatchObject({ kind: 'flow_status_change', event: 'FLOW_STATUS_CHANGE', flowId: id, wabaId: WABA });
      expect(Math.abs(e.time.getTime() - Date.now())).toBeLessThan(60_000);
      expect(e.message).toMatch(/^Flow e2e_survey (has been created with DRAFT status|changed status from \w+ to \w+)$/);
      expect(e.raw.flow_id).toBe(id);
    }
  });

  it('a callback that fails once gets 500, the emulator retries, and the callback sees the event again once', async () => {
    const calls: string[] = [];
    let failuresLeft = 1;
    const url = await serve({
      appSecret: APP_SECRET,
      onFlowStatusChange: (e) => {
        calls.push(e.newStatus);
        if (failuresLeft-- > 0) throw new Error('first attempt fails');
      },
      onError: () => {},
    });
    const attempts: Array<number | undefined> = [];
    const { close, client } = await startEmulator(url, { onWebhookError: (info) => void attempts.push(info.status) });
    await client.flows.createFlow(WABA, { name: 'e2e_retry', categories: ['OTHER'] });
    await close();
    expect(attempts).toEqual([500]);
    expect(calls).toEqual(['DRAFT', 'DRAFT']);
  });
});
