import { generateKeyPairSync } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import WhatsApp from '../src/index.js';
import { startGraphServer, type GraphServer } from './helpers/graph-server.js';

let server: GraphServer;
let client: WhatsApp;
const { publicKey, privateKey } = generateKeyPairSync('rsa', {
  modulusLength: 2048,
  publicKeyEncoding: { type: 'spki', format: 'pem' },
  privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
});

beforeAll(async () => {
  server = await startGraphServer();
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
  client = new WhatsApp({ accessToken: 'tok-abcdef', phoneNumberId: '222', baseUrl: server.url, maxRetries: 0 });
});

describe('client.encryption', () => {
  it('setBusinessPublicKey posts the PEM as business_public_key to the phone number', async () => {
    server.handle(() => ({ json: { success: true } }));
    expect(await client.encryption.setBusinessPublicKey(publicKey)).toEqual({ success: true });
    const r = server.requests[0]!;
    expect([r.method, r.path]).toEqual(['POST', '/v25.0/222/whatsapp_business_encryption']);
    expect(r.headers['content-type']).toMatch(/^application\/x-www-form-urlencoded/);
    expect(new URLSearchParams(r.text).get('business_public_key')).toBe(publicKey.trim());
    await client.encryption.setBusinessPublicKey(publicKey, '333');
    expect(server.requests[1]!.path).toBe('/v25.0/333/whatsapp_business_encryption');
  });

  it('refuses a private key or text that is not a PEM public key, sending nothing', async () => {
    await expect(client.encryption.setBusinessPublicKey(privateKey)).rejects.toThrow(/PRIVATE key: never upload it/);
    await expect(client.encryption.setBusinessPublicKey('hello')).rejects.toThrow(/PEM block/);
    await expect(client.encryption.setBusinessPublicKey('')).rejects.toThrow(/PEM string/);
    expect(server.requests).toHaveLength(0);
  });

  it('getBusinessPublicKey normalises both documented response shapes', async () => {
    const key = { business_public_key: publicKey, business_public_key_signature_status: 'VALID' };
    server.handle(() => ({ json: key }));
    expect(await client.encryption.getBusinessPublicKey()).toEqual(key);
    expect(server.requests[0]!.method).toBe('GET');
    expect(server.requests[0]!.path).toBe('/v25.0/222/whatsapp_business_encryption');
    server.handle(() => ({ json: { data: [key] } }));
    expect(await client.encryption.getBusinessPublicKey('333')).toEqual(key);
    expect(server.requests[1]!.path).toBe('/v25.0/333/whatsapp_business_encryption');
    server.handle(() => ({ json: { data: [] } }));
    expect(await client.encryption.getBusinessPublicKey()).toEqual({});
  });
});
