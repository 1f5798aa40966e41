/**
 * A save is acknowledged only after the state file and its directory are on disk: the temp file is fsynced before
 * the rename, the directory after it, and neither the save's promise nor the HTTP answer of a write comes before
 * both syncs finished. A change (`saveChange`, what the emulator uses) is acknowledged only after its journal
 * record is fsynced. The file system is injected (filePersistence's `fs` option) and each sync is held open
 * until the test releases it, so "before" is proven, not hoped for.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createEmulator } from '../../src/emulator/index.js';
import { NODE_FILE_SYSTEM, type DurableFileSystem } from '../../src/emulator/persistence/durable-fs.js';
import { filePersistence, JOURNAL_FILE_NAME, STATE_FILE_NAME } from '../../src/emulator/persistence/file.js';
import { rawRequest, simpleFlowJson, WABA } from './helpers/emulator.js';

const CAN_SYNC_DIRECTORIES = process.platform !== 'win32';
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'mca-fsync-'));
  dirs.push(dir);
  return dir;
}

interface Deferred {
  promise: Promise<void>;
  resolve(): void;
}
function deferred(): Deferred {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

/**
 * A pass-through file system that logs each sync and rename. While `hold` is set, the next sync of that kind
 * waits for the test to release it; `reached` resolves when that sync has started.
 */
function recordingFs(dataDir: string) {
  const log: string[] = [];
  const holds: Partial<Record<'file' | 'dir', { reached: Deferred; release: Deferred }>> = {};
  const fs: DurableFileSystem = {
    ...NODE_FILE_SYSTEM,
    async open(path, flags, mode) {
      const handle = await NODE_FILE_SYSTEM.open(path, flags, mode);
      const kind = path === dataDir ? 'dir' : 'file';
      const sync = handle.sync.bind(handle);
      handle.sync = async () => {
        const hold = holds[kind];
        log.push(kind === 'dir' ? 'sync dir' : `sync ${path.endsWith('.tmp') ? 'temp file' : basename(path)}`);
        if (hold) {
          delete holds[kind];
          hold.reached.resolve();
          await hold.release.promise;
        }
        await sync();
      };
      return handle;
    },
    async rename(from, to) {
      log.push(`rename ${from.endsWith('.tmp') ? 'temp file' : basename(from)} -> ${basename(to)}`);
      await NODE_FILE_SYSTEM.rename(from, to);
    },
  };
  const hold = (kind: 'file' | 'dir') => {
    const h = { reached: deferred(), release: deferred() };
    holds[kind] = h;
    return { reached: h.reached.promise, release: h.release.resolve };
  };
  return { fs, log, hold };
}

const SAVE_ORDER = CAN_SYNC_DIRECTORIES
  ? ['sync temp file', `rename temp file -> ${STATE_FILE_NAME}`, 'sync dir', 'acknowledged']
  : ['sync temp file', `rename temp file -> ${STATE_FILE_NAME}`, 'acknowledged'];

describe('filePersistence: the file and the directory are synced before a save resolves', () => {
  it('syncs the temp file before the rename and the directory after it, then acknowledges', async () => {
    const dir = tempDir();
    const { fs, log } = recordingFs(dir);
    const store = filePersistence(dir, { fs });
    await store.load();
    log.length = 0;
    await store.saveJson!('{"flows":{}}');
    log.push('acknowledged');
    expect(log).toEqual(SAVE_ORDER);
    await store.close();
  });

  it('does not resolve while the temp file sync is still running', async () => {
    const dir = tempDir();
    const { fs, log, hold } = recordingFs(dir);
    const store = filePersistence(dir, { fs });
    await store.load();
    const fileSync = hold('file');
    let acknowledged = false;
    const saved = store.saveJson!('{"flows":{}}').then(() => {
      acknowledged = true;
    });
    await fileSync.reached;
    await new Promise((r) => setImmediate(r));
    expect(acknowledged).toBe(false);
    expect(log).not.toContain(`rename temp file -> ${STATE_FILE_NAME}`);
    fileSync.release();
    await saved;
    expect(acknowledged).toBe(true);
    await store.close();
  });

  it.runIf(CAN_SYNC_DIRECTORIES)('does not resolve while the directory sync is still running', async () => {
    const dir = tempDir();
    const { fs, hold } = recordingFs(dir);
    const store = filePersistence(dir, { fs });
    await store.load();
    const dirSync = hold('dir');
    let acknowledged = false;
    const saved = store.saveJson!('{"flows":{}}').then(() => {
      acknowledged = true;
    });
    await dirSync.reached;
    await new Promise((r) => setImmediate(r));
    expect(acknowledged).toBe(false);
    dirSync.release();
    await saved;
    expect(acknowledged).toBe(true);
    await store.close();
  });
});

