/**
 * The handlers on the Redis stores: the webhook handler with redisDedupe (and Redis going away: a retryable 500,
 * nothing lost, no secret in the report), and two endpoint instances sharing redisFlowTokens and redisFlowSessions.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeCrypto } from '../../src/endpoint/crypto/node.js';
import { createFlowEndpointWith, issueFlowToken, type FlowEndpointOptions } from '../../src/endpoint/shared-exports.js';
import { redisDedupe, redisFlowSessions, redisFlowTokens } from '../../src/stores/redis/index.js';
import { createWebhookHandler } from '../../src/webhooks/index.js';
import { keys, openResponse, post as postFlow, sealRequest } from '../endpoint/whatsapp-side.js';
import { startRedisServer, type RedisServer } from '../helpers/redis-server.js';
import { APP_SECRET, completionBody, post } from '../webhooks/helpers.js';
import { CLIENT_KINDS, connectClient } from './clients.js';

let server: RedisServer;
beforeAll(async () => {
  server = await startRedisServer();
});
afterAll(async () => {
  await server?.stop();
});

describe.each(CLIENT_KINDS)('webhooks on redisDedupe (%s)', (kind) => {
  it('two handlers (instances) share the store: the item reaches one callback once', async () => {
    const c = await connectClient(kind, server.url);
    let calls = 0;
    const make = () => createWebhookHandler({ appSecret: APP_SECRET, dedupe: redisDedupe({ client: c.client, prefix: `${kind}:wh:` }), onFlowCompletion: () => void calls++ });
    const [a, b] = [make(), make()];
    const answers = await Promise.all([post(a, completionBody()), post(b, completionBody()), post(a, completionBody())]);
    expect(answers.map((x) => x.status).sort()).toEqual(expect.arrayContaining([200]));
    expect(calls).toBe(1);
    expect((await post(b, completionBody())).status).toBe(200);
    expect(calls).toBe(1);
    await c.close();
  });
});

describe('Redis going away', () => {
  it('the webhook handler answers 500 (Meta retries), the callback does not run, the report carries no secret', async () => {
    const own = await startRedisServer();
    const c = await connectClient('ioredis', own.url);
    const reports: string[] = [];
    let calls = 0;
    const handler = createWebhookHandler({
      appSecret: APP_SECRET,
      dedupe: redisDedupe({ client: c.client, commandTimeoutMs: 300 }),
      onFlowCompletion: () => void calls++,
      onError: (error, context) => void reports.push(`${context.phase}: ${(error as Error).message}`),
    });
    await own.stop();
    const res = await post(handler, completionBody());
    expect(res.status).toBe(500);
    expect(res.text).toBe('');
    expect(calls).toBe(0);
    expect(reports).toHaveLength(1);
    expect(reports[0]).toMatch(/^dedupe: redisDedupe: Redis (did not answer EVAL|EVAL failed)/);
    expect(reports[0]).not.toContain(APP_SECRET);
    await c.close();
  });
});

describe('two endpoint instances on redisFlowTokens and redisFlowSessions', () => {
  it('a once token completed on one instance is refused (427) on the other; the session follows the flow across them', async () => {
    const c = await connectClient('node-redis', server.url);
    const secret = 'redis-flow-token-secret-0123456789ab';
    const options: FlowEndpointOptions = {
      privateKey: keys.privateKey,
      flowTokens: { secret, store: redisFlowTokens({ client: c.client, prefix: 'ep:t:' }), message: 'Already booked.' },
      flowSessions: redisFlowSessions({ client: c.client, prefix: 'ep:s:' }),
      onRequest: (req) => {
        const session = req.session!;
        session.steps = Number(session.steps ?? 0) + 1;
        if (req.screen === 'LAST') return { screen: 'SUCCESS', data: { extension_message_response: { params: { flow_token: req.flow_token, steps: session.steps } } } };
        return { screen: 'NEXT', data: { steps: session.steps } };
      },
    };
    const [a, b] = [createFlowEndpointWith(nodeCrypto, options), createFlowEndpointWith(nodeCrypto, options)];
    const token = await issueFlowToken({ secret, subject: 'order-9', once: true });
    const ask = async (handler: typeof a, screen: string) => {
      const sealed = sealRequest({ version: '3.0', action: 'data_exchange', screen, data: {}, flow_token: token });
      const res = await handler(postFlow(sealed.body));
      return { status: res.status, body: openResponse(await res.text(), sealed) };
    };
    expect((await ask(a, 'FIRST')).body).toEqual({ screen: 'NEXT', data: { steps: 1 } });
    expect((await ask(b, 'SECOND')).body).toEqual({ screen: 'NEXT', data: { steps: 2 } });
    expect((await ask(a, 'LAST')).body).toMatchObject({ screen: 'SUCCESS', data: { extension_message_response: { params: { steps: 3 } } } });
    expect(await ask(b, 'FIRST')).toEqual({ status: 427, body: { error_msg: 'Already booked.' } });
    const stored = (await c.raw(['KEYS', 'ep:*'])) as string[];
    expect(stored.some((k) => k.includes(token))).toBe(false);
    await c.close();
  });
});
