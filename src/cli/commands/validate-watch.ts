import { watch, type FSWatcher } from 'node:fs';
import type { CliIO } from '../io.js';
import type { Resolved } from '../inputs.js';

/**
 * `validate --watch`: runs once, then again whenever something changes in a directory that holds an input (or
 * was walked to find them: new files in it are picked up), until Ctrl-C, SIGTERM or a closed stdout. Directories
 * are watched one by one (not `recursive`, which Node 20 on Linux lacks), and the set is refreshed after each
 * run. Changes within 50 ms are one run. Returns the last run's exit code.
 */
export async function watchInputs(paths: readonly string[], run: () => Promise<number>, resolve: () => Promise<Resolved>, io: CliIO): Promise<number> {
  const watchers = new Map<string, FSWatcher>();
  let last = 0;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  let pending = false;

  const refresh = async () => {
    const { directories } = await resolve().catch(() => ({ directories: [...watchers.keys()] }));
    for (const dir of directories) {
      if (watchers.has(dir)) continue;
      try {
        const watcher = watch(dir, () => schedule());
        watcher.on('error', () => void watchers.delete(dir));
        watchers.set(dir, watcher);
      } catch {
        // A directory that vanished between the walk and the watch: the next change re-resolves.
      }
    }
  };
  const once = async () => {
    last = await run();
    await refresh();
    io.stderr(`watching ${paths.join(' ')} for changes (Ctrl-C to stop)`);
  };
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      if (pending) return;
      pending = true;
      running = running.then(() => {
        pending = false;
        return once();
      });
    }, 50);
  };

  running = once();
  await running;
  await io.interrupted();
  clearTimeout(timer);
  for (const watcher of watchers.values()) watcher.close();
  await running;
  return last;
}
