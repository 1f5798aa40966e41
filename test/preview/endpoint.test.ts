/**
 * Endpoint mode in the browser: the page encrypts each request with Web Crypto (the simulator's client), the
 * preview server relays it to a real createFlowEndpoint over HTTP or in-process, and the page shows what WhatsApp
 * shows: the refetch-and-retry after a 421, the business's message after a 427, the completion after SUCCESS.
 */
import { generateKeyPairSync } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeFlow, createFlowEndpoint, FlowTokenInvalidError } from '../../src/endpoint/index-node.js';
import { launchTestChromium } from '../helpers/chromium.js';
import { testPreviews, type TestPreviews } from '../helpers/preview-server.js';
import { keys, serve } from '../simulator/endpoint-fixture.js';

const flow = JSON.stringify({
  version: '7.3',
  data_api_version: '3.0',
  routing_model: { START: [] },
  screens: [
    {
      id: 'START',
      title: 'Booking',
      terminal: true,
      data: { greeting: { type: 'string', __example__: 'Hi' } },
      layout: { type: 'SingleColumnLayout', children: [{ type: 'TextBody', text: '${data.greeting}' }, { type: 'Footer', label: 'Book', 'on-click-action': { name: 'data_exchange', payload: { seats: 2 } } }] },
    },
  ],
});
const staleKey = generateKeyPairSync('rsa', { modulusLength: 2048, publicKeyEncoding: { type: 'spki', format: 'pem' }, privateKeyEncoding: { type: 'pkcs8', format: 'pem' } });

let browser: Browser;
let previews: TestPreviews;
const servers: Array<{ close(): Promise<void> }> = [];
beforeAll(async () => {
  [browser, previews] = await Promise.all([launchTestChromium(), testPreviews()]);
}, 30_000);
afterAll(async () => {
  await browser?.close();
  await previews?.close();
  await Promise.all(servers.map((s) => s.close()));
});

async function open(url: string): Promise<Page> {
  const page = await browser.newPage();
  page.setDefaultTimeout(8000);
  await page.goto(`${url}?watch=0`);
  await page.evaluate(() => (window as unknown as { metaPreview: { ready: Promise<void> } }).metaPreview.ready);
  return page;
}

describe('preview with a data endpoint', () => {
  it('retries INIT after a 421 with the public key fetched again, then shows the 427 message over HTTP', async () => {
    const endpoint = createFlowEndpoint({
      privateKey: keys.privateKey,
      onInit: () => ({ screen: 'START', data: { greeting: 'Welcome back, Ana' } }),
      onDataExchange: () => {
        throw new FlowTokenInvalidError('Your booking window has closed');
      },
    });
    const server = await serve((request) => endpoint(request));
    servers.push(server);
    let keyAsks = 0;
    // The first key is stale (the endpoint cannot decrypt: 421); the client asks for the key again and retries.
    const url = await previews.start({ flowJson: flow, endpoint: server.url, publicKey: () => (++keyAsks === 1 ? staleKey.publicKey : keys.publicKey) });
    const page = await open(url);
    await page.locator('#phone').getByText('Welcome back, Ana').waitFor();
    await expect(page.locator('#exchange-log summary').first().textContent()).resolves.toMatch(/^INIT · HTTP 421 → 200 · \d+ ms$/);
    expect(keyAsks).toBe(2);

    await page.locator('#phone').getByRole('button', { name: 'Book' }).click();
    const dialog = page.getByRole('alertdialog');
    await expect(dialog.getByRole('heading').textContent()).resolves.toBe('This flow has expired');
    await expect(dialog.textContent()).resolves.toContain('Your booking window has closed');
    await expect(page.locator('#exchange-log .log-failed summary').textContent()).resolves.toMatch(/^data_exchange from START · HTTP 427/);
    await page.close();
  });

  it('runs an in-process handler that checks the app secret signature, and completes on SUCCESS', async () => {
    const seen: unknown[] = [];
    const handler = createFlowEndpoint({
      privateKey: keys.privateKey,
      appSecret: 'preview-app-secret',
      onInit: () => ({ screen: 'START', data: { greeting: 'Pick your seats' } }),
      onDataExchange: (request) => {
        seen.push(request.data);
        return closeFlow(request.flow_token ?? '', { booking: 'B-12', seats: (request.data as { seats: number }).seats });
      },
    });
    const url = await previews.start({ flowJson: flow, endpoint: handler, publicKey: keys.publicKey, appSecret: 'preview-app-secret', flowToken: 'tok-9' });
    const page = await open(url);
    await page.locator('#phone').getByText('Pick your seats').waitFor();
    await page.locator('#phone').getByRole('button', { name: 'Book' }).click();
    await page.locator('#phone').getByRole('heading', { name: 'Sent' }).waitFor();
    expect(seen).toEqual([{ seats: 2 }]);
    const response = JSON.parse((await page.locator('#completion-response').textContent())!) as Record<string, unknown>;
    expect(response).toEqual({ flow_token: 'tok-9', booking: 'B-12', seats: 2 });
    const html = await page.content();
    expect(html).not.toContain('preview-app-secret');
    expect(html).not.toContain(keys.privateKey.split('\n')[1]);
    await page.close();
  });
});
