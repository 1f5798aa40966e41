import { describe, expect, it } from 'vitest';
import { nodeCrypto } from '../../src/endpoint/crypto/node.js';
import { webCrypto } from '../../src/endpoint/crypto/web.js';
import { createFlowEndpointWith, EndpointError, FlowTokenInvalidError, type FlowEndpointOptions } from '../../src/endpoint/shared-exports.js';
import { keys, openResponse, post, sealRequest } from './whatsapp-side.js';

/**
 * The 427 as WhatsApp's client reads it (flows-platform §6.6): a non-empty body is decrypted with the request's
 * AES key and the flipped IV. Every body here is opened by whatsapp-side.ts (node:crypto, written from §3.3),
 * not by the SDK.
 */
describe.each([
  ['Web Crypto', webCrypto],
  ['node:crypto', nodeCrypto],
])('427 answers on %s', (_name, crypto) => {
  const endpoint = (options: Partial<FlowEndpointOptions>) => createFlowEndpointWith(crypto, { privateKey: keys.privateKey, onRequest: () => ({ screen: 'X', data: {} }), ...options });
  const exchange = { version: '3.0', action: 'data_exchange', screen: 'S', flow_token: 'secret-token-1', data: { a: 1 } };

  it('the body is not plain JSON but base64 of {"error_msg"} under the request key and the flipped IV', async () => {
    const sealed = sealRequest(exchange);
    const res = await endpoint({ onRequest: () => { throw new FlowTokenInvalidError('Your order was already placed'); } })(post(sealed.body));
    const text = await res.text();
    expect(res.status).toBe(427);
    expect(() => JSON.parse(text)).toThrow();
    expect(text).toMatch(/^[A-Za-z0-9+/]+=*$/);
    expect(openResponse(text, sealed)).toEqual({ error_msg: 'Your order was already placed' });
    // Another request's key does not open it: it is bound to this exchange.
    expect(() => openResponse(text, sealRequest(exchange))).toThrow();
  });

  it('a FlowTokenInvalidError from checkResponse or onErrorNotification takes the same path', async () => {
    const fromCheck = sealRequest(exchange);
    const checked = await endpoint({ checkResponse: () => { throw new FlowTokenInvalidError('Checked out'); } })(post(fromCheck.body));
    expect(checked.status).toBe(427);
    expect(openResponse(await checked.text(), fromCheck)).toEqual({ error_msg: 'Checked out' });

    const notice = sealRequest({ version: '3.0', action: 'data_exchange', flow_token: 't', data: { error: 'payload-schema-error' } });
    const notified = await endpoint({ onErrorNotification: () => { throw new FlowTokenInvalidError('Gone'); } })(post(notice.body));
    expect(notified.status).toBe(427);
    expect(openResponse(await notified.text(), notice)).toEqual({ error_msg: 'Gone' });
  });

  it('an EndpointError(427) with a JSON body is encrypted too; without one the 427 is empty (the generic error)', async () => {
    const sealed = sealRequest(exchange);
    const withBody = await endpoint({ onRequest: () => { throw new EndpointError(427, 'token used', { body: '{"error_msg":"Used"}', contentType: 'application/json' }); } })(post(sealed.body));
    expect(withBody.status).toBe(427);
    expect(openResponse(await withBody.text(), sealed)).toEqual({ error_msg: 'Used' });

    for (const error of [new EndpointError(427, 'token used'), new EndpointError(427, 'token used', { body: 'not json' })]) {
      const empty = await endpoint({ onRequest: () => { throw error; } })(post(sealed.body));
      expect(empty.status).toBe(427);
      expect(await empty.text()).toBe('');
    }
  });

  it("'plain' keeps the plain JSON body; any other value is refused", async () => {
    const sealed = sealRequest(exchange);
    const res = await endpoint({ tokenErrorBody: 'plain', onRequest: () => { throw new FlowTokenInvalidError('Expired'); } })(post(sealed.body));
    expect([res.status, res.headers.get('content-type'), await res.json()]).toEqual([427, 'application/json', { error_msg: 'Expired' }]);
    expect(() => endpoint({ tokenErrorBody: 'json' as never })).toThrow(/tokenErrorBody must be 'plain' or 'encrypted'/);
  });

  it('the 427 body never carries the flow token or the request data', async () => {
    const sealed = sealRequest(exchange);
    const res = await endpoint({ onRequest: () => { throw new FlowTokenInvalidError(); } })(post(sealed.body));
    const opened = JSON.stringify(openResponse(await res.text(), sealed));
    expect(opened).not.toContain('secret-token-1');
    expect(opened).toBe('{"error_msg":"This form has expired. Please request a new one."}');
  });
});
