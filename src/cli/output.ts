import type { Writable } from 'node:stream';

/**
 * Writing to stdout/stderr when the reader may go away (`meta-cloud-api --help | head -1`): a closed pipe (EPIPE)
 * or a destroyed stream is not an error of the command. From then on the stream's output is dropped, the
 * command finishes and the process exits with the command's exit code, quietly (no stack trace).
 */
const closed = new WeakMap<Writable, Promise<void>>();
const isClosed = new WeakSet<Writable>();

/** Installs the quiet error handler once per stream; the promise resolves when the reader is gone. */
export function closedOutput(stream: Writable): Promise<void> {
  let done = closed.get(stream);
  if (!done) {
    done = new Promise<void>((resolve) => {
      stream.on('error', (error: NodeJS.ErrnoException) => {
        // EPIPE: the reader closed the pipe; ERR_STREAM_DESTROYED: a write after that. Anything else on
        // stdout/stderr is just as unrecoverable, and printing it would need the very stream that failed.
        void error;
        isClosed.add(stream);
        resolve();
      });
    });
    closed.set(stream, done);
  }
  return done;
}

/** Writes one line (adds the newline), or nothing once the stream's reader has gone. */
export function writeLine(stream: Writable, text: string): void {
  void closedOutput(stream);
  if (isClosed.has(stream) || stream.destroyed || !stream.writable) return;
  stream.write(text.endsWith('\n') ? text : text + '\n');
}
