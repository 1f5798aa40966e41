import { nodeIO, type CliIO } from '../../src/cli/io.js';

/** A CliIO that records stdout/stderr, reads `stdin` from a string, and stops long-running commands on interrupt(). */
export function captureIO(stdin?: string): CliIO & { out: string; err: string; interrupt(): void } {
  let interrupt = () => {};
  const stopped = new Promise<void>((resolve) => (interrupt = resolve));
  const io = {
    ...nodeIO(),
    isTTY: false,
    env: {},
    out: '',
    err: '',
    interrupted: () => stopped,
    interrupt: () => interrupt(),
    ...(stdin === undefined ? {} : { readStdin: async () => stdin }),
  };
  io.stdout = (t: string) => void (io.out += t + '\n');
  io.stderr = (t: string) => void (io.err += t + '\n');
  return io;
}
