import type { WebHandler } from '../adapters/node.js';

export interface ListenOptions {
  /** Default 4010; 0 picks a free port. */
  port?: number;
  /** Default 127.0.0.1 (the emulator is for this machine). */
  host?: string;
}

export interface RunningServer {
  /** e.g. `http://127.0.0.1:4010`: use it as `baseUrl` / `WA_BASE_URL`. */
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Serves a Web handler with `node:http` (Node only; loaded on demand so the emulator core stays runtime-neutral). */
export async function listen(handler: WebHandler, options: ListenOptions = {}): Promise<RunningServer> {
  const [{ createServer }, { toNodeListener }] = await Promise.all([import('node:http'), import('../adapters/node.js')]);
  const server = createServer(toNodeListener(handler));
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 4010, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : (options.port ?? 4010);
  const shownHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${shownHost}:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
