import { readFile } from 'node:fs/promises';
import { closedOutput, writeLine } from './output.js';

/** What commands may touch, injected so tests can run them without a process or a terminal. */
export interface CliIO {
  stdout(text: string): void;
  stderr(text: string): void;
  readFile(path: string): Promise<string>;
  /** All of standard input as text (`validate -`). */
  readStdin?(): Promise<string>;
  isTTY: boolean;
  env: Record<string, string | undefined>;
  /** Resolves on Ctrl-C (SIGINT), SIGTERM, or when stdout is closed: long-running commands stop cleanly then. */
  interrupted(): Promise<void>;
}

export function nodeIO(): CliIO {
  return {
    stdout: (t) => writeLine(process.stdout, t),
    stderr: (t) => writeLine(process.stderr, t),
    readFile: (p) => readFile(p, 'utf8'),
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks).toString('utf8');
    },
    isTTY: Boolean(process.stdout.isTTY),
    env: process.env,
    interrupted: () =>
      new Promise<void>((resolve) => {
        process.once('SIGINT', () => resolve());
        process.once('SIGTERM', () => resolve());
        void closedOutput(process.stdout).then(resolve);
      }),
  };
}