describe('filePersistence: a change is appended to the journal and synced before saveChange resolves', () => {
  it('the first change writes the base snapshot (synced) first; later ones only append and sync the journal', async () => {
    const dir = tempDir();
    const { fs, log } = recordingFs(dir);
    const store = filePersistence(dir, { fs });
    await store.load();
    log.length = 0;
    await store.saveChange('{"put":{"flows":{"1":{"id":"1"}}}}', () => '{"flows":{}}');
    log.push('acknowledged');
    const directory = CAN_SYNC_DIRECTORIES ? ['sync dir'] : [];
    expect(log).toEqual([...SAVE_ORDER.slice(0, -1), ...directory, `sync ${JOURNAL_FILE_NAME}`, 'acknowledged']);
    log.length = 0;
    await store.saveChange('{"put":{"flows":{"2":{"id":"2"}}}}', () => {
      throw new Error('no compaction expected');
    });
    log.push('acknowledged');
    expect(log).toEqual([`sync ${JOURNAL_FILE_NAME}`, 'acknowledged']);
    await store.close();
    expect(await filePersistence(dir).load()).toEqual({ flows: { '1': { id: '1' }, '2': { id: '2' } } });
  });

  it('does not resolve while the journal sync is still running', async () => {
    const dir = tempDir();
    const { fs, hold } = recordingFs(dir);
    const store = filePersistence(dir, { fs });
    await store.load();
    await store.saveChange('{"set":{"n":1}}', () => '{}');
    const journalSync = hold('file');
    let acknowledged = false;
    const saved = store.saveChange('{"set":{"n":2}}', () => '{}').then(() => {
      acknowledged = true;
    });
    await journalSync.reached;
    await new Promise((r) => setImmediate(r));
    expect(acknowledged).toBe(false);
    journalSync.release();
    await saved;
    expect(acknowledged).toBe(true);
    await store.close();
  });
});

describe('emulator: a write is answered only after its change is synced', () => {
  it('holds the HTTP answer of a create until the journal sync finished', async () => {
    const dir = tempDir();
    const { fs, log, hold } = recordingFs(dir);
    const emu = createEmulator({ persistence: filePersistence(dir, { fs }) });
    const server = await emu.listen({ port: 0 });
    try {
      const flowJson = JSON.stringify(simpleFlowJson());
      expect((await rawRequest(server.url, `/${WABA}/flows`, { json: { name: 'first', categories: ['OTHER'] } })).status).toBe(200); // writes the base snapshot
      log.length = 0;
      const journalSync = hold('file');
      let answered = false;
      const created = rawRequest(server.url, `/${WABA}/flows`, { json: { name: 'durable', categories: ['OTHER'], flow_json: flowJson } }).then((res) => {
        answered = true;
        log.push('acknowledged');
        return res;
      });
      await journalSync.reached;
      await new Promise((r) => setImmediate(r));
      expect(answered).toBe(false);
      journalSync.release();
      const res = await created;
      expect(res.status, res.text).toBe(200);
      expect(log).toEqual([`sync ${JOURNAL_FILE_NAME}`, 'acknowledged']);
      expect(readFileSync(join(dir, JOURNAL_FILE_NAME), 'utf8')).toContain(res.body.id);
    } finally {
      await server.close();
      await emu.close();
    }
  });
});
