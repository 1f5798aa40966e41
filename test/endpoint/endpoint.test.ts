import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { nodeCrypto } from '../../src/endpoint/crypto/node.js';
import { webCrypto } from '../../src/endpoint/crypto/web.js';
import {
  closeFlow,
  createFlowEndpointWith,
  encryptResponse,
  EndpointError,
  FlowTokenInvalidError,
  InvalidArgumentError,
  WhatsAppError,
  type FlowEndpointOptions,
} from '../../src/endpoint/shared-exports.js';
import { hs256, hubSignature, keys, openResponse, post, sealRequest } from './whatsapp-side.js';

const b64 = (hex: string) => Buffer.from(hex, 'hex');
const VECTOR = {
  key: Buffer.from('AAECAwQFBgcICQoLDA0ODw==', 'base64'),
  iv: Buffer.from('EBESExQVFhcYGRobHB0eHw==', 'base64'),
  request: '{"version":"3.0","action":"ping"}',
  encryptedRequest: 'vryB0w/BTee4OvmgkgEf9dnfQfwZb8iWi7yl5iotFMJeuQl749lOptdzv/L1T2V2PA==',
  response: '{"data":{"status":"active"}}',
  encryptedResponse: 'IHgL0mWXHJ6FDPLH6+aygF5BfT+mPzwvzktiKvlmYpg8eFKqJX/07YVStaI=',
};
void b64;

