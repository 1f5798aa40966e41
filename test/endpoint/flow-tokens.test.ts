/**
 * Flow tokens (issue 16): issued and read on their own, then at the endpoint (option `flowTokens`): a missing,
 * forged, expired or used-up token is answered 427 with the chosen message, encrypted as the client reads it
 * (flows-platform §3.6, §6.6); a valid one reaches the handler with its claims.
 */
import { describe, expect, it } from 'vitest';
import { nodeCrypto } from '../../src/endpoint/crypto/node.js';
import { createFlowEndpointWith, issueFlowToken, memoryFlowTokens, readFlowToken, type FlowEndpointOptions, type FlowRequest } from '../../src/endpoint/shared-exports.js';
import { InvalidArgumentError } from '../../src/core/base-errors.js';
import { keys, openResponse, post, sealRequest } from './whatsapp-side.js';

const SECRET = 'flow-token-secret-0123456789abcdef';
const OLD_SECRET = 'flow-token-secret-previous-fedcba98765';
const DAY = 24 * 60 * 60 * 1000;

describe('issueFlowToken / readFlowToken', () => {
  it('a token reads back its claims; each token is different (random nonce)', async () => {
    const token = await issueFlowToken({ secret: SECRET, subject: 'order-42', flow: 'booking', ttlMs: DAY, once: true, now: () => 1_000 });
    expect(token).toMatch(/^ft1\.[\w-]+\.[\w-]+$/);
    const read = await readFlowToken(token, [SECRET], 2_000);
    expect(read).toEqual({ ok: true, claims: { subject: 'order-42', flow: 'booking', issuedAt: 1_000, expiresAt: 1_000 + DAY, once: true, id: expect.stringMatching(/^[\w-]{22}$/) } });
    expect(await issueFlowToken({ secret: SECRET, subject: 'order-42' })).not.toBe(await issueFlowToken({ secret: SECRET, subject: 'order-42' }));
  });

  it('default lifetime 3 days (flows-platform §4.1); expired at expiresAt', async () => {
    const token = await issueFlowToken({ secret: SECRET, subject: 's', now: () => 0 });
    expect(await readFlowToken(token, [SECRET], 3 * DAY - 1)).toMatchObject({ ok: true });
    expect(await readFlowToken(token, [SECRET], 3 * DAY)).toEqual({ ok: false, reason: 'expired' });
  });

  it('forged: another secret, a changed payload, a changed signature, garbage', async () => {
    const token = await issueFlowToken({ secret: SECRET, subject: 'user-1' });
    expect(await readFlowToken(token, ['another-secret-0123456789abcdefghij'], Date.now())).toEqual({ ok: false, reason: 'forged' });
    const [prefix, payload, signature] = token.split('.');
    const changed = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload!, 'base64url').toString()), s: 'user-2' })).toString('base64url');
    expect(await readFlowToken(`${prefix}.${changed}.${signature}`, [SECRET], Date.now())).toEqual({ ok: false, reason: 'forged' });
    expect(await readFlowToken(`${prefix}.${payload}.${signature!.slice(0, -2)}AA`, [SECRET], Date.now())).toEqual({ ok: false, reason: 'forged' });
    for (const bad of ['', 'unused', 'ft1.', 'ft1..', 'ft1.e30.', `ft1.!!.${signature}`, `ft1.${payload}.+/`]) {
      expect(await readFlowToken(bad, [SECRET], Date.now())).toEqual({ ok: false, reason: 'forged' });
    }
  });

  it('rotation: tokens signed with the old secret verify while both are listed', async () => {
    const old = await issueFlowToken({ secret: OLD_SECRET, subject: 's' });
    const fresh = await issueFlowToken({ secret: [SECRET, OLD_SECRET], subject: 's' });
    expect(await readFlowToken(old, [SECRET, OLD_SECRET], Date.now())).toMatchObject({ ok: true });
    expect(await readFlowToken(fresh, [SECRET], Date.now())).toMatchObject({ ok: true });
    expect(await readFlowToken(old, [SECRET], Date.now())).toEqual({ ok: false, reason: 'forged' });
  });

  it('bad options say what to pass', async () => {
    await expect(issueFlowToken({ secret: 'short', subject: 's' })).rejects.toThrow(/at least 32 characters/);
    await expect(issueFlowToken({ secret: SECRET, subject: '' })).rejects.toThrow(InvalidArgumentError);
    await expect(issueFlowToken({ secret: SECRET, subject: 's', ttlMs: 0 })).rejects.toThrow(/ttlMs must be a positive/);
    expect(() => endpoint({ flowTokens: { secret: 'short' } })).toThrow(/flowTokens needs a secret/);
    expect(() => endpoint({ flowTokens: { secret: SECRET, store: {} as never } })).toThrow(/flowTokens.store must be/);
  });
});

