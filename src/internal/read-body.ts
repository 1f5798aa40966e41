/**
 * Reading a body with a size limit, once for every area: the endpoint and webhook handlers (Web `Request`), the
 * emulator's Graph requests, the Node adapters (`IncomingMessage` chunks) and the flow-media CDN download (a fetch
 * `Response`). Each caller declares its own limit as a named constant; reading stops at the first chunk past it.
 * The bytes are kept exactly as received (signatures are over these bytes).
 *
 * Responses (the client's Graph answers, the simulator's endpoint answers) are read with `readResponseBody`, which
 * counts the bytes after fetch has decompressed them and throws a typed `ResponseTooLargeError`.
 */
import { ResponseTooLargeError } from '../core/base-errors.js';
import type { RequestSummary } from '../core/errors.js';

/** Collects chunks until their total passes `limit`. */
export class LimitedBytes {
  private readonly chunks: Uint8Array[] = [];
  /** Bytes collected so far. */
  size = 0;

  constructor(readonly limit: number) {}

  /** Adds a chunk; false (and the chunk is dropped) once the total passes the limit. */
  add(chunk: Uint8Array): boolean {
    this.size += chunk.byteLength;
    if (this.size > this.limit) return false;
    this.chunks.push(chunk);
    return true;
  }

  /** Everything collected, as one array (the chunk itself when there was only one). */
  bytes(): Uint8Array<ArrayBuffer> {
    if (this.chunks.length === 1 && this.chunks[0]!.buffer instanceof ArrayBuffer) return this.chunks[0] as Uint8Array<ArrayBuffer>;
    const out = new Uint8Array(this.size);
    let offset = 0;
    for (const chunk of this.chunks) {
      out.set(chunk, offset);
      offset += chunk.byteLength;
    }
    return out;
  }
}

/** Whether a `Content-Length` header already announces more than `limit` bytes. */
export function declaredTooLarge(contentLength: string | null | undefined, limit: number): boolean {
  return Number(contentLength ?? '0') > limit;
}

/**
 * Reads a stream to its end: the bytes, or `'too-large'` as soon as they pass `limit` (the stream is then
 * cancelled, nothing more is read). A read error rejects.
 */
export async function readStreamWithLimit(stream: ReadableStream<Uint8Array>, limit: number): Promise<Uint8Array<ArrayBuffer> | 'too-large'> {
  return readStream(stream, limit, undefined) as Promise<Uint8Array<ArrayBuffer> | 'too-large'>;
}

/** {@link readStreamWithLimit} with a deadline: `'too-slow'` (and the stream cancelled) when it has not ended in `timeoutMs`. */
export async function readStreamWithin(stream: ReadableStream<Uint8Array>, limit: number, timeoutMs: number): Promise<Uint8Array<ArrayBuffer> | 'too-large' | 'too-slow'> {
  return readStream(stream, limit, timeoutMs);
}

async function readStream(stream: ReadableStream<Uint8Array>, limit: number, timeoutMs: number | undefined): Promise<Uint8Array<ArrayBuffer> | 'too-large' | 'too-slow'> {
  const reader = stream.getReader();
  const collected = new LimitedBytes(limit);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = timeoutMs === undefined ? undefined : new Promise<'too-slow'>((resolve) => (timer = setTimeout(() => resolve('too-slow'), timeoutMs)));
  try {
    for (;;) {
      const next = late ? await Promise.race([reader.read(), late]) : await reader.read();
      if (next === 'too-slow') {
        // Not awaited: a source that never answers must not hold the caller too.
        void reader.cancel().catch(() => {});
        return 'too-slow';
      }
      if (next.done) return collected.bytes();
      if (!collected.add(next.value)) {
        await reader.cancel().catch(() => {});
        return 'too-large';
      }
    }
  } finally {
    clearTimeout(timer);
  }
}

/**
 * A request's raw body, or `'too-large'` when the declared or actual size passes `limit`; with `timeoutMs`,
 * `'too-slow'` when the body has not fully arrived by then (the body deadline of the Web handlers, which covers
 * runtimes where no adapter reads the body first: Hono, Next, Deno, Bun, workers).
 */
export async function readRawBody(request: Request | Response, limit: number): Promise<Uint8Array<ArrayBuffer> | 'too-large'>;
export async function readRawBody(request: Request | Response, limit: number, timeoutMs: number): Promise<Uint8Array<ArrayBuffer> | 'too-large' | 'too-slow'>;
export async function readRawBody(request: Request | Response, limit: number, timeoutMs?: number): Promise<Uint8Array<ArrayBuffer> | 'too-large' | 'too-slow'> {
  if (declaredTooLarge(request.headers.get('content-length'), limit)) return 'too-large';
  if (!request.body) return new Uint8Array();
  return readStream(request.body, limit, timeoutMs);
}

export interface ResponseBodyOptions {
  /** Most bytes read, counted after decompression (fetch inflates gzip/br/deflate before the stream). */
  limit: number;
  /** The request, named in the error (its URL must already be redacted). */
  request?: RequestSummary;
}

/**
 * A fetch `Response`'s body, read to its end unless it passes `limit` bytes: then the stream is cancelled (no
 * more is downloaded or inflated) and a {@link ResponseTooLargeError} is thrown. An endless body or a gzip bomb
 * therefore costs at most `limit` bytes of memory.
 */
export async function readResponseBody(response: Response, options: ResponseBodyOptions): Promise<Uint8Array<ArrayBuffer>> {
  const { limit, request } = options;
  // Content-Length counts the encoded bytes: it only proves "too large" when the body is not compressed.
  if (!response.headers.get('content-encoding') && declaredTooLarge(response.headers.get('content-length'), limit)) {
    await response.body?.cancel().catch(() => {});
    throw new ResponseTooLargeError(limit, request);
  }
  if (!response.body) return new Uint8Array();
  const body = await readStreamWithLimit(response.body, limit);
  if (body === 'too-large') throw new ResponseTooLargeError(limit, request);
  return body;
}

/** {@link readResponseBody} decoded as UTF-8 text. */
export async function readResponseText(response: Response, options: ResponseBodyOptions): Promise<string> {
  return new TextDecoder().decode(await readResponseBody(response, options));
}
