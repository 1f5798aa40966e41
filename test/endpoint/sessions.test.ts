/** `req.session` (option `flowSessions`): read before the handler, saved after it when it changed, per flow token. */
import { describe, expect, it } from 'vitest';
import { nodeCrypto } from '../../src/endpoint/crypto/node.js';
import { createFlowEndpointWith, memoryFlowSessions, type FlowHandler, type FlowSessionStore } from '../../src/endpoint/shared-exports.js';
import { keys, openResponse, post, sealRequest } from './whatsapp-side.js';

/** A memory store that records what the endpoint asks of it. */
function recording(): { store: FlowSessionStore; calls: string[] } {
  const inner = memoryFlowSessions();
  const calls: string[] = [];
  return {
    calls,
    store: {
      get: (key) => (calls.push(`get ${key}`), inner.get(key)),
      set: (key, session) => (calls.push(`set ${JSON.stringify(session)}`), inner.set(key, session)),
      delete: (key) => (calls.push(`delete ${key}`), inner.delete(key)),
    },
  };
}

async function ask(handler: (r: Request) => Promise<Response>, flowToken: string, screen: string, data: Record<string, unknown> = {}) {
  const sealed = sealRequest({ version: '3.0', action: 'data_exchange', screen, data, flow_token: flowToken });
  const res = await handler(post(sealed.body));
  const text = await res.text();
  return { status: res.status, body: res.status === 200 ? openResponse(text, sealed) : text };
}

describe('the endpoint option flowSessions', () => {
  it('each flow token has its own session, carried from screen to screen, keyed by a hash of the token', async () => {
    const { store, calls } = recording();
    const onRequest: FlowHandler = (req) => {
      const session = req.session!;
      session.visits = Number(session.visits ?? 0) + 1;
      if (req.screen === 'NAME') session.name = req.data.name;
      return { screen: 'NEXT', data: { visits: session.visits, name: session.name ?? null } };
    };
    // Two endpoints on one store: two instances behind a load balancer.
    const a = createFlowEndpointWith(nodeCrypto, { privateKey: keys.privateKey, flowSessions: store, onRequest });
    const b = createFlowEndpointWith(nodeCrypto, { privateKey: keys.privateKey, flowSessions: store, onRequest });
    expect((await ask(a, 'token-A', 'NAME', { name: 'Ana' })).body).toEqual({ screen: 'NEXT', data: { visits: 1, name: 'Ana' } });
    expect((await ask(b, 'token-A', 'OTHER')).body).toEqual({ screen: 'NEXT', data: { visits: 2, name: 'Ana' } });
    expect((await ask(b, 'token-B', 'OTHER')).body).toEqual({ screen: 'NEXT', data: { visits: 1, name: null } });
    expect(calls.filter((c) => c.startsWith('get')).every((c) => /^get s:[0-9a-f]{64}$/.test(c))).toBe(true);
    expect(calls.join('\n')).not.toContain('token-A');
  });

  it('an unchanged session is not written again; a failed handler writes nothing', async () => {
    const { store, calls } = recording();
    let fail = false;
    const handler = createFlowEndpointWith(nodeCrypto, {
      privateKey: keys.privateKey,
      flowSessions: store,
      onError: () => undefined,
      onRequest: (req) => {
        if (req.screen === 'WRITE') req.session!.step = 'written';
        if (fail) throw new Error('database busy');
        return { screen: 'NEXT', data: {} };
      },
    });
    await ask(handler, 't', 'WRITE');
    await ask(handler, 't', 'READ');
    fail = true;
    expect((await ask(handler, 't2', 'WRITE')).status).toBe(500);
    expect(calls.filter((c) => c.startsWith('set'))).toEqual(['set {"step":"written"}']);
  });

  it('a session replaced by something that is not an object, or too large, is a 500 reported to onError', async () => {
    const errors: string[] = [];
    const handler = createFlowEndpointWith(nodeCrypto, {
      privateKey: keys.privateKey,
      flowSessions: memoryFlowSessions(),
      onError: (error) => void errors.push((error as Error).message),
      onRequest: (req) => {
        if (req.screen === 'ARRAY') req.session = [] as never;
        else req.session!.blob = 'x'.repeat(70 * 1024);
        return { screen: 'NEXT', data: {} };
      },
    });
    expect((await ask(handler, 't', 'ARRAY')).status).toBe(500);
    expect((await ask(handler, 't', 'BIG')).status).toBe(500);
    expect(errors[0]).toMatch(/req.session must stay a JSON object/);
    expect(errors[1]).toMatch(/at most 65536 are kept/);
  });

  it('memoryFlowSessions: a session expires ttlMs after its last write', () => {
    let now = 0;
    const store = memoryFlowSessions({ ttlMs: 100, now: () => now });
    store.set('k', { a: 1 });
    now = 99;
    expect(store.get('k')).toEqual({ a: 1 });
    now = 100;
    expect(store.get('k')).toBeUndefined();
    expect(() => createFlowEndpointWith(nodeCrypto, { privateKey: keys.privateKey, flowSessions: {} as never, onRequest: () => ({ screen: 'A', data: {} }) })).toThrow(/flowSessions must be a session store/);
  });
});
