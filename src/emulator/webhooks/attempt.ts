/** One delivery attempt: a POST with a timeout (internal/timeout.ts) that reports what happened instead of throwing. */
import { withTimeout } from '../../internal/timeout.js';

/** What one attempt gave. */
export type AttemptOutcome = { ok: true; status: number } | { ok: false; status?: number; error: string };

/** Everything one attempt needs. */
export interface AttemptRequest {
  url: string;
  body: Uint8Array<ArrayBuffer>;
  headers: Record<string, string>;
  timeoutMs: number;
  fetch: typeof fetch;
  /** Aborts the attempt when the sender closes. */
  closing: AbortSignal;
}

/** POSTs once. Any 2xx is a success; anything else (status, network error, timeout, close) is a failure. */
export async function postOnce(req: AttemptRequest): Promise<AttemptOutcome> {
  const outcome = await withTimeout(async (signal) => {
    // Like Meta, a redirect is not followed: it counts as a failed delivery.
    const res = await req.fetch(req.url, { method: 'POST', headers: req.headers, body: req.body, signal, redirect: 'manual' });
    // The answer's body is not needed; release the connection without waiting for it.
    res.body?.cancel().catch(() => undefined);
    return res.status;
  }, { timeoutMs: req.timeoutMs, signal: req.closing });
  switch (outcome.kind) {
    case 'done': {
      const status = outcome.value;
      if (status >= 200 && status < 300) return { ok: true, status };
      if (status === 0) return { ok: false, error: 'receiver answered with a redirect, which is not followed' };
      return { ok: false, status, error: `receiver answered HTTP ${status}` };
    }
    case 'timeout':
      return { ok: false, error: `no answer within ${req.timeoutMs} ms` };
    case 'aborted':
      return { ok: false, error: 'sender closed' };
    case 'failed':
      return { ok: false, error: describeFailure(outcome.cause) };
  }
}

/** `fetch failed: connect ECONNREFUSED 127.0.0.1:9` from an error and its causes. */
function describeFailure(error: unknown): string {
  const parts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current !== undefined && current !== null; depth++) {
    const message = current instanceof Error ? current.message : String(current);
    if (message && !parts.includes(message)) parts.push(message);
    const next: unknown = (current as { cause?: unknown }).cause;
    const inner = (current as { errors?: unknown }).errors;
    current = next ?? (Array.isArray(inner) ? inner[0] : undefined);
  }
  return parts.length > 0 ? parts.join(': ') : 'request failed';
}
