/** HTTP behaviour of createWebhookHandler: verification GET, signatures over the raw bytes, status codes. */
import { describe, expect, it, vi } from 'vitest';
import { createWebhookHandler, InvalidArgumentError } from '../../src/webhooks/index.js';
import { APP_SECRET, completionBody, FLOWS_VALUES, flowsBody, post, recorder, sign } from './helpers.js';

const get = (handler: (r: Request) => Promise<Response>, query: string) => handler(new Request(`https://app.example/webhook?${query}`));

describe('options', () => {
  it('appSecret is required (webhooks must be verified)', () => {
    for (const appSecret of [undefined, '', [], [''], 42]) {
      expect(() => createWebhookHandler({ appSecret } as never), String(appSecret)).toThrow(InvalidArgumentError);
    }
    expect(() => createWebhookHandler({} as never)).toThrow(/appSecret.*App settings > Basic/s);
    expect(() => createWebhookHandler(undefined as never)).toThrow(InvalidArgumentError);
  });

  it('rejects options of the wrong type', () => {
    expect(() => createWebhookHandler({ appSecret: 's', verifyToken: '' })).toThrow(/verifyToken/);
    expect(() => createWebhookHandler({ appSecret: 's', onFlowCompletion: 'x' as never })).toThrow(/onFlowCompletion must be a function/);
    expect(() => createWebhookHandler({ appSecret: 's', maxBodyBytes: 0 })).toThrow(/maxBodyBytes/);
    for (const bad of [{ verifyToken: 7 }, { onMessage: 1 }, { maxBodyBytes: 1.5 }, { dedupe: 'x' }, { dedupe: { maxSize: 0 } }]) {
      expect(() => createWebhookHandler({ appSecret: 's', ...bad } as never), JSON.stringify(bad)).toThrow(InvalidArgumentError);
    }
    expect(() => createWebhookHandler({ appSecret: 's', dedupe: 'x' as never })).toThrow(/dedupe/);
    expect(() => createWebhookHandler({ appSecret: 's', dedupe: { ttlMs: -1 } })).toThrow(InvalidArgumentError);
  });
});

describe('GET verification', () => {
  const handler = createWebhookHandler({ appSecret: APP_SECRET, verifyToken: 'my-verify-token' });

  it('answers hub.challenge as text/plain when the token matches', async () => {
    const res = await get(handler, 'hub.mode=subscribe&hub.verify_token=my-verify-token&hub.challenge=1158201444');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(await res.text()).toBe('1158201444');
  });

  it('403 for a wrong token, a wrong or missing mode, or no token', async () => {
    for (const q of [
      'hub.mode=subscribe&hub.verify_token=wrong&hub.challenge=1',
      'hub.mode=subscribe&hub.verify_token=my-verify-token-longer&hub.challenge=1',
      'hub.mode=unsubscribe&hub.verify_token=my-verify-token&hub.challenge=1',
      'hub.verify_token=my-verify-token&hub.challenge=1',
      'hub.mode=subscribe&hub.challenge=1',
      '',
    ]) {
      const res = await get(handler, q);
      expect(res.status, q).toBe(403);
      expect(await res.text()).toBe('');
    }
  });

  it('400 when the challenge is missing', async () => {
    expect((await get(handler, 'hub.mode=subscribe&hub.verify_token=my-verify-token')).status).toBe(400);
  });

  it('without verifyToken: 403 telling how to configure it', async () => {
    const res = await get(createWebhookHandler({ appSecret: APP_SECRET }), 'hub.mode=subscribe&hub.verify_token=x&hub.challenge=1');
    expect(res.status).toBe(403);
    expect(await res.text()).toMatch(/pass \{ verifyToken \} to createWebhookHandler/);
  });
});

