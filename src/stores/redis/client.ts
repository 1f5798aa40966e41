/**
 * One way to send a command to Redis, whichever client the user passes: node-redis (`redis` v4/v5, told apart by
 * `sendCommand(args)`) or ioredis (told apart by `call(name, ...args)` and `defineCommand`). Neither package is
 * imported: the stores take the user's connected client object.
 */
import { InvalidArgumentError, WhatsAppError } from '../../core/base-errors.js';

/** Sends one command (one round trip) and returns Redis's reply. */
export type RedisCommand = (args: readonly string[]) => Promise<unknown>;

/** A Redis failure, restated without the command's arguments (they can hold ids or session data). */
export class RedisStoreError extends WhatsAppError {}
Object.defineProperty(RedisStoreError, 'name', { value: 'RedisStoreError' });

interface IoRedisLike {
  call(command: string, ...args: string[]): Promise<unknown>;
  defineCommand: unknown;
}
interface NodeRedisLike {
  sendCommand(args: string[]): Promise<unknown>;
}

/** How long a command may take by default before the store gives up on it (the handler then answers 500). */
export const DEFAULT_COMMAND_TIMEOUT_MS = 5_000;

/**
 * The command sender for `client`; throws InvalidArgumentError naming `owner` when it is neither client. A command
 * not answered within `timeoutMs` rejects (a client that queues commands while Redis is away would otherwise hold
 * the request until the caller's own timeout).
 */
export function redisCommand(client: unknown, owner: string, timeoutMs: number = DEFAULT_COMMAND_TIMEOUT_MS): RedisCommand {
  if (typeof timeoutMs !== 'number' || !(timeoutMs > 0) || !Number.isFinite(timeoutMs)) {
    throw new InvalidArgumentError(`${owner}: commandTimeoutMs must be a positive number of milliseconds; got ${String(timeoutMs)}.`);
  }
  const c = client as Partial<IoRedisLike & NodeRedisLike> | null;
  let send: RedisCommand;
  if (c && typeof c.call === 'function' && typeof c.defineCommand === 'function') {
    const io = c as IoRedisLike;
    send = (args) => io.call(args[0]!, ...args.slice(1));
  } else if (c && typeof c.sendCommand === 'function') {
    const node = c as NodeRedisLike;
    send = (args) => node.sendCommand([...args]);
  } else {
    throw new InvalidArgumentError(
      `${owner} needs { client }: a connected node-redis client (createClient() from 'redis', after await client.connect()) or an ioredis client (new Redis()).`,
    );
  }
  return async (args) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new RedisStoreError(`${owner}: Redis did not answer ${args[0]!} within ${timeoutMs} ms.`)), timeoutMs);
    });
    try {
      return await Promise.race([send(args), late]);
    } catch (error) {
      throw error instanceof RedisStoreError ? error : restated(error, owner, args[0]!);
    } finally {
      clearTimeout(timer);
    }
  };
}

/** The error's class and Redis's own message, never the command's arguments (ioredis attaches them to its errors). */
function restated(error: unknown, owner: string, command: string): RedisStoreError {
  const name = error instanceof Error ? error.name : 'Error';
  const message = error instanceof Error ? error.message : String(error);
  return new RedisStoreError(`${owner}: Redis ${command} failed (${name}: ${message}).`);
}

/**
 * A Lua script, one round trip per run: EVAL the first time (which also caches it in Redis), EVALSHA after that,
 * and EVAL again when Redis answers NOSCRIPT (restarted, or SCRIPT FLUSH).
 */
export interface RedisScript {
  run(keys: readonly string[], args: readonly string[]): Promise<unknown>;
}

/** Wraps `source` for `command`. */
export function redisScript(command: RedisCommand, source: string): RedisScript {
  let sha: Promise<string> | undefined;
  let loaded = false;
  const digest = async () => {
    const bytes = new Uint8Array(await globalThis.crypto.subtle.digest('SHA-1', new TextEncoder().encode(source)));
    return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  };
  return {
    async run(keys, args) {
      sha ??= digest();
      const tail = [String(keys.length), ...keys, ...args];
      if (loaded) {
        try {
          return await command(['EVALSHA', await sha, ...tail]);
        } catch (error) {
          if (!(error instanceof RedisStoreError) || !error.message.includes('NOSCRIPT')) throw error;
        }
      }
      const answer = await command(['EVAL', source, ...tail]);
      loaded = true;
      return answer;
    },
  };
}

/** Checks a key prefix option. */
export function checkPrefix(owner: string, prefix: unknown, fallback: string): string {
  if (prefix === undefined) return fallback;
  if (typeof prefix !== 'string') throw new InvalidArgumentError(`${owner}: prefix must be a string (the start of every key, e.g. 'myapp:dedupe:'); got ${typeof prefix}.`);
  return prefix;
}
