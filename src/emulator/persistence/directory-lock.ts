/**
 * One emulator process per data directory (Node only). Two processes on one directory would each overwrite the
 * other's state and hand out the same ids, so the first one takes `<dataDir>/emulator.lock`: a file created
 * exclusively (O_EXCL, flag `wx`) holding its PID. A later process finds the file and refuses to start, naming the
 * PID and the file, while that PID is alive. A lock whose PID is no longer alive (a `kill -9`, a crash) is stale:
 * it is moved aside and taken over. `close()` removes the lock file.
 */
import { randomBytes } from 'node:crypto';
import { link, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { WhatsAppError } from '../../core/errors.js';
import { isAlive } from './process-alive.js';

export const LOCK_FILE_NAME = 'emulator.lock';

/** Another live process holds the data directory (or its lock file cannot be read). */
export class EmulatorLockedError extends WhatsAppError {
  readonly file: string;
  /** The process holding the directory, when the lock file names one. */
  readonly pid: number | undefined;

  constructor(message: string, file: string, pid?: number) {
    super(message);
    this.name = 'EmulatorLockedError';
    this.file = file;
    this.pid = pid;
  }
}

export interface DirectoryLock {
  readonly file: string;
  /** Removes the lock file (only while it is still ours). */
  release(): Promise<void>;
}

/** Takes the lock of `dataDir` (which must exist) for this process; throws EmulatorLockedError when it is held. */
export async function lockDirectory(dataDir: string): Promise<DirectoryLock> {
  const file = join(dataDir, LOCK_FILE_NAME);
  const mine = `${process.pid}\n`;
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      await writeFile(file, mine, { flag: 'wx', mode: 0o600 });
      return { file, release: () => releaseLock(file, mine) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const held = await readLock(file);
    if (held === undefined) continue; // removed meanwhile: try again
    const pid = parsePid(held);
    if (pid === undefined) {
      throw new EmulatorLockedError(
        `The emulator data directory ${dataDir} has a lock file ${file} that does not name a process (${JSON.stringify(held.slice(0, 40))}). If no emulator is running on this directory, delete that file and start again.`,
        file,
      );
    }
    if (isAlive(pid)) {
      throw new EmulatorLockedError(
        `The emulator data directory ${dataDir} is in use by process ${pid} (lock file ${file}): two emulators on one directory would overwrite each other's state. Stop that emulator first, or use another --data-dir.`,
        file,
        pid,
      );
    }
    await breakStaleLock(file, held);
  }
  throw new EmulatorLockedError(`Could not take the lock ${file} of the emulator data directory ${dataDir}: other processes keep taking it.`, file);
}

/**
 * Moves a stale lock aside (rename is atomic: of two processes breaking the same stale lock, one wins). When what
 * was moved is not the stale lock any more (another process took the lock in between), it is put back.
 */
async function breakStaleLock(file: string, stale: string): Promise<void> {
  const aside = `${file}.stale-${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    await rename(file, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  const moved = await readLock(aside);
  if (moved !== undefined && moved !== stale) await link(aside, file).catch(() => {}); // a live lock: restore it
  await unlink(aside).catch(() => {});
}

async function releaseLock(file: string, mine: string): Promise<void> {
  if ((await readLock(file)) === mine) await unlink(file).catch(() => {});
}

async function readLock(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

function parsePid(text: string): number | undefined {
  const match = /^\s*(\d{1,10})\s*$/.exec(text);
  const pid = match ? Number(match[1]) : NaN;
  return Number.isSafeInteger(pid) && pid > 0 ? pid : undefined;
}

