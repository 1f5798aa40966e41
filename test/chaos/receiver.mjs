// One webhook receiver instance for the chaos test: the built package's webhook handler, the Redis dedupe behind
// the node adapter, on a free 127.0.0.1 port (printed as "listening <port>"). Each completion handed to the
// callback is appended to the Redis list `<prefix>done`. On the instance named by HANG_ON, callbacks for message
// ids starting "wamid.HANG_" append to `<prefix>started` and never finish (the test then SIGKILLs it).
import { createServer } from 'node:http';
import { createClient } from 'redis';
import { toNodeListener } from '../../dist/adapters/node.js';
import { redisDedupe } from '../../dist/stores/redis.js';
import { createWebhookHandler } from '../../dist/webhooks.js';

const { REDIS_URL, APP_SECRET, CLAIM_TTL_MS, NAME, HANG_ON, PREFIX } = process.env;
const client = createClient({ url: REDIS_URL });
client.on('error', () => undefined);
await client.connect();

const handler = createWebhookHandler({
  appSecret: APP_SECRET,
  dedupe: redisDedupe({ client, prefix: `${PREFIX}dedupe:`, claimTtlMs: Number(CLAIM_TTL_MS) }),
  onError: (error, context) => process.stderr.write(`${NAME} ${context.phase}: ${error instanceof Error ? error.message : String(error)}\n`),
  onFlowCompletion: async ({ messageId }) => {
    if (NAME === HANG_ON && messageId.startsWith('wamid.HANG_')) {
      await client.rPush(`${PREFIX}started`, `${NAME} ${messageId}`);
      await new Promise(() => undefined);
    }
    // A little work, so copies of one item on several instances overlap.
    await new Promise((resolve) => setTimeout(resolve, Math.random() * 5));
    await client.rPush(`${PREFIX}done`, messageId);
  },
});

const server = createServer(toNodeListener(handler));
server.listen(0, '127.0.0.1', () => process.stdout.write(`listening ${server.address().port}\n`));
