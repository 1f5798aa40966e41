/**
 * A save is acknowledged only after the state file and its directory are on disk: the temp file is fsynced before
 * the rename, the directory after it, and neither the save's promise nor the HTTP answer of a write comes before
 * both syncs finished. The file system is injected (filePersistence's `fs` option) and each sync is held open
 * until the test releases it, so "before" is proven, not hoped for.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createEmulator } from '../../src/emulator/index.js';
import { NODE_FILE_SYSTEM, type DurableFileSystem } from '../../src/emulator/persistence/durable-fs.js';
import { filePersistence, STATE_FILE_NAME } from '../../src/emulator/persistence/file.js';
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

describe('emulator: a write is answered only after its state is synced', () => {
  it.runIf(CAN_SYNC_DIRECTORIES)('holds the HTTP answer of a create until the directory sync finished', async () => {
    const dir = tempDir();
    const { fs, log, hold } = recordingFs(dir);
    const emu = createEmulator({ persistence: filePersistence(dir, { fs }) });
    const server = await emu.listen({ port: 0 });
    try {
      await rawRequest(server.url, `/${WABA}/flows`, { method: 'GET' });
      log.length = 0;
      const dirSync = hold('dir');
      let answered = false;
      const created = rawRequest(server.url, `/${WABA}/flows`, { json: { name: 'durable', categories: ['OTHER'], flow_json: JSON.stringify(simpleFlowJson()) } }).then((res) => {
        answered = true;
        log.push('acknowledged');
        return res;
      });
      await dirSync.reached;
      await new Promise((r) => setImmediate(r));
      expect(answered).toBe(false);
      dirSync.release();
      const res = await created;
      expect(res.status, res.text).toBe(200);
      expect(log).toEqual(SAVE_ORDER);
      expect(readFileSync(join(dir, STATE_FILE_NAME), 'utf8')).toContain(res.body.id);
    } finally {
      await server.close();
      await emu.close();
    }
  });
});
