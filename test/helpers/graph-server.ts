import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request as it crossed the wire. */
export interface RecordedRequest {
  method: string;
  /** Path including the version, e.g. `/v25.0/123/flows`. */
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: Buffer;
  text: string;
  json(): any;
  /** Parses a multipart or urlencoded body with the platform's own parser. */
  form(): Promise<FormData>;
}

export interface Reply {
  status?: number;
  headers?: Record<string, string>;
  json?: unknown;
  body?: string;
  /** Wait before answering (for timeout tests). */
  delayMs?: number;
  /** Drop the connection without an answer. */
  destroy?: boolean;
}

export type Handler = (req: RecordedRequest) => Reply | Promise<Reply>;

export interface GraphServer {
  /** `http://127.0.0.1:<port>` */
  url: string;
  port: number;
  requests: RecordedRequest[];
  /** Answers every request with this handler (default: 200 `{}`). */
  handle(handler: Handler): void;
  /** Answers the next requests with these replies, in order, then falls back to the handler. */
  enqueue(...replies: Reply[]): void;
  close(): Promise<void>;
}

/** A real HTTP server on 127.0.0.1 that records every request and answers as the test says. */
export async function startGraphServer(): Promise<GraphServer> {
  const requests: RecordedRequest[] = [];
  const queue: Reply[] = [];
  let handler: Handler = () => ({ json: {} });
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      const body = Buffer.concat(chunks);
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const headers = req.headers;
      const recorded: RecordedRequest = {
        method: req.method ?? 'GET',
        path: url.pathname,
        query: url.searchParams,
        headers,
        body,
        text: body.toString('utf8'),
        json: () => JSON.parse(body.toString('utf8')),
        form: () =>
          new Request('http://127.0.0.1/', {
            method: 'POST',
            headers: { 'content-type': String(headers['content-type'] ?? '') },
            body,
          }).formData(),
      };
      requests.push(recorded);
      const reply = queue.shift() ?? (await handler(recorded));
      if (reply.delayMs) await new Promise((r) => setTimeout(r, reply.delayMs));
      if (reply.destroy) {
        req.socket.destroy();
        return;
      }
      if (res.destroyed) return;
      const text = reply.body ?? JSON.stringify(reply.json ?? {});
      res.writeHead(reply.status ?? 200, { 'content-type': reply.body !== undefined ? 'text/plain' : 'application/json', ...reply.headers });
      res.end(text);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    requests,
    handle: (h) => {
      handler = h;
    },
    enqueue: (...r) => queue.push(...r),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A Graph error body. */
export function graphError(code: number, message: string, extra: Record<string, unknown> = {}): { error: Record<string, unknown> } {
  return { error: { message, type: 'OAuthException', code, fbtrace_id: 'AbCdEf123', ...extra } };
}
