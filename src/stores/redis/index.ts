/**
 * `meta-cloud-api/stores/redis`: the shared stores for running the webhook receiver and the data endpoint on
 * several instances. Each takes your connected client (`redis` v4/v5 or `ioredis`, both optional peer
 * dependencies; this package imports neither).
 *
 * ```ts
 * import { createClient } from 'redis';
 * import { redisDedupe, redisFlowSessions, redisFlowTokens } from 'meta-cloud-api/stores/redis';
 *
 * const client = await createClient({ url: process.env.REDIS_URL }).connect();
 * createWebhookHandler({ appSecret, dedupe: redisDedupe({ client }), onFlowCompletion });
 * createFlowEndpoint({ privateKey, flowTokens: { secret, store: redisFlowTokens({ client }) }, flowSessions: redisFlowSessions({ client }), screens });
 * ```
 */
export { redisDedupe, type RedisDedupeOptions } from './dedupe.js';
export { redisFlowSessions, type RedisFlowSessionsOptions } from './sessions.js';
export { redisFlowTokens, type RedisFlowTokensOptions } from './flow-tokens.js';
export { RedisStoreError } from './client.js';
export { InvalidArgumentError, WhatsAppError } from '../../core/base-errors.js';
