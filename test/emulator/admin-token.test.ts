/**
 * Issue 10 #6: with a token set, every route needs it (the Graph routes and `/_emulator/...` alike), and
 * `POST /_emulator/complete` only calls `endpoint_uri`s on this machine unless `allowRemoteEndpoints`.
 */
import { generateKeyPairSync } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { isLoopbackUrl } from '../../src/emulator/loopback.js';
import { endpointFlowJson, expectRawError, flowIn, startEmulator, TOKEN, uniqueName, type Harness } from './helpers/emulator.js';

const running: Harness[] = [];
afterEach(async () => {
  for (const h of running.splice(0)) await h.close();
});
async function start(options: Parameters<typeof startEmulator>[0] = {}): Promise<Harness> {
  const h = await startEmulator(options);
  running.push(h);
  return h;
}

const missing = { status: 400, code: 104, message: 'An access token is required to request this resource.' };
const wrong = { status: 401, code: 190, message: 'Invalid OAuth access token - Cannot parse access token' };

describe('with a token set, every emulator route needs it', () => {
  it('refuses state, messages, health, reset, forced statuses, complete and asset downloads without it, and changes nothing', async () => {
    const h = await start({ token: TOKEN });
    const id = await flowIn(h, 'PUBLISHED');
    const [asset] = (await h.client.flows.getFlowAssets(id)).data;
    const download = new URL(asset!.download_url!).pathname;
    const before = h.snapshot();
    const routes: Array<[string, { method?: string; json?: unknown }]> = [
      ['/_emulator/state', {}],
      ['/_emulator/messages', {}],
      ['/_emulator/health', {}],
      [download, {}],
      ['/_emulator/reset', { method: 'POST' }],
      [`/_emulator/flows/${id}/status`, { json: { status: 'BLOCKED' } }],
      ['/_emulator/complete', { json: {} }],
      ['/_emulator/no-such-route', {}],
    ];
    for (const [path, init] of routes) {
      expectRawError(await h.raw(path, { ...init, token: null }), missing);
      expectRawError(await h.raw(path, { ...init, token: 'not-the-token' }), wrong);
      expectRawError(await h.raw(`${path}?access_token=not-the-token`, { ...init, token: null }), wrong);
    }
    expect(h.snapshot()).toEqual(before); // not wiped, not blocked
    expect((await h.client.flows.getFlow(id, { fields: 'status' })).status).toBe('PUBLISHED');
  });

  it("an asset's download_url is a signed link that works without the token, as Meta's are; a wrong signature is 404", async () => {
    const h = await start({ token: TOKEN });
    const id = await flowIn(h, 'PUBLISHED');
    const [asset] = (await h.client.flows.getFlowAssets(id)).data;
    const url = new URL(asset!.download_url!);
    expect(url.searchParams.get('sig')).toMatch(/^[0-9a-f]{24}$/);
    const signed = await fetch(url);
    expect(signed.status).toBe(200);
    expect(JSON.parse(await signed.text())).toHaveProperty('screens');
    expect((await h.raw(`${url.pathname}?sig=${'0'.repeat(24)}`, { token: null })).status).toBe(404);
    expect((await h.raw(`${url.pathname}?sig=`, { token: null })).status).toBe(404);
  });

  it('answers with the token, as a bearer header or as access_token in the query', async () => {
    const h = await start({ token: TOKEN });
    const id = await flowIn(h, 'DRAFT');
    expect((await h.raw('/_emulator/state')).body.flows[id].id).toBe(id);
    expect((await h.raw(`/_emulator/state?access_token=${TOKEN}`, { token: null })).status).toBe(200);
    await h.forceStatus(id, 'BLOCKED');
    expect((await h.raw('/_emulator/reset', { method: 'POST' })).body).toEqual({ success: true });
    expect(h.snapshot()).toMatchObject({ flows: {} });
  });

  it('fault injection needs the token too', async () => {
    const h = await start({ token: TOKEN });
    expectRawError(await h.raw('/1/flows', { token: null, headers: { 'x-emulator-fault': '500' } }), missing);
    expect((await h.raw('/1/flows', { headers: { 'x-emulator-fault': '500' } })).status).toBe(500);
  });

  it('the preview page opens in a browser with its own preview token, never without it', async () => {
    const h = await start({ token: TOKEN });
    const id = await flowIn(h, 'DRAFT');
    const { preview } = (await h.raw(`/${id}?fields=preview`)).body as { preview: { preview_url: string } };
    const page = await fetch(preview.preview_url);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<h1>');
    const forged = new URL(preview.preview_url);
    forged.searchParams.set('token', 'guess');
    expect((await fetch(forged)).status).toBe(404);
  });

  it('without a token set, the emulator routes stay open (the emulator listens on 127.0.0.1)', async () => {
    const h = await start();
    expect((await h.raw('/_emulator/health', { token: null })).body).toEqual({ status: 'ok' });
  });
});

