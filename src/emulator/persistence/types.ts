/**
 * The contract between the emulator's core and its durable store.
 *
 * Persistence treats the state as an opaque JSON document: the core decides what is in it, persistence only
 * keeps it safe. Two implementations exist: `memoryPersistence()` (memory.ts, keeps nothing across restarts)
 * and `filePersistence(dataDir)` (file.ts, Node-only, crash-safe).
 */
import { WhatsAppError } from '../../core/errors.js';

/** The emulator's whole state as plain JSON (objects, arrays, strings, numbers, booleans, null). Opaque to persistence. */
export type EmulatorSnapshot = Record<string, unknown>;

/** Where the emulator keeps its state between runs. */
export interface EmulatorPersistence {
  /** The last saved snapshot, or undefined when nothing was ever saved. Throws EmulatorDataError when the data is corrupt or half-written. */
  load(): Promise<EmulatorSnapshot | undefined>;
  /** Durably saves the snapshot: when the returned promise resolves, the data survives `kill -9` and power loss (fsync). Concurrent calls are serialised; the last call's snapshot wins. */
  save(snapshot: EmulatorSnapshot): Promise<void>;
  /**
   * Optional: like `save`, for a snapshot the emulator has already serialised with JSON.stringify (it measures the
   * state's size on every change, so a store that writes JSON text need not serialise it a second time).
   */
  saveJson?(stateJson: string): Promise<void>;
  /**
   * Optional: durably records one change (a `DocumentChange` as JSON text, document-change.ts) instead of the whole
   * state, so the cost of a write follows the size of the change, not of the state. When the promise resolves the
   * change survives `kill -9`. `snapshot()` returns the whole state as saved so far (before this change); the store
   * calls it only to compact. The emulator uses this when present, `saveJson`/`save` otherwise.
   */
  saveChange?(changeJson: string, snapshot: () => string): Promise<void>;
  /** Releases resources (e.g. waits for pending saves). */
  close(): Promise<void>;
}

/**
 * The stored state cannot be used: the file is corrupt, half-written, from an unknown format version, or
 * unreadable. The message names the file, says what is wrong and how to recover. Persistence never replaces
 * such a file with an empty state on its own.
 */
export class EmulatorDataError extends WhatsAppError {
  /** The file or directory at fault, when known. */
  readonly file: string | undefined;

  constructor(message: string, options?: { cause?: unknown; file?: string }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'EmulatorDataError';
    this.file = options?.file;
  }
}

/**
 * A save did not reach the disk (for example the disk is full or the directory is not writable). The state that
 * was on disk before is left intact. The message names the file and the reason; `cause` is the original error.
 */
export class EmulatorSaveError extends WhatsAppError {
  /** The state file that could not be written, when known. */
  readonly file: string | undefined;

  constructor(message: string, options?: { cause?: unknown; file?: string }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'EmulatorSaveError';
    this.file = options?.file;
  }
}
