/**
 * The emulator's state on disk (Node-only): a snapshot file plus an append-only journal of changes.
 *
 * Why a journal and not an embedded database (issue 13): the emulator's state is one JSON document that the store
 * already changes entity by entity, and its durability promise (every acknowledged write survives `kill -9`, a torn
 * write is detected at start) needs only "append, fsync, then acknowledge" plus a checksum per record. A journal
 * does that in about two hundred lines with no dependency, keeps the files readable JSON, and works wherever Node
 * does; SQLite (better-sqlite3) would add a native optional dependency, a build on every platform without a
 * prebuilt binary, and a second representation of the same entities, for queries the emulator does not need (it
 * keeps its indexes in memory).
 *
 * Files in the data directory:
 * - `emulator-state.json`: the snapshot (state-file-format.ts): the whole state, with a SHA-256 checksum and the
 *   `seq` of the last change it contains. Written atomically (temp file, fsync, rename, fsync of the directory).
 * - `emulator-journal.log`: the changes since the snapshot (journal-format.ts), one record per acknowledged write,
 *   fsynced before the write is acknowledged. When it outgrows the snapshot (`compaction`: more than `factor` ×
 *   the snapshot and more than `minBytes`), the next write first writes a fresh snapshot and empties the journal.
 *
 * Recovery (`load`): the snapshot, then every journal record after its `seq`. A torn last record (a crash during
 * its append, never acknowledged) is detected by its length and checksum, reported by `lastRecovery()`, and cut
 * off; any other damage, in either file, is an EmulatorDataError that names the file and leaves it in place.
 *
 * One emulator process per data directory: with `exclusive` (what the emulator uses), `load` first takes the
 * directory's lock (directory-lock.ts) and throws EmulatorLockedError while another live process holds it; `close`
 * releases it. `fs` replaces the file system calls of the durable writes (tests record the syncs).
 */
