/**
 * Issue 10 #9: screen ids that are Object.prototype keys (`constructor`, `__proto__`, `toString`, `valueOf`,
 * `hasOwnProperty`) are screens like any other: the catch-all serves them, or a clear 400; never a 500 and never
 * an inherited method answering with the decrypted request.
 */
import { describe, expect, it } from 'vitest';
import { nodeCrypto } from '../../src/endpoint/crypto/node.js';
import { webCrypto } from '../../src/endpoint/crypto/web.js';
import { createFlowEndpointWith, EndpointError, type FlowHandler } from '../../src/endpoint/shared-exports.js';
import { keys, openResponse, post, sealRequest } from './whatsapp-side.js';

const NAMES = ['constructor', '__proto__', 'toString', 'valueOf', 'hasOwnProperty', '__defineGetter__'];
const request = (screen: string) => sealRequest({ version: '3.0', action: 'data_exchange', screen, flow_token: 'secret-flow-token', data: { pin: '1234' } });

describe.each([
  ['Web Crypto', webCrypto],
  ['node:crypto', nodeCrypto],
])('screen ids that are object keys, %s', (_name, crypto) => {
  for (const screen of NAMES) {
    it(`${screen}: served by the catch-all`, async () => {
      const seen: string[] = [];
      const endpoint = createFlowEndpointWith(crypto, {
        privateKey: keys.privateKey,
        screens: { START: () => ({ screen: 'WRONG', data: {} }) },
        onRequest: (r) => (seen.push(r.screen!), { screen: 'CAUGHT', data: {} }),
      });
      const sealed = request(screen);
      const res = await endpoint(post(sealed.body));
      expect(res.status).toBe(200);
      expect(openResponse(await res.text(), sealed)).toEqual({ screen: 'CAUGHT', data: {} });
      expect(seen).toEqual([screen]);
    });

    it(`${screen}: without a catch-all, a 400 with nothing of the request`, async () => {
      const errors: unknown[] = [];
      const endpoint = createFlowEndpointWith(crypto, {
        privateKey: keys.privateKey,
        screens: { START: () => ({ screen: 'WRONG', data: {} }) },
        onError: (error) => errors.push(error),
      });
      const res = await endpoint(post(request(screen).body));
      expect(res.status).toBe(400);
      const text = await res.text();
      expect(text).not.toContain('1234');
      expect(text).not.toContain('secret-flow-token');
      expect(errors).toHaveLength(1);
      expect(errors[0]).toBeInstanceOf(EndpointError);
      expect((errors[0] as Error).message).toMatch(/No handler for action data_exchange/);
    });
  }

  it('a screen really named constructor, declared as an own entry, gets its handler', async () => {
    const screens: Record<string, FlowHandler> = {};
    Object.defineProperty(screens, 'constructor', { value: () => ({ screen: 'OWN', data: {} }), enumerable: true });
    const endpoint = createFlowEndpointWith(crypto, { privateKey: keys.privateKey, screens });
    const sealed = request('constructor');
    const res = await endpoint(post(sealed.body));
    expect(openResponse(await res.text(), sealed)).toEqual({ screen: 'OWN', data: {} });
  });
});
