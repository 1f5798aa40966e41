import type { WebHandler } from '../adapters/node.js';

export interface ListenOptions {
  /** Default 4010; 0 picks a free port. */
  port?: number;
  /** Default 127.0.0.1 (the emulator is for this machine). */
  host?: string;
  /**
   * One line per request (`POST /v25.0/123/flows 200 4 ms`; token-like query values redacted): `true` writes it to
   * stderr, a function receives it. Default off (silent in tests); the CLI turns it on unless `--quiet`.
   */
  log?: boolean | ((line: string) => void);
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
  const write = options.log === true ? (line: string) => void process.stderr.write(`${line}\n`) : typeof options.log === 'function' ? options.log : undefined;
  const server = createServer(toNodeListener(write ? withRequestLog(handler, write) : handler));
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

/** Query parameters whose values are never printed (tokens, secrets, proofs, signatures). */
const SECRET_PARAM = /token|secret|proof|signature|key/i;

/** The path and query of a request as the log shows it: secret-looking query values replaced. */
export function loggedPath(url: string): string {
  const parsed = new URL(url);
  for (const name of new Set(parsed.searchParams.keys())) if (SECRET_PARAM.test(name)) parsed.searchParams.set(name, 'REDACTED');
  return decodeURIComponent(parsed.pathname) + parsed.search;
}

/** Wraps a handler so each request is logged once, after its answer: method, path, status, milliseconds. */
export function withRequestLog(handler: WebHandler, write: (line: string) => void): WebHandler {
  return async (request) => {
    const started = performance.now();
    let status = 500;
    try {
      const response = await handler(request);
      status = response.status;
      return response;
    } finally {
      try {
        write(`${request.method} ${loggedPath(request.url)} ${status} ${Math.round(performance.now() - started)} ms`);
      } catch {
        // a failing log must not change the answer
      }
    }
  };
}
