import { readFile, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

/** What commands may touch, injected so tests can run them without a process or a terminal. */
export interface CliIO {
  stdout(text: string): void;
  stderr(text: string): void;
  readFile(path: string): Promise<string>;
  /** The `.json` files of a directory, recursively, or the path itself when it is a file. */
  expand(path: string): Promise<string[]>;
  isTTY: boolean;
  env: Record<string, string | undefined>;
  /** Resolves on Ctrl-C (SIGINT) or SIGTERM: long-running commands stop cleanly then. */
  interrupted(): Promise<void>;
}

export function nodeIO(): CliIO {
  return {
    stdout: (t) => process.stdout.write(t.endsWith('\n') ? t : t + '\n'),
    stderr: (t) => process.stderr.write(t.endsWith('\n') ? t : t + '\n'),
    readFile: (p) => readFile(p, 'utf8'),
    expand: expandJsonFiles,
    isTTY: Boolean(process.stdout.isTTY),
    env: process.env,
    interrupted: () =>
      new Promise<void>((resolve) => {
        process.once('SIGINT', () => resolve());
        process.once('SIGTERM', () => resolve());
      }),
  };
}

async function expandJsonFiles(path: string): Promise<string[]> {
  const info = await stat(path);
  if (!info.isDirectory()) return [path];
  const out: string[] = [];
  for (const entry of (await readdir(path, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name))) {
    const child = join(path, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules' && !entry.name.startsWith('.')) out.push(...(await expandJsonFiles(child)));
    } else if (entry.name.endsWith('.json')) out.push(child);
  }
  return out;
}