import { WhatsAppError } from '../../core/errors.js';
import type { FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { coalescingWriter } from './coalescing-writer.js';
import { EmulatorLockedError, lockDirectory, type DirectoryLock } from './directory-lock.js';
import { compactionDue, DEFAULT_COMPACTION, type CompactionPolicy } from './compaction.js';
import { ensureDirectory, NODE_FILE_SYSTEM, replaceFileDurably, syncDirectory, type DurableFileSystem } from './durable-fs.js';
import { describeFsError } from './fs-errors.js';
import { encodeJournalRecord } from './journal-format.js';
import { readStoredState } from './recovery.js';
import { snapshotToJson } from './snapshot-json.js';
import { encodeStateFile } from './state-file-format.js';
import { removeStaleTempFiles, tempFileName } from './temp-files.js';
import { EmulatorDataError, EmulatorSaveError, type EmulatorPersistence, type EmulatorSnapshot } from './types.js';

/** The snapshot file's name inside the data directory. */
export const STATE_FILE_NAME = 'emulator-state.json';
/** The journal file's name inside the data directory. */
export const JOURNAL_FILE_NAME = 'emulator-journal.log';


/** What the last `load` found. */
export interface RecoveryReport {
  /** Journal records applied on top of the snapshot. */
  replayed: number;
  /** Why a torn last journal record (an unacknowledged write cut by a crash) was dropped, when there was one. */
  tornTail?: string;
}

export interface FilePersistence extends EmulatorPersistence {
  saveChange(changeJson: string, snapshot: () => string): Promise<void>;
  lastRecovery(): RecoveryReport | undefined;
}

interface OnDisk {
  seq: number;
  snapshotExists: boolean;
  snapshotBytes: number;
  journalBytes: number;
  /** A failed append could not be rolled back: the next write compacts first. */
  broken: boolean;
}

export function filePersistence(dataDir: string, options: { exclusive?: boolean; fs?: DurableFileSystem; compaction?: CompactionPolicy } = {}): FilePersistence {
  const fs = options.fs ?? NODE_FILE_SYSTEM;
  const compaction = options.compaction ?? DEFAULT_COMPACTION;
  const stateFile = join(dataDir, STATE_FILE_NAME);
  const journalFile = join(dataDir, JOURNAL_FILE_NAME);
  let tempCounter = 0;
  let closed = false;
  let lock: Promise<DirectoryLock> | undefined;
  let onDisk: OnDisk | undefined;
  let report: RecoveryReport | undefined;
  let journal: Promise<FileHandle> | undefined;

  let directoryReady: Promise<void> | undefined;
  const prepareDirectory = (): Promise<void> => {
    directoryReady ??= ensureDirectory(dataDir, 0o700, fs).catch((error: unknown) => {
      directoryReady = undefined; // let a later call retry
      throw error;
    });
    return directoryReady;
  };

  // Every write (a change appended, a snapshot written) runs one at a time, in the order submitted.
  let chain: Promise<unknown> = Promise.resolve();
  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const run = chain.then(task);
    chain = run.catch(() => {});
    return run;
  };

  /** Reads both files (recovery.ts): the state they hold and where the next record goes. Cuts off a torn journal tail. */
  async function recover(): Promise<{ state: EmulatorSnapshot | undefined; disk: OnDisk }> {
    const found = await readStoredState(stateFile, journalFile);
    if (found.tornTail !== undefined) await cutJournal(found.journalBytes);
    report = { replayed: found.replayed, ...(found.tornTail !== undefined ? { tornTail: found.tornTail } : {}) };
    const disk = { seq: found.seq, snapshotExists: found.snapshotBytes !== undefined, snapshotBytes: found.snapshotBytes ?? 0, journalBytes: found.journalBytes, broken: false };
    return { state: found.state, disk };
  }

  /** Drops the torn tail so that new records follow the valid prefix. */
  async function cutJournal(validBytes: number): Promise<void> {
    const handle = await fs.open(journalFile, 'r+');
    try {
      await handle.truncate(validBytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
  }

  const openJournal = (): Promise<FileHandle> => {
    journal ??= (async () => {
      const handle = await fs.open(journalFile, 'a', 0o600);
      await syncDirectory(dataDir, fs).catch(async (error: unknown) => {
        await handle.close();
        throw error;
      });
      return handle;
    })().catch((error: unknown) => {
      journal = undefined;
      throw error;
    });
    return journal;
  };

  async function known(): Promise<OnDisk> {
    await prepareDirectory();
    onDisk ??= (await recover()).disk;
    return onDisk;
  }

  /** Writes the whole state as the snapshot (containing every change so far) and empties the journal. */
  async function writeSnapshot(disk: OnDisk, stateJson: string): Promise<void> {
    const tempFile = join(dataDir, tempFileName(STATE_FILE_NAME, ++tempCounter));
    await replaceFileDurably(stateFile, tempFile, encodeStateFile(stateJson, disk.seq), fs);
    disk.snapshotExists = true;
    disk.snapshotBytes = stateJson.length;
    if (disk.journalBytes > 0 || disk.broken) {
      const handle = await openJournal();
      await handle.truncate(0);
      await handle.sync();
      disk.journalBytes = 0;
      disk.broken = false;
    }
  }

  const saveError = (file: string, error: unknown) => new EmulatorSaveError(`Could not save the emulator state to ${file}: ${describeFsError(error)}.`, { cause: error, file });

  const writer = coalescingWriter((stateJson: string) =>
    serial(async () => {
      try {
        await writeSnapshot(await known(), stateJson);
      } catch (error) {
        if (error instanceof EmulatorDataError) throw error;
        throw saveError(stateFile, error);
      }
    }),
  );

  async function appendChange(changeJson: string, snapshot: () => string): Promise<void> {
    const disk = await known();
    const due = !disk.snapshotExists || disk.broken || compactionDue(compaction, disk.journalBytes, disk.snapshotBytes);
    if (due) {
      try {
        await writeSnapshot(disk, snapshot());
      } catch (error) {
        throw saveError(stateFile, error);
      }
    }
    const record = encodeJournalRecord(disk.seq + 1, changeJson);
    let handle: FileHandle | undefined;
    try {
      handle = await openJournal();
      for (let written = 0; written < record.length; ) written += (await handle.write(record, written, record.length - written)).bytesWritten;
      await handle.sync();
    } catch (error) {
      // Not acknowledged: take the partial record back out, so that the next record follows the valid prefix.
      try {
        if (!handle) throw error;
        await handle.truncate(disk.journalBytes);
        await handle.sync();
      } catch {
        disk.broken = true;
      }
      throw saveError(journalFile, error);
    }
    disk.seq++;
    disk.journalBytes += record.length;
  }

  const ensureOpen = (): void => {
    if (closed) throw new WhatsAppError(`The emulator state store for ${dataDir} is closed.`);
  };

  return {
    async load() {
      ensureOpen();
      await writer.idle(); // return what our own pending saves wrote, and keep clean-up away from their temp files
      await chain;
      try {
        await prepareDirectory();
      } catch (error) {
        throw new EmulatorDataError(`Cannot use the emulator data directory ${dataDir}: ${describeFsError(error)}. Fix it or use another --data-dir.`, { cause: error, file: dataDir });
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
      const { state, disk } = await recover();
      onDisk = disk;
      return state;
    },

    async save(snapshot) {
      ensureOpen();
      return writer.submit(snapshotToJson(snapshot));
    },

    async saveJson(stateJson) {
      ensureOpen();
      return writer.submit(stateJson);
    },

    async saveChange(changeJson, snapshot) {
      ensureOpen();
      return serial(() => appendChange(changeJson, snapshot));
    },

    lastRecovery: () => report,

    async close() {
      closed = true;
      await writer.idle();
      await chain;
      const handle = await journal?.catch(() => undefined);
      journal = undefined;
      await handle?.close().catch(() => {});
      const held = await lock?.catch(() => undefined);
      await held?.release();
    },
  };
}
