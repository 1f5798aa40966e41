import { readdir, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { isAlive } from './process-alive.js';

/**
 * Names and clean-up of the temp files a save writes before renaming them over the state file.
 *
 * A temp file is `.<state file>.<pid>.<counter>.tmp`. The pid lets a loader tell files of a crashed process
 * (safe to delete) from those of a live process that is still writing.
 */

/** A fresh temp file name for `stateFileName`, unique within this process. */
export function tempFileName(stateFileName: string, counter: number): string {
  return `.${stateFileName}.${process.pid}.${counter}.tmp`;
}

/**
 * Deletes temp files left in `dir` by crashed writers. Files of this process are deleted too: the caller
 * promises no save of its own is in flight. Best effort: failures are ignored.
 */
export async function removeStaleTempFiles(dir: string, stateFileName: string): Promise<void> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return;
  }
  const prefix = `.${stateFileName}.`;
  for (const name of names) {
    if (!name.startsWith(prefix) || !name.endsWith('.tmp')) continue;
    const pid = Number(name.slice(prefix.length).split('.')[0]);
    if (!Number.isInteger(pid) || (pid !== process.pid && isAlive(pid))) continue;
    await unlink(join(dir, name)).catch(() => {});
  }
}

