import { generateKeyPairSync } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmulator } from '../../src/emulator/index.js';

/** Bodies made to trip the emulator (objects where strings belong, `toString` keys) get 4xx, never 500. */
let emulator: ReturnType<typeof createEmulator>;
let url: string;
let close: () => Promise<void>;
beforeAll(async () => {
  emulator = createEmulator();
  const server = await emulator.listen({ port: 0 });
  url = server.url;
  close = server.close;
});
afterAll(async () => {
  await close();
  await emulator.close();
});

const post = (path: string, body: unknown) =>
  fetch(`${url}/v25.0${path}`, { method: 'POST', headers: { authorization: 'Bearer t', 'content-type': 'application/json' }, body: JSON.stringify(body) });

describe('crafted input', () => {
  it('never answers 500', async () => {
    const evil = { toString: 1, valueOf: 2 };
    const cases: Array<[string, unknown]> = [
      ['/1/messages', { messaging_product: 'whatsapp', to: '15551234567', type: 'interactive', interactive: { type: 'flow', body: { text: 'x' }, action: { name: 'flow', parameters: { flow_message_version: evil, flow_cta: 'x', flow_id: evil } } } }],
      ['/1/messages', { messaging_product: 'whatsapp', to: '15551234567', type: 'interactive', interactive: { type: 'flow', body: { text: 'x' }, action: { name: 'flow', parameters: { flow_message_version: '3', flow_cta: 'x', flow_name: evil } } } }],
      ['/1/messages', { messaging_product: 'whatsapp', to: '15551234567', type: 'template', template: { name: 'x', language: { code: evil } } }],
      ['/2/message_templates', { name: 'offer', language: 'en_US', category: 'MARKETING', components: [{ type: evil, buttons: [{ type: evil }] }] }],
      ['/2/message_templates', { name: 'offer2', language: 'en_US', category: 'MARKETING', components: [{ type: 'BUTTONS', buttons: [{ type: 'FLOW', text: 'Go', flow_id: evil }] }] }],
      ['/2/flows', { name: evil, categories: evil }],
    ];
    for (const [path, body] of cases) {
      const res = await post(path, body);
      expect(res.status, `${path} ${JSON.stringify(body)}`).toBeLessThan(500);
    }
  });

  it('accepts a PKCS#1 public key as well as SPKI', async () => {
    const { publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048, publicKeyEncoding: { type: 'pkcs1', format: 'pem' }, privateKeyEncoding: { type: 'pkcs8', format: 'pem' } });
    const res = await fetch(`${url}/v25.0/3/whatsapp_business_encryption`, {
      method: 'POST',
      headers: { authorization: 'Bearer t', 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ business_public_key: publicKey }),
    });
    expect(res.status).toBe(200);
  });

  it('ids such as __proto__, toString and constructor are plain unknown ids', async () => {
    const auth = { authorization: 'Bearer t' };
    for (const id of ['__proto__', 'toString', 'constructor', 'hasOwnProperty']) {
      const get = await fetch(`${url}/v25.0/${id}`, { headers: auth });
      expect(get.status, id).toBe(400);
      expect(((await get.json()) as { error: { error_subcode: number } }).error.error_subcode).toBe(33);
      expect((await fetch(`${url}/v25.0/${id}`, { method: 'POST', headers: auth })).status).toBe(400);
    }
    const { publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048, publicKeyEncoding: { type: 'spki', format: 'pem' }, privateKeyEncoding: { type: 'pkcs8', format: 'pem' } });
    const res = await fetch(`${url}/v25.0/__proto__/whatsapp_business_encryption`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ business_public_key: publicKey }),
    });
    expect(res.status).toBe(200);
    expect(({} as { publicKey?: unknown }).publicKey).toBeUndefined();
    const other = await (await fetch(`${url}/v25.0/999/whatsapp_business_encryption`, { headers: auth })).json();
    expect(other).toEqual({ data: [] });
  });
});
