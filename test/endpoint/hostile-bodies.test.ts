/**
 * Issue 10 fuzz additions for the data endpoint: nesting depth and huge key counts, in the envelope and in the
 * decrypted request. Whatever the shape: an exact 4xx or the handler's answer, never a 500 and never a crash.
 */
import { describe, expect, it } from 'vitest';
import { nodeCrypto } from '../../src/endpoint/crypto/node.js';
import { webCrypto } from '../../src/endpoint/crypto/web.js';
import { createFlowEndpointWith } from '../../src/endpoint/shared-exports.js';
import { keys, openResponse, post, RawJson, sealRequest } from './whatsapp-side.js';

const deep = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;

describe.each([
  ['Web Crypto', webCrypto],
  ['node:crypto', nodeCrypto],
])('hostile bodies, %s', (_name, crypto) => {
  const errors: unknown[] = [];
  const endpoint = createFlowEndpointWith(crypto, {
    privateKey: keys.privateKey,
    onRequest: (r) => ({ screen: 'OK', data: { keys: Object.keys(r.data).length } }),
    onError: (error) => errors.push(error),
  });

  it('an envelope nested 100 000 deep is a 400', async () => {
    const res = await endpoint(post(`{"encrypted_flow_data":${'['.repeat(100_000)}${']'.repeat(100_000)}}`));
    expect(res.status).toBe(400);
  });

  it('a decrypted request nested 100 000 deep reaches the handler (200), not a 500', async () => {
    const sealed = sealRequest(new RawJson(`{"version":"3.0","action":"data_exchange","screen":"A","flow_token":"t","data":{"deep":${deep(100_000)}}}`));
    const res = await endpoint(post(sealed.body));
    expect(res.status).toBe(200);
    expect(openResponse(await res.text(), sealed)).toEqual({ screen: 'OK', data: { keys: 1 } });
  });

  it('a decrypted request with 100 000 data keys is handled', async () => {
    const data = Object.fromEntries(Array.from({ length: 100_000 }, (_, i) => [`k${i}`, i]));
    const sealed = sealRequest({ version: '3.0', action: 'data_exchange', screen: 'A', flow_token: 't', data });
    const res = await endpoint(post(sealed.body));
    expect(res.status).toBe(200);
    expect(openResponse(await res.text(), sealed)).toEqual({ screen: 'OK', data: { keys: 100_000 } });
    expect(errors).toEqual([]);
  });
});