describe('POST /_emulator/complete calls endpoint_uris on loopback only', () => {
  /** A published endpoint flow whose endpoint_uri is `uri`, with a flow message sent; returns the emulator. */
  async function sentEndpointFlow(uri: string, allowRemoteEndpoints?: boolean): Promise<{ h: Harness; called: string[] }> {
    const called: string[] = [];
    const fetchSpy = (async (input: RequestInfo | URL) => {
      called.push(String(input instanceof Request ? input.url : input));
      return new Response('{}', { status: 500 });
    }) as typeof fetch;
    const h = await start({ token: TOKEN, fetch: fetchSpy, ...(allowRemoteEndpoints === undefined ? {} : { allowRemoteEndpoints }) });
    const { publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048, publicKeyEncoding: { type: 'spki', format: 'pem' }, privateKeyEncoding: { type: 'pkcs8', format: 'pem' } });
    await h.client.encryption.setBusinessPublicKey(publicKey);
    const { id } = await h.client.flows.createFlow({ name: uniqueName('remote'), categories: ['OTHER'], endpoint_uri: uri, flow_json: endpointFlowJson() });
    await h.client.flows.publishFlow(id);
    await h.client.messages.flow({ to: '15551234567', flowId: id, cta: 'Go', body: 'Open', token: 'tok', action: 'data_exchange' });
    return { h, called };
  }

  it('refuses a remote endpoint_uri (403, code 10) without calling it, and says how to allow it', async () => {
    const { h, called } = await sentEndpointFlow('https://endpoint.example.com/flow');
    const messages = h.snapshot() as { messages: unknown[] };
    const res = await h.raw('/_emulator/complete', { json: {} });
    expectRawError(res, { status: 403, code: 10, message: /endpoint_uri is on endpoint\.example\.com, not on this machine.*--allow-remote-endpoints \(option allowRemoteEndpoints: true\)/ });
    expect(called).toEqual([]);
    expect((h.snapshot() as { messages: unknown[] }).messages).toEqual(messages.messages);
  });

  it('calls it with allowRemoteEndpoints', async () => {
    const { h, called } = await sentEndpointFlow('https://endpoint.example.com/flow', true);
    const res = await h.raw('/_emulator/complete', { json: {} });
    expect(res.status, res.text).not.toBe(403);
    expect(called[0]).toBe('https://endpoint.example.com/flow');
  });

  it('calls a loopback endpoint_uri by default', async () => {
    const { h, called } = await sentEndpointFlow('http://127.0.0.1:9/flow');
    await h.raw('/_emulator/complete', { json: {} });
    expect(called[0]).toBe('http://127.0.0.1:9/flow');
  });

  it('knows loopback when it sees it', () => {
    for (const uri of ['http://127.0.0.1:3000/x', 'http://127.1/x', 'https://127.255.0.9/', 'http://localhost:8080/', 'http://LOCALHOST/', 'http://[::1]:3000/', 'http://[0:0:0:0:0:0:0:1]/', 'http://[::ffff:127.0.0.1]/', 'http://0x7f.0.0.1/']) {
      expect(isLoopbackUrl(uri), uri).toBe(true);
    }
    for (const uri of ['https://example.com/', 'http://128.0.0.1/', 'http://10.0.0.1/', 'http://[::2]/', 'http://localhost.example.com/', 'http://127.0.0.1.example.com/', 'not a url', 'http://0.0.0.0/']) {
      expect(isLoopbackUrl(uri), uri).toBe(false);
    }
  });
});
