/** Both Redis clients the stores accept, connected to a test server, with a count of the commands each sent. */
import { Redis } from 'ioredis';
import { createClient } from 'redis';

export type ClientKind = 'node-redis' | 'ioredis';
export const CLIENT_KINDS: ClientKind[] = ['node-redis', 'ioredis'];

export interface TestClient {
  client: unknown;
  /** Raw command, for the test to look at keys. */
  raw(args: string[]): Promise<unknown>;
  /** Commands (round trips) the stores sent so far. */
  commands: string[];
  close(): Promise<void>;
}

/** A connected client of `kind`, wrapped so every command the stores send is counted. */
export async function connectClient(kind: ClientKind, url: string): Promise<TestClient> {
  const commands: string[] = [];
  if (kind === 'ioredis') {
    const io = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0 });
    io.on('error', () => undefined);
    await io.connect();
    const call = io.call.bind(io) as (name: string, ...args: string[]) => Promise<unknown>;
    const counted = Object.assign(Object.create(io) as object, {
      call: (name: string, ...args: string[]) => (commands.push(name), call(name, ...args)),
    });
    return { client: counted, raw: (args) => call(args[0]!, ...args.slice(1)), commands, close: async () => void (await io.quit()) };
  }
  const node = createClient({ url });
  // A server stopped on purpose: the client's reconnect errors are expected, not uncaught.
  node.on('error', () => undefined);
  await node.connect();
  const send = (args: string[]) => node.sendCommand(args) as Promise<unknown>;
  const counted = { sendCommand: (args: string[]) => (commands.push(args[0]!), send(args)) };
  return { client: counted, raw: send, commands, close: async () => void node.destroy() };
}