describe.each([
  ['Web Crypto', webCrypto],
  ['node:crypto', nodeCrypto],
])('flow endpoint on %s', (_name, crypto) => {
  const endpoint = (options: Partial<FlowEndpointOptions>) => createFlowEndpointWith(crypto, { privateKey: keys.privateKey, onRequest: () => ({ screen: 'X', data: {} }), ...options });

  it("matches Appendix A's AES-GCM vectors", async () => {
    const plain = await crypto.aesGcmDecrypt(VECTOR.key, VECTOR.iv, Buffer.from(VECTOR.encryptedRequest, 'base64'));
    expect(new TextDecoder().decode(plain)).toBe(VECTOR.request);
    const sealed = await crypto.aesGcmEncrypt(VECTOR.key, VECTOR.iv, new TextEncoder().encode(VECTOR.request));
    expect(Buffer.from(sealed).toString('base64')).toBe(VECTOR.encryptedRequest);
    expect(await encryptResponse(crypto, { aesKey: VECTOR.key, iv: VECTOR.iv }, { data: { status: 'active' } })).toBe(VECTOR.encryptedResponse);
  });

  it('answers the health check with the encrypted {"data":{"status":"active"}}', async () => {
    const sealed = sealRequest({ version: '3.0', action: 'ping' });
    const res = await endpoint({})(post(sealed.body));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/plain');
    expect(openResponse(await res.text(), sealed)).toEqual({ data: { status: 'active' } });
  });

  it('routes INIT, data_exchange per screen, BACK and the catch-all', async () => {
    const seen: string[] = [];
    const handler = endpoint({
      onInit: (r) => (seen.push(`init:${r.flow_token}`), { screen: 'START', data: { greeting: 'Hi' } }),
      onBack: (r) => (seen.push(`back:${r.screen}`), { screen: 'START', data: {} }),
      screens: { START: (r) => (seen.push(`start:${JSON.stringify(r.data)}`), { screen: 'DONE', data: { ok: true } }) },
      onRequest: (r) => (seen.push(`any:${r.action}:${r.screen}`), closeFlow(r.flow_token!, { order: 7 })),
    });
    const call = async (payload: object) => {
      const sealed = sealRequest(payload);
      const res = await handler(post(sealed.body));
      expect(res.status).toBe(200);
      return openResponse(await res.text(), sealed);
    };
    expect(await call({ version: '3.0', action: 'INIT', flow_token: 'tok' })).toEqual({ screen: 'START', data: { greeting: 'Hi' } });
    expect(await call({ version: '3.0', action: 'data_exchange', screen: 'START', data: { a: 1 }, flow_token: 'tok' })).toEqual({ screen: 'DONE', data: { ok: true } });
    expect(await call({ version: '3.0', action: 'BACK', screen: 'DONE', flow_token: 'tok' })).toEqual({ screen: 'START', data: {} });
    expect(await call({ version: '3.0', action: 'data_exchange', screen: 'DONE', data: {}, flow_token: 'tok' })).toEqual({
      screen: 'SUCCESS',
      data: { extension_message_response: { params: { flow_token: 'tok', order: 7 } } },
    });
    expect(seen).toEqual(['init:tok', 'start:{"a":1}', 'back:DONE', 'any:data_exchange:DONE']);
  });

  it('acknowledges error notifications (encrypted) and reports them', async () => {
    const onErrorNotification = vi.fn();
    const handler = endpoint({ onErrorNotification });
    for (const data of [{ error: 'invalid-screen-transition', error_message: 'bad' }, { error_key: 'payload-schema-error' }]) {
      const sealed = sealRequest({ version: '3.0', action: 'data_exchange', screen: 'A', flow_token: 't', data });
      const res = await handler(post(sealed.body));
      expect(res.status).toBe(200);
      expect(openResponse(await res.text(), sealed)).toEqual({ data: { acknowledged: true } });
    }
    expect(onErrorNotification.mock.calls.map((c) => c[0].error)).toEqual(['invalid-screen-transition', 'payload-schema-error']);
    expect(onErrorNotification.mock.calls[0]![0]).toMatchObject({ screen: 'A', flow_token: 't', error_message: 'bad' });
  });

  it('answers 421 when the payload cannot be decrypted', async () => {
    const other = generateKeyPairSync('rsa', { modulusLength: 2048, publicKeyEncoding: { type: 'spki', format: 'pem' }, privateKeyEncoding: { type: 'pkcs8', format: 'pem' } });
    const handler = endpoint({});
    expect((await handler(post(sealRequest({ action: 'ping' }, other.publicKey).body))).status).toBe(421);
    const sealed = JSON.parse(sealRequest({ action: 'ping' }).body);
    const data = Buffer.from(sealed.encrypted_flow_data, 'base64');
    data[0]! ^= 1;
    expect((await handler(post(JSON.stringify({ ...sealed, encrypted_flow_data: data.toString('base64') })))).status).toBe(421);
    expect((await handler(post(JSON.stringify({ ...sealed, initial_vector: Buffer.alloc(12).toString('base64') })))).status).toBe(421);
  });

  it('requires a valid X-Hub-Signature-256 when an app secret is set (432 otherwise), accepting rotated secrets', async () => {
    const handler = endpoint({ appSecret: ['new-secret', 'old-secret'] });
    const sealed = sealRequest({ version: '3.0', action: 'ping' });
    expect((await handler(post(sealed.body))).status).toBe(432);
    expect((await handler(post(sealed.body, { 'x-hub-signature-256': hubSignature(sealed.body, 'wrong') }))).status).toBe(432);
    expect((await handler(post(sealed.body, { 'x-hub-signature-256': 'sha256=zz' }))).status).toBe(432);
    expect((await handler(post(sealed.body, { 'x-hub-signature-256': hubSignature(sealed.body, 'old-secret') }))).status).toBe(200);
    expect((await handler(post(sealed.body, { 'x-hub-signature-256': hubSignature(sealed.body, 'new-secret') }))).status).toBe(200);
  });

  it('verifies flow_token_signature with the app secret', async () => {
    const seen: boolean[] = [];
    const handler = endpoint({ appSecret: 's3cret', onRequest: (r) => (seen.push(r.flowTokenSignatureVerified), { screen: 'A', data: {} }) });
    for (const jwt of [
      hs256({ flow_token: 'tok' }, 's3cret'),
      hs256({ flow_token: 'tok' }, 'other'),
      hs256({ flow_token: 'other' }, 's3cret'),
      hs256({ token: 'tok' }, 's3cret'), // signed, but not over this request's token
      'not.a.jwt',
      'bnVsbA.e30.eA', // header `null`
    ]) {
      const sealed = sealRequest({ version: '4.0', action: 'INIT', flow_token: 'tok', flow_token_signature: jwt });
      expect((await handler(post(sealed.body, { 'x-hub-signature-256': hubSignature(sealed.body, 's3cret') }))).status).toBe(200);
    }
    expect(seen).toEqual([true, false, false, false, false, false]);
  });

  it('answers 427 with the message for FlowTokenInvalidError: encrypted by default (§6.6), plain JSON when asked', async () => {
    const throwing = { onRequest: () => { throw new FlowTokenInvalidError('Already booked'); } };
    const sealed = sealRequest({ version: '3.0', action: 'INIT', flow_token: 't' });
    for (const tokenErrorBody of [undefined, 'encrypted'] as const) {
      const enc = await endpoint({ ...throwing, ...(tokenErrorBody ? { tokenErrorBody } : {}) })(post(sealed.body));
      expect(enc.status).toBe(427);
      expect(enc.headers.get('content-type')).toBe('text/plain');
      expect(openResponse(await enc.text(), sealed)).toEqual({ error_msg: 'Already booked' });
    }
    const res = await endpoint({ ...throwing, tokenErrorBody: 'plain' })(post(sealed.body));
    expect(res.status).toBe(427);
    expect(res.headers.get('content-type')).toBe('application/json');
    expect(await res.json()).toEqual({ error_msg: 'Already booked' });
  });

  it('FlowTokenInvalidError is an EndpointError (427); on its own it renders plain JSON, in the endpoint encrypted', async () => {
    const error = new FlowTokenInvalidError('Expired');
    expect(error).toBeInstanceOf(EndpointError);
    expect(error).toBeInstanceOf(WhatsAppError);
    expect(error.name).toBe('FlowTokenInvalidError');
    expect(error.status).toBe(427);
    const res = error.toResponse();
    expect(res.status).toBe(427);
    expect(res.headers.get('content-type')).toBe('application/json');
    expect(await res.json()).toEqual({ error_msg: 'Expired' });
    // The default message, thrown from an async handler on a specific screen: still 427, not 500.
    const onError = vi.fn();
    const handler = endpoint({ onError, screens: { S: async () => { throw new FlowTokenInvalidError(); } } });
    const sealed = sealRequest({ version: '3.0', action: 'data_exchange', screen: 'S', flow_token: 't', data: {} });
    const answer = await handler(post(sealed.body));
    expect(answer.status).toBe(427);
    expect(openResponse(await answer.text(), sealed)).toEqual({ error_msg: 'This form has expired. Please request a new one.' });
    expect(onError).not.toHaveBeenCalled();
  });

  it('rejects bad input with 400/405/413 and never leaks a handler error', async () => {
    const onError = vi.fn();
    const handler = endpoint({ onError, onRequest: () => { throw new Error('db password is hunter2'); }, maxBodyBytes: 10_000 });
    expect((await handler(new Request('https://x/', { method: 'GET' }))).status).toBe(405);
    expect((await handler(post('not json'))).status).toBe(400);
    expect((await handler(post('{"encrypted_flow_data":"x"}'))).status).toBe(400);
    expect((await handler(post(JSON.stringify({ encrypted_flow_data: '!!', encrypted_aes_key: '!!', initial_vector: '!!' })))).status).toBe(400);
    expect((await handler(post('x'.repeat(20_000)))).status).toBe(413);
    const res = await handler(post(sealRequest({ version: '3.0', action: 'INIT' }).body));
    expect(res.status).toBe(500);
    expect(await res.text()).toBe('');
    expect(onError).toHaveBeenCalledTimes(1);
    expect((onError.mock.calls[0]![0] as Error).message).toContain('hunter2');
  });

  it('treats a form field named error as data, not as an error notification', async () => {
    const seen: unknown[] = [];
    const handler = endpoint({ onRequest: (r) => (seen.push(r.data), { screen: 'NEXT', data: {} }) });
    const sealed = sealRequest({ version: '3.0', action: 'data_exchange', screen: 'A', flow_token: 't', data: { error: 'none', name: 'Ana' } });
    const res = await handler(post(sealed.body));
    expect(openResponse(await res.text(), sealed)).toEqual({ screen: 'NEXT', data: {} });
    expect(seen).toEqual([{ error: 'none', name: 'Ana' }]);
  });

  it('holds callbacks to the deadline too', async () => {
    const onError = vi.fn();
    const handler = endpoint({ deadlineMs: 50, onError, onErrorNotification: () => new Promise(() => {}) });
    const sealed = sealRequest({ version: '3.0', action: 'data_exchange', screen: 'A', data: { error: 'payload-schema-error' } });
    expect((await handler(post(sealed.body))).status).toBe(504);
  });

  it('ignores an empty passphrase for a plain key', async () => {
    const sealed = sealRequest({ version: '3.0', action: 'ping' });
    expect((await endpoint({ passphrase: '' })(post(sealed.body))).status).toBe(200);
  });

  it('answers 504 when a handler runs past the deadline', async () => {
    const onError = vi.fn();
    const handler = endpoint({ deadlineMs: 50, onError, onRequest: () => new Promise(() => {}) });
    const res = await handler(post(sealRequest({ version: '3.0', action: 'INIT' }).body));
    expect(res.status).toBe(504);
    expect(onError).toHaveBeenCalledTimes(1);
  });

  it('refuses to build without a key or a handler', () => {
    expect(() => createFlowEndpointWith(crypto, { privateKey: '', onRequest: () => ({ screen: 'A', data: {} }) })).toThrow(/privateKey/);
    expect(() => createFlowEndpointWith(crypto, { privateKey: keys.privateKey })).toThrow(/at least one handler/);
  });

  it('bad options throw InvalidArgumentError saying what to fix', () => {
    const ok = { privateKey: keys.privateKey, onRequest: () => ({ screen: 'A', data: {} }) };
    const cases: Array<[Record<string, unknown> | undefined, RegExp]> = [
      [undefined, /needs options/],
      [{ ...ok, privateKey: 'not a pem' }, /PRIVATE KEY/],
      [{ privateKey: keys.privateKey }, /at least one handler/],
      [{ ...ok, onInit: 'x' }, /onInit must be a function/],
      [{ ...ok, screens: { A: 1 } }, /screens\.A must be a function/],
      [{ ...ok, appSecret: '' }, /appSecret must be a non-empty string/],
      [{ ...ok, appSecret: [] }, /appSecret/],
      [{ ...ok, maxBodyBytes: -1 }, /maxBodyBytes must be a positive whole number/],
      [{ ...ok, deadlineMs: 0 }, /deadlineMs must be a positive number/],
      [{ ...ok, tokenErrorBody: 'json' }, /tokenErrorBody must be 'plain' or 'encrypted'/],
      [{ ...ok, passphrase: 42 }, /passphrase must be a string/],
    ];
    for (const [options, message] of cases) {
      const build = () => createFlowEndpointWith(crypto, options as never);
      expect(build, JSON.stringify(options)).toThrow(InvalidArgumentError);
      expect(build, JSON.stringify(options)).toThrow(message);
    }
    expect(() => closeFlow('')).toThrow(InvalidArgumentError);
  });
});