describe('POST signature (X-Hub-Signature-256 over the raw bytes)', () => {
  it('missing or wrong: 401 with an empty body, and no callback', async () => {
    const { received, callbacks } = recorder();
    const handler = createWebhookHandler({ appSecret: APP_SECRET, ...callbacks });
    const body = completionBody();
    const good = sign(body);
    for (const signature of [null, '', 'sha256=', good.slice(0, -1), `${good.slice(0, -1)}0`, sign(body, 'other-secret'), good.replace('sha256=', 'sha1='), `${good}00`]) {
      const res = await post(handler, body, { signature });
      expect(res.status, String(signature)).toBe(401);
      expect(res.text).toBe('');
    }
    expect(received.all).toEqual([]);
    // Upper-case hex is the same signature.
    expect((await post(handler, body, { signature: `sha256=${good.slice(7).toUpperCase()}` })).status).toBe(200);
    expect(received.completions).toHaveLength(1);
  });

  it('a rotated secret: either the new or the old one is accepted', async () => {
    const { received, callbacks } = recorder();
    const handler = createWebhookHandler({ appSecret: ['new-secret', 'old-secret'], ...callbacks });
    expect((await post(handler, flowsBody(FLOWS_VALUES.created), { signature: sign(JSON.stringify(flowsBody(FLOWS_VALUES.created)), 'old-secret') })).status).toBe(200);
    expect((await post(handler, flowsBody(FLOWS_VALUES.published), { signature: sign(JSON.stringify(flowsBody(FLOWS_VALUES.published)), 'new-secret') })).status).toBe(200);
    expect((await post(handler, flowsBody(FLOWS_VALUES.latency), { signature: sign(JSON.stringify(flowsBody(FLOWS_VALUES.latency)), APP_SECRET) })).status).toBe(401);
    expect(received.statusChanges.map((e) => e.newStatus)).toEqual(['DRAFT', 'PUBLISHED']);
  });

  it('is checked on the bytes as sent: unusual whitespace, escapes and key order', async () => {
    const { received, callbacks } = recorder();
    const handler = createWebhookHandler({ appSecret: APP_SECRET, ...callbacks });
    const body =
      '{ "entry" :[\r\n\t{"changes":[ {"value": {"event":"FLOW_STATUS_CHANGE","message":"Flow caf\\u00e9 \u2014 has been created with DRAFT status" ,' +
      '"flow_id":"77", "new_status":"DRAFT"},"field":"flows"}] ,"time":1714510003,"id":"9"}\n ],\n"object":"whatsapp_business_account"  }\n\n';
    const bytes = new TextEncoder().encode(body);
    // Signed over the exact bytes: accepted.
    expect((await post(handler, bytes, { signature: sign(bytes) })).status).toBe(200);
    expect(received.statusChanges[0]).toMatchObject({ flowId: '77', wabaId: '9', message: 'Flow café — has been created with DRAFT status' });
    // Signed over the same JSON re-serialised: rejected.
    const reserialised = JSON.stringify(JSON.parse(body));
    expect((await post(handler, bytes, { signature: sign(reserialised) })).status).toBe(401);
  });
});

describe('POST status codes', () => {
  const handler = createWebhookHandler({ appSecret: APP_SECRET, onMessage: () => {} });

  it('200 with an empty body on success', async () => {
    const res = await post(handler, flowsBody(FLOWS_VALUES.created));
    expect(res.status).toBe(200);
    expect(res.text).toBe('');
  });

  it('400 for a signed body that is not JSON, not UTF-8, or not a WABA envelope', async () => {
    for (const body of ['not json', '', '{"object":"whatsapp_business_account","entry":', new Uint8Array([0x7b, 0xff, 0xfe, 0x7d])]) {
      const res = await post(handler, body);
      expect(res.status, String(body)).toBe(400);
      expect(res.text).toBe('The body is not JSON.');
    }
    for (const body of [{ object: 'page', entry: [] }, { object: 'whatsapp_business_account', entry: {} }, [1], 'null']) {
      const res = await post(handler, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.text).toMatch(/whatsapp_business_account|entry/);
    }
  });

  it('413 past maxBodyBytes (default 4 MiB), before the signature is checked', async () => {
    const onMessage = vi.fn();
    const small = createWebhookHandler({ appSecret: APP_SECRET, maxBodyBytes: 100, onMessage });
    const body = JSON.stringify(flowsBody({ ...FLOWS_VALUES.created, message: 'x'.repeat(200) }));
    expect((await post(small, body)).status).toBe(413);
    expect((await post(small, body, { signature: null })).status).toBe(413);
    // A declared Content-Length past the limit is refused without reading.
    expect((await post(small, '{}', { headers: { 'content-length': '1000' } })).status).toBe(413);

    const big = JSON.stringify(flowsBody({ ...FLOWS_VALUES.created, message: 'x'.repeat(4 * 1024 * 1024) }));
    const fits = JSON.stringify(flowsBody({ ...FLOWS_VALUES.created, message: 'x'.repeat(3 * 1024 * 1024) }));
    const defaults = createWebhookHandler({ appSecret: APP_SECRET, onMessage, onFlowStatusChange: onMessage });
    expect((await post(defaults, big)).status).toBe(413);
    expect((await post(defaults, fits)).status).toBe(200);
    expect(onMessage).toHaveBeenCalledTimes(1);
  });

  it('405 for other methods, with Allow', async () => {
    for (const method of ['PUT', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS']) {
      const res = await handler(new Request('https://app.example/webhook', { method }));
      expect(res.status, method).toBe(405);
      expect(res.headers.get('allow')).toBe('GET, POST');
    }
  });

  it('a body stream that fails: 500, reported as a request error', async () => {
    const errors: unknown[] = [];
    const failing = createWebhookHandler({ appSecret: APP_SECRET, onError: (_e, context) => void errors.push(context) });
    const stream = new ReadableStream({ pull: (c) => c.error(new Error('connection reset')) });
    const res = await failing(new Request('https://app.example/webhook', { method: 'POST', body: stream, duplex: 'half' } as RequestInit));
    expect(res.status).toBe(500);
    expect(errors).toEqual([{ phase: 'request' }]);
  });
});
