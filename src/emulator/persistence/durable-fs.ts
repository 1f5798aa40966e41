import * as nodeFs from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';

/**
 * Crash-safe file system primitives (Node-only).
 *
 * `replaceFileDurably` never lets a reader see a partial file: the content goes to a temp file in the same
 * directory, is flushed with fsync, renamed over the target (atomic on POSIX file systems), and the directory
 * is flushed so the rename itself is on disk. A crash at any moment leaves either the old or the new file.
 */

/**
 * The file system calls the durable writes make. Node's by default; tests pass a recording wrapper to prove the
 * order of the syncs (the file and its directory are flushed before a save is acknowledged).
 */
export interface DurableFileSystem {
  open(path: string, flags: string, mode?: number): Promise<FileHandle>;
  rename(from: string, to: string): Promise<void>;
  unlink(path: string): Promise<void>;
  mkdir(path: string, options: { recursive: true; mode: number }): Promise<string | undefined>;
}

export const NODE_FILE_SYSTEM: DurableFileSystem = {
  open: (path, flags, mode) => nodeFs.open(path, flags, mode),
  rename: (from, to) => nodeFs.rename(from, to),
  unlink: (path) => nodeFs.unlink(path),
  mkdir: (path, options) => nodeFs.mkdir(path, options),
};

/** Directory fsync is a POSIX notion; Windows cannot open a directory for it, and NTFS journals renames anyway. */
const CAN_SYNC_DIRECTORIES = process.platform !== 'win32';

/** Creates `dir` and any missing parents with `mode`, and flushes the new directory entries to disk. */
export async function ensureDirectory(dir: string, mode: number, fs: DurableFileSystem = NODE_FILE_SYSTEM): Promise<void> {
  const target = resolve(dir);
  const firstCreated = await fs.mkdir(target, { recursive: true, mode });
  if (firstCreated === undefined) return;
  // Each newly created directory is an entry in its parent: flush the parents, deepest first.
  for (let created = target; ; created = dirname(created)) {
    const parent = dirname(created);
    await syncDirectory(parent, fs);
    if (created === resolve(firstCreated) || parent === created) break;
  }
}

/**
 * Atomically replaces `target` with `content`, durably. `tempFile` must be in the same directory as `target`
 * and must not exist. On failure the temp file is removed and `target` is unchanged (or already replaced, when
 * only the final directory flush failed).
 */
export async function replaceFileDurably(target: string, tempFile: string, content: string, fs: DurableFileSystem = NODE_FILE_SYSTEM): Promise<void> {
  let handle: FileHandle | undefined;
  try {
    handle = await fs.open(tempFile, 'wx', 0o600);
    await handle.writeFile(content, 'utf8');
    await handle.sync();
    await handle.close();
    handle = undefined;
    await fs.rename(tempFile, target);
  } catch (error) {
    await handle?.close().catch(() => {});
    await fs.unlink(tempFile).catch(() => {});
    throw error;
  }
  await syncDirectory(dirname(target), fs);
}

/** Flushes a directory's entries (creations, renames) to disk. */
export async function syncDirectory(dir: string, fs: DurableFileSystem = NODE_FILE_SYSTEM): Promise<void> {
  if (!CAN_SYNC_DIRECTORIES) return;
  const handle = await fs.open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
