/**
 * Reading a `node:http` request body for the Node and Express adapters, bounded in size and in time, and refusing
 * it without reading the rest. Memory per connection stays at most the handler's limit, and a connection that
 * sends its body slowly (or never) is answered and closed after the body deadline.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { DEFAULT_BODY_TIMEOUT_MS } from '../internal/body-limit.js';
import { declaredTooLarge, LimitedBytes } from '../internal/read-body.js';

export { DEFAULT_BODY_TIMEOUT_MS };

/** What reading gave: the bytes (`undefined` when empty), or why it stopped. */
export type BodyOutcome = Uint8Array | undefined | 'too-large' | 'too-slow';

/**
 * Reads a request stream to its end within `limit` bytes and `timeoutMs`. A `Content-Length` above the limit is
 * refused before a byte is read; otherwise reading stops at the first chunk past the limit or at the deadline (the
 * stream is paused; the caller answers with {@link refuse}, which closes the connection).
 * @internal Shared by the Node and Express adapters.
 */
export function readBody(req: IncomingMessage, limit: number, timeoutMs = DEFAULT_BODY_TIMEOUT_MS): Promise<BodyOutcome> {
  if (declaredTooLarge(req.headers['content-length'], limit)) return Promise.resolve('too-large');
  if (req.readableEnded) return Promise.resolve(undefined);
  return new Promise((resolve, reject) => {
    const collected = new LimitedBytes(limit);
    const stop = (outcome: BodyOutcome | Error) => {
      clearTimeout(timer);
      req.off('data', onData).off('end', onEnd).off('error', onError);
      if (outcome instanceof Error) reject(outcome);
      else {
        if (outcome === 'too-large' || outcome === 'too-slow') req.pause();
        resolve(outcome);
      }
    };
    const onData = (chunk: Buffer) => {
      if (!collected.add(chunk)) stop('too-large');
    };
    const onEnd = () => stop(collected.size > 0 ? collected.bytes() : undefined);
    const onError = (error: Error) => stop(error);
    const timer = setTimeout(() => stop('too-slow'), timeoutMs);
    req.on('data', onData).on('end', onEnd).on('error', onError);
  });
}

const REFUSALS = {
  'too-large': [413, 'Request body too large'],
  'too-slow': [408, 'Request body not received in time'],
} as const;

/**
 * How long a refused connection may go on sending after the answer, so that the client sees the 413/408 (closing
 * at once with unread bytes makes the kernel send a reset, which drops the answer before the client reads it).
 * What arrives meanwhile is discarded, never kept.
 */
export const REFUSAL_LINGER_MS = 1_000;

/**
 * Answers 413 or 408 with `Connection: close`; nothing more of the body is kept, and the connection is closed at
 * most {@link REFUSAL_LINGER_MS} after the answer.
 * @internal Shared by the Node and Express adapters.
 */
export function refuse(req: IncomingMessage, res: ServerResponse, reason: 'too-large' | 'too-slow'): void {
  const [status, text] = REFUSALS[reason];
  const socket = req.socket;
  const close = setTimeout(() => socket.destroy(), REFUSAL_LINGER_MS);
  close.unref();
  socket.once('close', () => clearTimeout(close));
  if (res.headersSent) {
    socket.destroy();
    return;
  }
  // node:http destroys a `Connection: close` socket right after the answer is flushed; with request bytes still
  // unread that is a reset, and the client loses the answer. Half-close instead; the timer above ends it.
  (socket as Socket & { destroySoon(): void }).destroySoon = () => socket.end();
  res.shouldKeepAlive = false;
  res.writeHead(status, { 'content-type': 'text/plain', connection: 'close' });
  res.end(text);
  // Discard (not buffer) what is still coming until the connection closes.
  req.resume();
}
