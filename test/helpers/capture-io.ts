import { nodeIO, type CliIO } from '../../src/cli/io.js';

export interface CaptureOptions {
  /** What the command reads as stdin (`-`). */
  stdin?: string;
  /** The environment the command sees (default: empty). */
  env?: Record<string, string>;
  /** Extra CliIO fields, e.g. the simulate command's `prompt`. */
  extra?: Record<string, unknown>;
}

/**
 * A CliIO that records stdout/stderr, reads `stdin` from a string, and stops long-running commands on interrupt().
 * The one capture helper of the CLI tests.
 */
export function captureIO(options: CaptureOptions | string = {}): CliIO & { out: string; err: string; interrupt(): void } {
  const { stdin, env = {}, extra = {} } = typeof options === 'string' ? { stdin: options } : options;
  let interrupt = () => {};
  const stopped = new Promise<void>((resolve) => (interrupt = resolve));
  const io = {
    ...nodeIO(),
    isTTY: false,
    env,
    out: '',
    err: '',
    interrupted: () => stopped,
    interrupt: () => interrupt(),
    ...(stdin === undefined ? {} : { readStdin: async () => stdin }),
    ...extra,
  };
  io.stdout = (t: string) => void (io.out += t + '\n');
  io.stderr = (t: string) => void (io.err += t + '\n');
  return io;
}
