/**
 * Runs one write at a time and coalesces the ones that queue up behind it.
 *
 * While a write is in flight, new values wait; when it finishes, only the newest waiting value is written and
 * every caller that was waiting is settled with that write's outcome. So each caller's promise settles only
 * after a value at least as new as theirs was written (or the write carrying it failed), and the last value
 * submitted is the last one written.
 */
export interface CoalescingWriter<T> {
  /** Queues `value`; resolves once it, or a newer value, has been written. */
  submit(value: T): Promise<void>;
  /** Resolves when nothing is being written or waiting. Never rejects. */
  idle(): Promise<void>;
}

interface Batch<T> {
  value: T;
  settle: Array<{ resolve: () => void; reject: (error: unknown) => void }>;
}

/** Creates a writer that hands values to `write`, one call at a time. */
export function coalescingWriter<T>(write: (value: T) => Promise<void>): CoalescingWriter<T> {
  let waiting: Batch<T> | undefined;
  let running: Promise<void> | undefined;

  const pump = (): void => {
    if (running !== undefined || waiting === undefined) return;
    const batch = waiting;
    waiting = undefined;
    running = (async () => {
      try {
        await write(batch.value);
        for (const caller of batch.settle) caller.resolve();
      } catch (error) {
        for (const caller of batch.settle) caller.reject(error);
      }
    })().finally(() => {
      running = undefined;
      pump();
    });
  };

  return {
    submit(value) {
      return new Promise<void>((resolve, reject) => {
        if (waiting === undefined) waiting = { value, settle: [] };
        else waiting.value = value;
        waiting.settle.push({ resolve, reject });
        pump();
      });
    },
    async idle() {
      while (running !== undefined) await running;
    },
  };
}
