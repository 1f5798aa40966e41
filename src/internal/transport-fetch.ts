/**
 * The default transport: one attempt over `fetch` (every runtime), with the per-attempt timeout, the caller's
 * signal, the body limit and the redirect guard. Used by `transport.ts` for `transport: 'fetch'`.
 *
 * The timeout uses a timer, not an AbortController: on Node an AbortSignal per attempt (creating it, and fetch
 * tying its own signal to it) was the largest part of the client's own cost per call to a local server (issue 13,
 * --cpu-prof, and a side-by-side run: about +14 % CPU per call), and the timeout almost never fires. When it fires:
 * - after the headers (a body that stalls): the body stream is cancelled, which closes the connection at once;
 * - before the headers: the attempt is given up at once; fetch has no way to stop a request it was not given a
 *   signal for, so its connection is closed when the late answer arrives (its body is cancelled unread) or by the
 *   runtime's own header timeout (Node: 300 s). `transport: 'node'` closes the socket at the deadline instead.
 * The caller's own signal is passed to fetch, so an abort by the caller always closes the connection.
 */
import { ResponseTooLargeError } from '../core/base-errors.js';
import { declaredTooLarge, LimitedBytes } from './read-body.js';
import { fetchWithoutCrossOriginRedirect } from './redirects.js';
import { ABORTED, TIMED_OUT, plainSummary, type AttemptOutcome, type AttemptSettings, type Transport, type TransportRequest } from './transport-types.js';

/** One decoder for every body (decode without `stream` keeps no state between calls). */
const decoder = new TextDecoder();
const ignore = () => {};

/** The fetch transport on `fetchFn` (the global fetch unless the client was given one). */
export function fetchTransport(fetchFn: typeof fetch): Transport {
  return (request, settings) => attempt(fetchFn, request, settings);
}

function attempt(fetchFn: typeof fetch, request: TransportRequest, settings: AttemptSettings): Promise<AttemptOutcome> {
  const { signal, timeout } = settings;
  if (signal?.aborted) return Promise.resolve(ABORTED);
  return new Promise<AttemptOutcome>((resolve) => {
    let settled = false;
    let reader: ReadableStreamDefaultReader<Uint8Array> | undefined;
    const settle = (outcome: AttemptOutcome) => {
      if (settled) return;
      settled = true;
      if (timer !== undefined) clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      // Given up (timeout, abort) while the body was being read: cancelling it closes the connection.
      if (outcome.kind !== 'response' && reader) reader.cancel().catch(ignore);
      resolve(outcome);
    };
    const onAbort = () => settle(ABORTED);
    const timer = Number.isFinite(timeout) ? setTimeout(settle, timeout, TIMED_OUT) : undefined;
    signal?.addEventListener('abort', onAbort, { once: true });
    const init: RequestInit = { method: request.method, headers: request.headers };
    if (request.body !== undefined) init.body = request.body;
    if (signal) init.signal = signal;
    fetchWithoutCrossOriginRedirect(fetchFn, request.url, init, { redact: settings.redact }).then(
      async (res) => {
        if (settled) {
          // The answer came after the attempt was given up: close it unread.
          res.body?.cancel().catch(ignore);
          return;
        }
        try {
          const limit = settings.maxBytes;
          // Content-Length counts the encoded bytes: it only proves "too large" when the body is not compressed.
          if (!res.headers.get('content-encoding') && declaredTooLarge(res.headers.get('content-length'), limit)) {
            res.body?.cancel().catch(ignore);
            throw new ResponseTooLargeError(limit, plainSummary(settings.summary));
          }
          let text = '';
          if (res.body) {
            reader = res.body.getReader();
            const bytes = await readAll(reader, limit);
            if (bytes === undefined) throw new ResponseTooLargeError(limit, plainSummary(settings.summary));
            text = decoder.decode(bytes);
          }
          settle({ kind: 'response', response: { ok: res.ok, status: res.status, statusText: res.statusText, headers: res.headers, text, durationMs: 0 } });
        } catch (cause) {
          settle({ kind: 'failed', cause });
        }
      },
      (cause: unknown) => settle({ kind: 'failed', cause }),
    );
  });
}

/** The body's bytes, or undefined (and the stream cancelled) past `limit`. */
async function readAll(reader: ReadableStreamDefaultReader<Uint8Array>, limit: number): Promise<Uint8Array | undefined> {
  const collected = new LimitedBytes(limit);
  for (;;) {
    const next = await reader.read();
    if (next.done) return collected.bytes();
    if (!collected.add(next.value)) {
      reader.cancel().catch(ignore);
      return undefined;
    }
  }
}