function endpoint(extra: Partial<FlowEndpointOptions>, seen: FlowRequest[] = []) {
  return createFlowEndpointWith(nodeCrypto, {
    privateKey: keys.privateKey,
    onRequest: (req) => (seen.push(req), req.screen === 'LAST' ? { screen: 'SUCCESS', data: { extension_message_response: { params: { flow_token: req.flow_token } } } } : { screen: 'NEXT', data: {} }),
    ...extra,
  });
}

async function ask(handler: (r: Request) => Promise<Response>, flowToken: string | undefined, screen = 'FIRST') {
  const sealed = sealRequest({ version: '3.0', action: 'data_exchange', screen, data: {}, ...(flowToken === undefined ? {} : { flow_token: flowToken }) });
  const res = await handler(post(sealed.body));
  const text = await res.text();
  return { status: res.status, body: text ? openResponse(text, sealed) : undefined };
}

describe('the endpoint option flowTokens', () => {
  it('a valid token reaches the handler with its claims; missing, forged and expired get 427 with the message', async () => {
    const seen: FlowRequest[] = [];
    let now = 1_000_000;
    const handler = endpoint({ flowTokens: { secret: SECRET, message: 'This booking link has expired.', now: () => now } }, seen);
    const token = await issueFlowToken({ secret: SECRET, subject: 'user-7', ttlMs: 60_000, now: () => now });
    expect((await ask(handler, token)).status).toBe(200);
    expect(seen[0]!.flowTokenClaims).toMatchObject({ subject: 'user-7', once: false });
    const refused = { status: 427, body: { error_msg: 'This booking link has expired.' } };
    expect(await ask(handler, undefined)).toEqual(refused);
    expect(await ask(handler, 'unused')).toEqual(refused);
    expect(await ask(handler, await issueFlowToken({ secret: 'someone-elses-secret-0123456789abcdef', subject: 'user-7' }))).toEqual(refused);
    now += 60_000;
    expect(await ask(handler, token)).toEqual(refused);
    expect(seen).toHaveLength(1);
  });

  it('a once token: usable until the flow completes (SUCCESS), then 427 "used"; a plain token stays usable', async () => {
    const reasons: string[] = [];
    const handler = endpoint({ flowTokens: { secret: SECRET, store: memoryFlowTokens(), message: (reason) => (reasons.push(reason), `refused: ${reason}`) } });
    const once = await issueFlowToken({ secret: SECRET, subject: 'order-1', once: true });
    expect((await ask(handler, once)).status).toBe(200);
    expect((await ask(handler, once, 'LAST')).body).toMatchObject({ screen: 'SUCCESS' });
    expect(await ask(handler, once)).toEqual({ status: 427, body: { error_msg: 'refused: used' } });
    const plain = await issueFlowToken({ secret: SECRET, subject: 'order-2' });
    expect((await ask(handler, plain, 'LAST')).status).toBe(200);
    expect((await ask(handler, plain)).status).toBe(200);
    expect(reasons).toEqual(['used']);
  });

  it('runTtlMs: a run lasts from its first request (Meta: measure from INIT), not from issue; a later opening is fine', async () => {
    let now = 1_000_000;
    const reasons: string[] = [];
    const handler = endpoint({ flowTokens: { secret: SECRET, runTtlMs: 60_000, now: () => now, message: (reason) => (reasons.push(reason), `refused: ${reason}`) } });
    const token = await issueFlowToken({ secret: SECRET, subject: 'user-9', ttlMs: 3 * 86_400_000, now: () => now });
    now += 86_400_000; // opened a day after it was sent: the run starts now
    expect((await ask(handler, token)).status).toBe(200);
    now += 59_999;
    expect((await ask(handler, token)).status).toBe(200);
    now += 1;
    expect(await ask(handler, token)).toEqual({ status: 427, body: { error_msg: 'refused: expired' } });
    expect(reasons).toEqual(['expired']);
    // Another token's run has its own clock.
    expect((await ask(handler, await issueFlowToken({ secret: SECRET, subject: 'user-10', now: () => now }))).status).toBe(200);
  });

  it('runTtlMs is checked when the endpoint is created', () => {
    expect(() => endpoint({ flowTokens: { secret: SECRET, runTtlMs: 0 } })).toThrow(/flowTokens.runTtlMs must be a positive number of milliseconds/);
    const oldStore = { isUsed: () => false, markUsed: () => true };
    expect(() => endpoint({ flowTokens: { secret: SECRET, runTtlMs: 1000, store: oldStore } })).toThrow(/needs a store that records first use/);
  });

  it('ping and error notifications need no token', async () => {
    const handler = endpoint({ flowTokens: { secret: SECRET } });
    const ping = sealRequest({ version: '3.0', action: 'ping' });
    const res = await handler(post(ping.body));
    expect(res.status).toBe(200);
    expect(openResponse(await res.text(), ping)).toEqual({ data: { status: 'active' } });
  });
});
