/**
 * `privateKey` as one key, a list (rotation: each is tried, 421 only when none decrypts, flows-platform §3.3) or a
 * resolver by request (one endpoint per WABA); every key imported once.
 */
import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { nodeCrypto } from '../../src/endpoint/crypto/node.js';
import type { FlowCrypto } from '../../src/endpoint/crypto/types.js';
import { createFlowEndpointWith, type FlowEndpointOptions } from '../../src/endpoint/shared-exports.js';
import { InvalidArgumentError } from '../../src/core/base-errors.js';
import { keys as keyA, openResponse, sealRequest } from './whatsapp-side.js';

const keyB = generateKeyPairSync('rsa', { modulusLength: 2048, publicKeyEncoding: { type: 'spki', format: 'pem' }, privateKeyEncoding: { type: 'pkcs8', format: 'pem' } });
const keyC = generateKeyPairSync('rsa', { modulusLength: 2048, publicKeyEncoding: { type: 'spki', format: 'pem' }, privateKeyEncoding: { type: 'pkcs8', format: 'pem' } });

/** node:crypto, counting key imports. */
function countingCrypto(): { crypto: FlowCrypto; imports: () => number } {
  let n = 0;
  const crypto: FlowCrypto = { ...nodeCrypto, importPrivateKeySync: (pem, pass) => (n++, nodeCrypto.importPrivateKeySync!(pem, pass)) };
  return { crypto, imports: () => n };
}

async function ask(handler: (r: Request) => Promise<Response>, publicKey: string, path = '/flow') {
  const sealed = sealRequest({ version: '3.0', action: 'INIT', data: {}, flow_token: 't' }, publicKey);
  const res = await handler(new Request(`https://endpoint.example${path}`, { method: 'POST', body: sealed.body }));
  const text = await res.text();
  return { status: res.status, body: res.status === 200 ? openResponse(text, sealed) : undefined };
}

const onInit: FlowEndpointOptions['onInit'] = () => ({ screen: 'START', data: {} });

describe('privateKey: one, a list, a resolver', () => {
  it('rotation: with [new, old] both keys decrypt; a third key gets 421; each key imported once', async () => {
    const { crypto, imports } = countingCrypto();
    const handler = createFlowEndpointWith(crypto, { privateKey: [keyB.privateKey, keyA.privateKey], onInit });
    expect(await ask(handler, keyA.publicKey)).toEqual({ status: 200, body: { screen: 'START', data: {} } });
    expect((await ask(handler, keyB.publicKey)).status).toBe(200);
    expect((await ask(handler, keyC.publicKey)).status).toBe(421);
    expect((await ask(handler, keyA.publicKey)).status).toBe(200);
    expect(imports()).toBe(2);
    // One key only: the other's requests get 421.
    expect((await ask(createFlowEndpointWith(nodeCrypto, { privateKey: keyB.privateKey, onInit }), keyA.publicKey)).status).toBe(421);
  });

  it('a resolver by path: each WABA endpoint decrypts with its own key; keys imported once, at first use', async () => {
    const { crypto, imports } = countingCrypto();
    const byPath: Record<string, string> = { '/waba-a': keyA.privateKey, '/waba-b': keyB.privateKey };
    const handler = createFlowEndpointWith(crypto, { privateKey: (request) => byPath[new URL(request.url).pathname] ?? [], onInit, onError: () => undefined });
    await handler.ready();
    expect(imports()).toBe(0);
    expect((await ask(handler, keyA.publicKey, '/waba-a')).status).toBe(200);
    expect((await ask(handler, keyB.publicKey, '/waba-b')).status).toBe(200);
    expect((await ask(handler, keyB.publicKey, '/waba-a')).status).toBe(421);
    expect((await ask(handler, keyA.publicKey, '/waba-a')).status).toBe(200);
    expect(imports()).toBe(2);
    // A resolver with no key for the request: a 500 saying what the resolver must return.
    expect((await ask(handler, keyA.publicKey, '/unknown')).status).toBe(500);
  });

  it('bad privateKey options say what to pass', () => {
    for (const bad of [undefined, '', 'not a pem', [], [keyA.privateKey, 'x'], 7]) {
      expect(() => createFlowEndpointWith(nodeCrypto, { privateKey: bad as never, onInit })).toThrow(InvalidArgumentError);
    }
    expect(() => createFlowEndpointWith(nodeCrypto, { privateKey: [] as never, onInit })).toThrow(/a list of them during a key rotation, or a function/);
  });
});
