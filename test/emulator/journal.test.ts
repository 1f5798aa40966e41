/**
 * The data directory's journal (src/emulator/persistence/file.ts, journal-format.ts): every change is one record
 * after the snapshot; a load replays the valid prefix; a torn last record (a crash mid-append) is detected by its
 * length and checksum, reported and cut off; other damage is refused; compaction folds the journal into a new
 * snapshot, and records a crash left behind after compaction are not applied twice.
 */
import { appendFileSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { NODE_FILE_SYSTEM, type DurableFileSystem } from '../../src/emulator/persistence/durable-fs.js';
import { filePersistence, JOURNAL_FILE_NAME, STATE_FILE_NAME } from '../../src/emulator/persistence/file.js';
import { encodeJournalRecord } from '../../src/emulator/persistence/journal-format.js';
import { encodeStateFile } from '../../src/emulator/persistence/state-file-format.js';
import { EmulatorDataError } from '../../src/emulator/persistence/types.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'mca-journal-'));
  dirs.push(dir);
  return dir;
}

const base = () => JSON.stringify({ items: [], byId: {} });
const change = (n: number) => JSON.stringify({ set: { n }, put: { byId: { [`k${n}`]: { n } } }, append: { items: [n] } });
const expected = (n: number) => ({ n, items: Array.from({ length: n }, (_, i) => i + 1), byId: Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i + 1}`, { n: i + 1 }])) });

async function journalOf(dir: string, changes: number): Promise<{ journal: string; data: Buffer }> {
  const store = filePersistence(dir);
  await store.load();
  for (let n = 1; n <= changes; n++) await store.saveChange(change(n), base);
  await store.close();
  const journal = join(dir, JOURNAL_FILE_NAME);
  return { journal, data: readFileSync(journal) };
}

describe('recovery', () => {
  it('replays every change on the snapshot, in order', async () => {
    const dir = tempDir();
    await journalOf(dir, 5);
    const store = filePersistence(dir);
    expect(await store.load()).toEqual(expected(5));
    expect(store.lastRecovery()).toEqual({ replayed: 5 });
    // One record per change, nothing else: the snapshot holds only the empty base.
    expect(JSON.parse(readFileSync(join(dir, STATE_FILE_NAME), 'utf8'))).toMatchObject({ seq: 0, state: { items: [], byId: {} } });
  });

  it('a torn last record (cut mid-append) is detected, reported, cut off, and later changes follow the valid prefix', async () => {
    const dir = tempDir();
    const { journal, data } = await journalOf(dir, 3);
    const torn = encodeJournalRecord(4, change(4));
    appendFileSync(journal, torn.subarray(0, torn.length - 7));
    const store = filePersistence(dir);
    expect(await store.load()).toEqual(expected(3));
    expect(store.lastRecovery()?.tornTail).toMatch(/last record \(seq 4\) is cut short/);
    expect(statSync(journal).size).toBe(data.length);
    await store.saveChange(change(4), base);
    await store.close();
    const again = filePersistence(dir);
    expect(await again.load()).toEqual(expected(4));
    expect(again.lastRecovery()).toEqual({ replayed: 4 });
  });

  it('a torn header and a last record failing its checksum are torn tails too', async () => {
    const dir = tempDir();
    const { journal, data } = await journalOf(dir, 2);
    appendFileSync(journal, 'J 3 4');
    const store = filePersistence(dir);
    expect(await store.load()).toEqual(expected(2));
    expect(store.lastRecovery()?.tornTail).toMatch(/header is cut short/);

    const record = encodeJournalRecord(3, change(3));
    record[record.length - 3] = record[record.length - 3]! ^ 0x01; // one bit of the body flipped
    writeFileSync(journal, Buffer.concat([data, record]));
    const second = filePersistence(dir);
    expect(await second.load()).toEqual(expected(2));
    expect(second.lastRecovery()?.tornTail).toMatch(/last record \(seq 3\) fails its checksum/);
  });

  it('a damaged record followed by others is refused with EmulatorDataError, and the journal is left as it is', async () => {
    const dir = tempDir();
    const { journal, data } = await journalOf(dir, 3);
    const damaged = Buffer.from(data);
    const at = data.indexOf('\n') + 5; // in the body of the first record
    damaged[at] = damaged[at]! ^ 0x01;
    writeFileSync(journal, damaged);
    const error = await filePersistence(dir).load().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EmulatorDataError);
    expect((error as Error).message).toContain(journal);
    expect((error as Error).message).toMatch(/is damaged: the record at byte 0 \(seq 1\) fails its checksum/);
    expect((error as Error).message).toMatch(/move it away .*or use another --data-dir/);
    expect(readFileSync(journal)).toEqual(damaged);
  });

  it('missing records and a journal without its snapshot are refused', async () => {
    const dir = tempDir();
    const { journal } = await journalOf(dir, 1);
    appendFileSync(journal, encodeJournalRecord(3, change(3)));
    await expect(filePersistence(dir).load()).rejects.toThrow(/skips from change 1 to change 3: records are missing/);

    const lone = tempDir();
    writeFileSync(join(lone, JOURNAL_FILE_NAME), encodeJournalRecord(1, change(1)));
    await expect(filePersistence(lone).load()).rejects.toThrow(/holds changes but the snapshot .* is missing/);
  });
});

describe('compaction', () => {
  it('folds the journal into a new snapshot once it outgrows it, and the state is the same', async () => {
    const dir = tempDir();
    const store = filePersistence(dir, { compaction: { factor: 2, minBytes: 0 } });
    await store.load();
    const snapshots: number[] = [];
    let current = { n: 0, items: [] as number[], byId: {} as Record<string, unknown> };
    for (let n = 1; n <= 20; n++) {
      await store.saveChange(change(n), () => {
        snapshots.push(n);
        return JSON.stringify(current);
      });
      current = expected(n);
    }
    await store.close();
    expect(snapshots.length).toBeGreaterThan(1); // the base snapshot, then compactions
    expect(snapshots.length).toBeLessThan(15); // not on every write
    const last = snapshots.at(-1)!;
    const file = JSON.parse(readFileSync(join(dir, STATE_FILE_NAME), 'utf8')) as { seq: number };
    expect(file.seq).toBe(last - 1); // the snapshot holds every change before the one that triggered it
    const reloaded = filePersistence(dir);
    expect(await reloaded.load()).toEqual(expected(20));
    expect(reloaded.lastRecovery()).toEqual({ replayed: 20 - (last - 1) });
  });

  it('records left behind by a crash between the new snapshot and the emptied journal are not applied twice', async () => {
    const dir = tempDir();
    const { journal } = await journalOf(dir, 4);
    // As if compaction wrote a snapshot holding changes 1-3 and the process died before emptying the journal.
    writeFileSync(join(dir, STATE_FILE_NAME), encodeStateFile(JSON.stringify(expected(3)), 3));
    const store = filePersistence(dir);
    expect(await store.load()).toEqual(expected(4));
    expect(store.lastRecovery()).toEqual({ replayed: 1 });
    expect(readFileSync(journal).length).toBeGreaterThan(0);
  });

  it('a full save replaces the journal: changes before it are not replayed on top', async () => {
    const dir = tempDir();
    await journalOf(dir, 3);
    const store = filePersistence(dir);
    await store.save({ fresh: true });
    await store.close();
    expect(await filePersistence(dir).load()).toEqual({ fresh: true });
  });

  it('an append that fails half-way (disk full) is taken back out, and the next change follows the valid prefix', async () => {
    const dir = tempDir();
    const { journal, data } = await journalOf(dir, 2);
    let failNext = false;
    const fs: DurableFileSystem = {
      ...NODE_FILE_SYSTEM,
      async open(path, flags, mode) {
        const handle = await NODE_FILE_SYSTEM.open(path, flags, mode);
        if (path !== journal) return handle;
        const write = handle.write.bind(handle) as (buffer: Buffer, offset: number, length: number) => Promise<{ bytesWritten: number }>;
        (handle as unknown as { write: typeof write }).write = async (buffer, offset, length) => {
          if (!failNext) return write(buffer, offset, length);
          failNext = false;
          await write(buffer, offset, Math.floor(length / 2)); // part of the record reaches the file, as with ENOSPC
          throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
        };
        return handle;
      },
    };
    const store = filePersistence(dir, { fs });
    await store.load();
    failNext = true;
    await expect(store.saveChange(change(3), base)).rejects.toThrow(/Could not save the emulator state to .*emulator-journal\.log: the disk is full/);
    expect(readFileSync(journal)).toEqual(data);
    await store.saveChange(change(3), base);
    await store.close();
    const reloaded = filePersistence(dir);
    expect(await reloaded.load()).toEqual(expected(3));
    expect(reloaded.lastRecovery()).toEqual({ replayed: 3 });
  });
});
