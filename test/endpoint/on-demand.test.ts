/**
 * The public functions of `meta-cloud-api/endpoint` that load their code on first call (src/endpoint/on-demand.ts,
 * issue 12: the endpoint's startup bundle): each behaves as the function it loads, errors included.
 */
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  generateKeyPair,
  importPrivateKeyWeb,
  importPublicKeyWeb,
  KeyFormatError,
  verifyFlowTokenSignature,
  verifyHubSignature,
  webCrypto,
} from '../../src/endpoint/shared-exports.js';

describe('on-demand public functions', () => {
  it('generateKeyPair, importPublicKeyWeb and importPrivateKeyWeb make a working RSA-OAEP pair', async () => {
    const pair = await generateKeyPair();
    const publicKey = await importPublicKeyWeb(pair.publicKey);
    const privateKey = await importPrivateKeyWeb(pair.privateKey);
    const secret = new TextEncoder().encode('sixteen byte key');
    const sealed = await globalThis.crypto.subtle.encrypt({ name: 'RSA-OAEP' }, publicKey as CryptoKey, secret);
    expect(new Uint8Array(await globalThis.crypto.subtle.decrypt({ name: 'RSA-OAEP' }, privateKey as CryptoKey, sealed))).toEqual(secret);
  });

  it('their errors are the loaded functions’ errors', async () => {
    await expect(importPrivateKeyWeb('hello')).rejects.toSatisfy((e) => e instanceof KeyFormatError && e.code === 'INVALID_PEM');
    const pair = await generateKeyPair();
    await expect(importPublicKeyWeb(pair.privateKey)).rejects.toSatisfy((e) => e instanceof KeyFormatError && e.code === 'WRONG_KEY_TYPE');
  });

  it('verifyHubSignature accepts the app secret’s HMAC and nothing else', async () => {
    const body = new TextEncoder().encode('{"encrypted_flow_data":"x"}');
    const header = `sha256=${createHmac('sha256', 'app-secret').update(body).digest('hex')}`;
    expect(await verifyHubSignature(webCrypto, header, body, ['app-secret'])).toBe(true);
    expect(await verifyHubSignature(webCrypto, header, body, ['another-secret'])).toBe(false);
    expect(await verifyHubSignature(webCrypto, undefined, body, ['app-secret'])).toBe(false);
  });

  it('verifyFlowTokenSignature verifies an HS256 token over the request’s flow token', async () => {
    const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
    const unsigned = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64({ flow_token: 'ft-1' })}`;
    const jwt = `${unsigned}.${createHmac('sha256', 'app-secret').update(unsigned).digest('base64url')}`;
    expect(await verifyFlowTokenSignature(webCrypto, jwt, 'ft-1', ['app-secret'])).toMatchObject({ verified: true });
    expect(await verifyFlowTokenSignature(webCrypto, jwt, 'ft-2', ['app-secret'])).toMatchObject({ verified: false });
  });
});
