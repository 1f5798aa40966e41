/**
 * One attempt with a timeout (fetch with timeout): the work gets its own AbortController's signal, aborted when
 * `timeoutMs` passes or the caller's `signal` aborts. Used by the emulator's webhook
 * sender (emulator/webhooks/attempt.ts) and the simulator's endpoint client (simulator/endpoint-client.ts).
 */

/** How an attempt ended. `failed` carries what the work threw (for example a network error). */
export type TimedOutcome<T> = { kind: 'done'; value: T } | { kind: 'timeout' } | { kind: 'aborted' } | { kind: 'failed'; cause: unknown };

export interface TimeoutOptions {
  /** Per-attempt limit in ms (a non-finite value means no limit). */
  timeoutMs: number;
  /** The caller's signal: aborting it ends the attempt at once with `aborted`. */
  signal?: AbortSignal;
}

/**
 * Runs `work` under a per-attempt AbortController. Whichever comes first decides the outcome: the work's result or
 * error, the timeout, or the caller's abort. Work that ignores its signal (an in-process handler) is abandoned: its
 * late result or error is dropped. Never rejects.
 */
export async function withTimeout<T>(work: (signal: AbortSignal) => Promise<T>, options: TimeoutOptions): Promise<TimedOutcome<T>> {
  const { timeoutMs, signal } = options;
  if (signal?.aborted) return { kind: 'aborted' };
  const controller = new AbortController();
  let stop!: (outcome: TimedOutcome<T>) => void;
  const stopped = new Promise<TimedOutcome<T>>((resolve) => (stop = resolve));
  // The outcome is settled before the abort, so the work's AbortError that follows cannot win the race.
  const end = (outcome: TimedOutcome<T>) => {
    stop(outcome);
    controller.abort();
  };
  const timer = Number.isFinite(timeoutMs) ? setTimeout(() => end({ kind: 'timeout' }), timeoutMs) : undefined;
  const onAbort = () => end({ kind: 'aborted' });
  signal?.addEventListener('abort', onAbort, { once: true });
  const run = (async (): Promise<TimedOutcome<T>> => {
    try {
      return { kind: 'done', value: await work(controller.signal) };
    } catch (cause) {
      return { kind: 'failed', cause };
    }
  })();
  try {
    return await Promise.race([stopped, run]);
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
  }
}
