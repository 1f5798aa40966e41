import { WhatsAppError } from '../../core/errors.js';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { coalescingWriter } from './coalescing-writer.js';
import { EmulatorLockedError, lockDirectory, type DirectoryLock } from './directory-lock.js';
import { ensureDirectory, NODE_FILE_SYSTEM, replaceFileDurably, type DurableFileSystem } from './durable-fs.js';
import { snapshotToJson } from './snapshot-json.js';
import { decodeStateFile, encodeStateFile, recoveryHint } from './state-file-format.js';
import { removeStaleTempFiles, tempFileName } from './temp-files.js';
import { EmulatorDataError, EmulatorSaveError, type EmulatorPersistence } from './types.js';

/** The state file's name inside the data directory. */
export const STATE_FILE_NAME = 'emulator-state.json';

/**
 * Keeps the emulator's state in `<dataDir>/emulator-state.json` (Node-only).
 *
 * - The directory is created on first use (mode 0o700), with its parents.
 * - `save` is atomic and durable: write a temp file, fsync it, rename it over the state file, fsync the
 *   directory. A crash or power loss at any moment leaves the old or the new state, never a mix. Saves run one
 *   at a time; saves queued behind a running one are coalesced into a single write of the newest snapshot.
 * - `load` verifies the format version and a SHA-256 checksum and throws `EmulatorDataError` for a file that
 *   cannot be trusted; it never turns a bad file into an empty state. It also deletes temp files left by a
 *   crashed process.
 *
 * One emulator process per data directory: with `exclusive` (what the emulator uses), `load` first takes the
 * directory's lock (directory-lock.ts) and throws EmulatorLockedError while another live process holds it;
 * `close` releases it. `fs` replaces the file system calls of the durable writes (tests record the syncs). Without it, two processes saving into the same directory do not corrupt the file, but
 * each overwrites the other's state.
 */
export function filePersistence(dataDir: string, options: { exclusive?: boolean; fs?: DurableFileSystem } = {}): EmulatorPersistence {
  const fs = options.fs ?? NODE_FILE_SYSTEM;
  const stateFile = join(dataDir, STATE_FILE_NAME);
  let tempCounter = 0;
  let closed = false;
  let lock: Promise<DirectoryLock> | undefined;

  let directoryReady: Promise<void> | undefined;
  const prepareDirectory = (): Promise<void> => {
    directoryReady ??= ensureDirectory(dataDir, 0o700, fs).catch((error: unknown) => {
      directoryReady = undefined; // let a later call retry
      throw error;
    });
    return directoryReady;
  };

  const writer = coalescingWriter(async (stateJson: string) => {
    const tempFile = join(dataDir, tempFileName(STATE_FILE_NAME, ++tempCounter));
    try {
      await prepareDirectory();
      await replaceFileDurably(stateFile, tempFile, encodeStateFile(stateJson), fs);
    } catch (error) {
      throw new EmulatorSaveError(`Could not save the emulator state to ${stateFile}: ${describeFsError(error)}.`, {
        cause: error,
        file: stateFile,
      });
    }
  });

  const ensureOpen = (): void => {
    if (closed) throw new WhatsAppError(`The emulator state store for ${dataDir} is closed.`);
  };

  return {
    async load() {
      ensureOpen();
      await writer.idle(); // return what our own pending saves wrote, and keep clean-up away from their temp files
      try {
        await prepareDirectory();
      } catch (error) {
        throw new EmulatorDataError(
          `Cannot use the emulator data directory ${dataDir}: ${describeFsError(error)}. Fix it or use another --data-dir.`,
          { cause: error, file: dataDir },
        );
      }
      if (options.exclusive) {
        lock ??= lockDirectory(dataDir);
        try {
          await lock;
        } catch (error) {
          if (error instanceof EmulatorLockedError) throw error;
          throw new EmulatorDataError(`Cannot lock the emulator data directory ${dataDir}: ${describeFsError(error)}. Fix it or use another --data-dir.`, { cause: error, file: dataDir });
        }
      }
      await removeStaleTempFiles(dataDir, STATE_FILE_NAME);
      let text: string;
      try {
        text = await readFile(stateFile, 'utf8');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw new EmulatorDataError(
          `Cannot read the emulator state file ${stateFile}: ${describeFsError(error)}. ${recoveryHint(stateFile)}`,
          { cause: error, file: stateFile },
        );
      }
      return decodeStateFile(text, stateFile);
    },

    async save(snapshot) {
      ensureOpen();
      return writer.submit(snapshotToJson(snapshot));
    },

    async saveJson(stateJson) {
      ensureOpen();
      return writer.submit(stateJson);
    },

    async close() {
      closed = true;
      await writer.idle();
      const held = await lock?.catch(() => undefined);
      await held?.release();
    },
  };
}

/** A short, human explanation of a file system error. */
function describeFsError(error: unknown): string {
  const { code, message } = error as NodeJS.ErrnoException;
  const hint: Record<string, string> = {
    ENOSPC: 'the disk is full',
    EDQUOT: 'the disk quota is exceeded',
    EACCES: 'permission denied (check the owner and mode of the data directory)',
    EPERM: 'operation not permitted (check the owner and mode of the data directory)',
    EROFS: 'the file system is read-only',
    ENOTDIR: 'a part of the path is a file, not a directory',
    EISDIR: 'a directory is in the way',
    EIO: 'an I/O error occurred',
  };
  const explanation = code !== undefined ? hint[code] : undefined;
  return explanation === undefined ? String(message ?? error) : `${explanation} (${message})`;
}
