/**
 * The raw exchange: a handler's HTTP work without Web `Request`/`Response` objects, raw body bytes (or text) and
 * headers in, `{ status, headers, body }` out. The flow endpoint (`endpoint/exchange.ts`) declares its core here
 * next to its Web handler; the Node, Express and Fastify adapters (`adapters/node.ts`, `express.ts`, `fastify.ts`)
 * call it directly when a handler declares one, and build Web objects only for handlers that do not.
 */

/** A request as the raw exchange takes it. */
export interface RawExchangeRequest {
  /** The HTTP method (default `POST`). */
  method?: string;
  /** The request URL: absolute, or the path and query as `node:http` gives it (used only by a private key resolver). */
  url?: string;
  /**
   * The body exactly as received: the bytes, or the text when the host gives only text (it is taken as UTF-8 for
   * the `X-Hub-Signature-256` check, which is what WhatsApp signs).
   */
  body: Uint8Array | string | undefined;
  /** Request headers by name, as `node:http` gives them (lower case; other cases are found too). */
  headers?: Readonly<Record<string, string | readonly string[] | undefined>>;
}

/** The answer: status, headers (lower-case names) and body text (`undefined`: no body). */
export interface RawExchangeAnswer {
  status: number;
  headers: Record<string, string>;
  body: string | undefined;
}

export type RawExchange = (request: RawExchangeRequest) => Promise<RawExchangeAnswer>;

/** A registered symbol, so a handler from the ESM build and an adapter from the CJS build agree on it. */
export const RAW_EXCHANGE = Symbol.for('meta-cloud-api.rawExchange');

/** The raw exchange `handler` declares, if any. */
export function rawExchangeOf(handler: unknown): RawExchange | undefined {
  const value = (handler as { [RAW_EXCHANGE]?: unknown } | null | undefined)?.[RAW_EXCHANGE];
  return typeof value === 'function' ? (value as RawExchange) : undefined;
}

/** One header of a raw request, multiple values joined with `, ` as HTTP does. */
export function rawHeader(headers: RawExchangeRequest['headers'], name: string): string | undefined {
  if (!headers) return undefined;
  let value = headers[name];
  if (value === undefined) {
    for (const key in headers) if (key.toLowerCase() === name) value = headers[key];
  }
  return typeof value === 'string' ? value : value?.join(', ');
}

/** The answer as a Web `Response`. */
export function webResponse(answer: RawExchangeAnswer): Response {
  return new Response(answer.body ?? null, { status: answer.status, headers: answer.headers });
}
