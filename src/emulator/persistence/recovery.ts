/**
 * Recovery of the data directory (file.ts): the snapshot, then every journal record after the snapshot's `seq`, in
 * order. A torn last record is reported (and file.ts cuts it off); anything else that is wrong (a damaged record
 * with records after it, a gap in the sequence, changes without their snapshot, a change that does not fit) is an
 * EmulatorDataError naming the file and how to recover. Never an empty state in place of a bad one.
 */
import { readFile } from 'node:fs/promises';
import { applyDocumentChange, type DocumentChange } from './document-change.js';
import { describeFsError } from './fs-errors.js';
import { scanJournal, type JournalScan } from './journal-format.js';
import { decodeStateFile, recoveryHint } from './state-file-format.js';
import { EmulatorDataError, type EmulatorSnapshot } from './types.js';

export interface StoredState {
  state: EmulatorSnapshot | undefined;
  /** The last change the state contains. */
  seq: number;
  /** The snapshot file's size in characters (undefined: there is none). */
  snapshotBytes: number | undefined;
  /** Bytes of the journal's valid prefix. */
  journalBytes: number;
  replayed: number;
  tornTail?: string;
}

export async function readStoredState(stateFile: string, journalFile: string): Promise<StoredState> {
  const snapshotText = await readIfPresent(stateFile, 'utf8', 'the emulator state file');
  const snapshot = snapshotText === undefined ? undefined : decodeStateFile(snapshotText, stateFile);
  const journal = (await readIfPresent(journalFile, null, 'the emulator journal')) ?? Buffer.alloc(0);
  const damaged = (what: string, cause?: unknown) => new EmulatorDataError(`Emulator journal ${journalFile} ${what}. ${recoveryHint(journalFile)}`, { cause, file: journalFile });
  let scan: JournalScan;
  try {
    scan = scanJournal(journal);
  } catch (error) {
    throw damaged(`is damaged: ${(error as Error).message}`, error);
  }
  let seq = snapshot?.seq ?? 0;
  const state = snapshot?.state;
  let replayed = 0;
  for (const record of scan.records) {
    if (record.seq <= seq) continue; // already in the snapshot (a crash during compaction left it behind)
    if (record.seq !== seq + 1) throw damaged(`skips from change ${seq} to change ${record.seq}: records are missing`);
    if (!state) throw damaged(`holds changes but the snapshot ${stateFile} they apply to is missing`);
    try {
      applyDocumentChange(state, JSON.parse(record.body) as DocumentChange);
    } catch (error) {
      throw damaged(`has a change (seq ${record.seq}) that cannot be applied: ${(error as Error).message}`, error);
    }
    seq = record.seq;
    replayed++;
  }
  return { state, seq, snapshotBytes: snapshotText?.length, journalBytes: scan.validBytes, replayed, ...(scan.tornTail !== undefined ? { tornTail: scan.tornTail } : {}) };
}

async function readIfPresent(file: string, encoding: 'utf8', what: string): Promise<string | undefined>;
async function readIfPresent(file: string, encoding: null, what: string): Promise<Buffer | undefined>;
async function readIfPresent(file: string, encoding: 'utf8' | null, what: string): Promise<string | Buffer | undefined> {
  try {
    return encoding === null ? await readFile(file) : await readFile(file, encoding);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new EmulatorDataError(`Cannot read ${what} ${file}: ${describeFsError(error)}. ${recoveryHint(file)}`, { cause: error, file });
  }
}
