import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { InvalidArgumentError } from '../../src/core/errors.js';
import { filePersistence, STATE_FILE_NAME } from '../../src/emulator/persistence/file.js';
import { memoryPersistence } from '../../src/emulator/persistence/memory.js';
import { EmulatorDataError, EmulatorSaveError, type EmulatorSnapshot } from '../../src/emulator/persistence/types.js';

// Fault injection: a pass-through fs/promises that can fail the next temp-file open or write.
// (Permission tests with chmod do not work when the tests run as root.)
const faults = vi.hoisted(() => ({ open: undefined as Error | undefined, write: undefined as Error | undefined }));
vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs/promises')>();
  const open: typeof actual.open = async (path, flags, mode) => {
    if (flags === 'wx' && faults.open) throw faults.open;
    const handle = await actual.open(path, flags, mode);
    const writeError = faults.write;
    if (flags === 'wx' && writeError) {
      // Write a little first, as a real ENOSPC would, then fail.
      handle.writeFile = async () => {
        await actual.appendFile(path as string, '{"format":1,"sha');
        throw writeError;
      };
    }
    return handle;
  };
  return { ...actual, open };
});

function fsError(code: string, message: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: ${message}`), { code });
}

const made: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'mca-persistence-'));
  made.push(dir);
  return dir;
}
afterEach(() => {
  faults.open = undefined;
  faults.write = undefined;
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempFilesIn(dir: string): string[] {
  return readdirSync(dir).filter((name) => name.endsWith('.tmp'));
}

async function expectDataError(dir: string, pattern: RegExp): Promise<EmulatorDataError> {
  const error = await filePersistence(dir).load().then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(EmulatorDataError);
  const message = (error as EmulatorDataError).message;
  expect(message).toMatch(pattern);
  expect(message).toContain(join(dir, STATE_FILE_NAME));
  expect(message).toMatch(/move it away .*or use another --data-dir/);
  return error as EmulatorDataError;
}

describe('memoryPersistence', () => {
  it('returns undefined before any save, then copies of the last snapshot', async () => {
    const store = memoryPersistence();
    expect(await store.load()).toBeUndefined();
    const snapshot = { flows: [{ id: '1' }], when: new Date(0), gone: undefined };
    await store.save(snapshot);
    snapshot.flows.push({ id: '2' });
    const loaded = await store.load();
    expect(loaded).toEqual({ flows: [{ id: '1' }], when: '1970-01-01T00:00:00.000Z' });
    (loaded!.flows as unknown[]).length = 0;
    expect((await store.load())!.flows).toHaveLength(1);
    await expect(store.save({ big: 1n })).rejects.toThrow(InvalidArgumentError);
    await store.close();
  });
});

describe('filePersistence', () => {
  it('round-trips a snapshot, including values whose JSON is easy to get wrong', async () => {
    const dir = tempDir();
    const snapshot: EmulatorSnapshot = {
      flows: { '10': { name: 'ten' }, '2': { name: 'two' }, b: null, a: [1, 0.1, 1e21, -5e-7, true, false] },
      text: 'é ✓ 👍 \u2028 "quoted" \\ \n lone \ud800 surrogate',
      empty: {},
    };
    const store = filePersistence(dir);
    await store.save(snapshot);
    await store.close();
    expect(await filePersistence(dir).load()).toEqual(snapshot);
    const onDisk = JSON.parse(readFileSync(join(dir, STATE_FILE_NAME), 'utf8'));
    expect(onDisk).toMatchObject({ format: 1, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(tempFilesIn(dir)).toEqual([]);
  });

  it('creates a missing data directory (mode 0700) with its parents', async () => {
    const dir = join(tempDir(), 'a', 'b', 'data');
    const store = filePersistence(dir);
    expect(await store.load()).toBeUndefined();
    expect(statSync(dir).isDirectory()).toBe(true);
    if (process.platform !== 'win32') expect(statSync(dir).mode & 0o777).toBe(0o700);
    await store.save({ n: 1 });
    expect(await filePersistence(dir).load()).toEqual({ n: 1 });
  });

  it('loads undefined from an empty directory', async () => {
    expect(await filePersistence(tempDir()).load()).toBeUndefined();
  });

  it('reports an unusable data directory', async () => {
    const file = join(tempDir(), 'not-a-dir');
    writeFileSync(file, 'x');
    await expect(filePersistence(file).load()).rejects.toThrow(EmulatorDataError);
    await expect(filePersistence(join(file, 'sub')).load()).rejects.toThrow(/not a directory.*another --data-dir/);
  });

  describe('refuses a bad state file with EmulatorDataError and leaves it in place', () => {
    async function withValidFile(): Promise<{ dir: string; file: string; text: string }> {
      const dir = tempDir();
      await filePersistence(dir).save({ flows: [{ id: 'f1', status: 'DRAFT' }], counter: 41 });
      const file = join(dir, STATE_FILE_NAME);
      return { dir, file, text: readFileSync(file, 'utf8') };
    }

    it('garbage bytes', async () => {
      const dir = tempDir();
      const garbage = Buffer.from([0x00, 0xff, 0xfe, 0x13, 0x37, 0x80, 0x7b, 0x22, 0x0a]);
      writeFileSync(join(dir, STATE_FILE_NAME), garbage);
      await expectDataError(dir, /is not an emulator state file: it is not valid JSON/);
      expect(readFileSync(join(dir, STATE_FILE_NAME))).toEqual(garbage);
    });

    it('valid JSON that is not a state file', async () => {
      const dir = tempDir();
      writeFileSync(join(dir, STATE_FILE_NAME), '{"flows":[]}');
      await expectDataError(dir, /no "format" field/);
    });

    it('an empty file', async () => {
      const dir = tempDir();
      writeFileSync(join(dir, STATE_FILE_NAME), '');
      await expectDataError(dir, /is empty/);
    });

    it('a truncated file (the valid file cut in half)', async () => {
      const { dir, file, text } = await withValidFile();
      const half = text.slice(0, Math.floor(text.length / 2));
      writeFileSync(file, half);
      await expectDataError(dir, /is truncated/);
      expect(readFileSync(file, 'utf8')).toBe(half);
    });

    it('a checksum mismatch (one value edited)', async () => {
      const { dir, file, text } = await withValidFile();
      const document = JSON.parse(text);
      document.state.counter = 42;
      writeFileSync(file, JSON.stringify(document));
      await expectDataError(dir, /fails its checksum.*edited or damaged/);
    });

    it('an unknown format version', async () => {
      const { dir, file, text } = await withValidFile();
      writeFileSync(file, text.replace('{"format":1,', '{"format":2,'));
      await expectDataError(dir, /unknown format version 2, probably written by a newer version.*reads format 1/);
    });

    it('a missing checksum', async () => {
      const { dir, file, text } = await withValidFile();
      const document = JSON.parse(text);
      delete document.sha256;
      writeFileSync(file, JSON.stringify(document));
      await expectDataError(dir, /no valid "sha256" checksum/);
    });
  });

  it('ignores and removes temp files left by a crashed writer', async () => {
    const dir = tempDir();
    await filePersistence(dir).save({ n: 7 });
    const deadPid = 2 ** 30; // above any Linux/macOS pid_max
    writeFileSync(join(dir, `.${STATE_FILE_NAME}.${deadPid}.1.tmp`), '{"format":1,"sha256":"ab');
    writeFileSync(join(dir, 'unrelated.tmp'), 'keep me');
    expect(await filePersistence(dir).load()).toEqual({ n: 7 });
    expect(tempFilesIn(dir)).toEqual(['unrelated.tmp']);
  });

  it('serialises 50 concurrent saves: every promise resolves and the last snapshot wins', async () => {
    const dir = tempDir();
    const store = filePersistence(dir);
    const settled: number[] = [];
    const saves = Array.from({ length: 50 }, (_, i) => store.save({ n: i + 1, items: [i] }).then(() => settled.push(i + 1)));
    await Promise.all(saves);
    expect(settled).toHaveLength(50);
    expect(await store.load()).toEqual({ n: 50, items: [49] });
    expect(await filePersistence(dir).load()).toEqual({ n: 50, items: [49] });
    expect(tempFilesIn(dir)).toEqual([]);
  });

  it('takes the snapshot at call time, not when the queued write runs', async () => {
    const dir = tempDir();
    const store = filePersistence(dir);
    const state = { n: 1 };
    const first = store.save({ ...state });
    const second = store.save(state);
    state.n = 99;
    await Promise.all([first, second]);
    expect(await filePersistence(dir).load()).toEqual({ n: 1 });
  });

  it('close waits for pending saves; later calls are refused', async () => {
    const dir = tempDir();
    const store = filePersistence(dir);
    const pending = store.save({ n: 3 });
    await store.close();
    await pending;
    expect(await filePersistence(dir).load()).toEqual({ n: 3 });
    await expect(store.save({ n: 4 })).rejects.toThrow(/closed/);
    await expect(store.load()).rejects.toThrow(/closed/);
  });

  it('rejects a snapshot that is not JSON without disturbing other saves', async () => {
    const dir = tempDir();
    const store = filePersistence(dir);
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    await expect(store.save(cyclic)).rejects.toThrow(/cannot be stored as JSON/);
    await expect(store.save({ n: 1n })).rejects.toThrow(InvalidArgumentError);
    await store.save({ n: 1 });
    expect(await store.load()).toEqual({ n: 1 });
  });

  it('a write failing with ENOSPC rejects that save clearly and keeps the previous state', async () => {
    const dir = tempDir();
    const store = filePersistence(dir);
    await store.save({ n: 1 });
    const before = readFileSync(join(dir, STATE_FILE_NAME), 'utf8');

    faults.write = fsError('ENOSPC', 'no space left on device, write');
    const error = await store.save({ n: 2 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EmulatorSaveError);
    expect((error as Error).message).toContain(join(dir, STATE_FILE_NAME));
    expect((error as Error).message).toMatch(/the disk is full/);
    expect((error as Error).cause).toBe(faults.write);
    expect(readFileSync(join(dir, STATE_FILE_NAME), 'utf8')).toBe(before);
    expect(tempFilesIn(dir)).toEqual([]);

    faults.write = undefined;
    await store.save({ n: 3 });
    expect(await filePersistence(dir).load()).toEqual({ n: 3 });
  });

  it('a save failing with EACCES rejects every caller coalesced into it, and the next save still works', async () => {
    const dir = tempDir();
    const store = filePersistence(dir);
    await store.save({ n: 1 });
    faults.open = fsError('EACCES', 'permission denied, open');
    const running = store.save({ n: 2 });
    const queued = [store.save({ n: 3 }), store.save({ n: 4 })];
    const results = await Promise.allSettled([running, ...queued]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected', 'rejected']);
    expect(String((results[0] as PromiseRejectedResult).reason)).toMatch(/EmulatorSaveError: .*permission denied/);
    expect(await filePersistence(dir).load()).toEqual({ n: 1 });

    faults.open = undefined;
    await store.save({ n: 5 });
    expect(await store.load()).toEqual({ n: 5 });
  });
});

describe('filePersistence survives kill -9', () => {
  const here = dirname(fileURLToPath(import.meta.url));
  const saveLoop = join(here, 'fixtures', 'save-loop.mjs');
  let buildDir: string;
  let bundle: string;

  beforeAll(() => {
    // The child runs plain Node, so give it the module as JavaScript: bundle the TypeScript source.
    buildDir = mkdtempSync(join(tmpdir(), 'mca-persistence-build-'));
    bundle = join(buildDir, 'file-persistence.mjs');
    buildSync({
      entryPoints: [join(here, '../../src/emulator/persistence/file.ts')],
      outfile: bundle,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      logLevel: 'silent',
    });
  });
  afterAll(() => rmSync(buildDir, { recursive: true, force: true }));

  /** Runs the save loop, kills it with SIGKILL after `killAfterAcks` acks, and returns every ack it printed. */
  function runAndKill(dataDir: string, killAfterAcks: number, mode: 'snapshot' | 'change' = 'snapshot'): Promise<{ acks: number[]; signal: string | null }> {
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [saveLoop, bundle, dataDir, '100000', mode], { stdio: ['ignore', 'pipe', 'pipe'] });
      const acks: number[] = [];
      let stdout = '';
      let stderr = '';
      let killing = false;
      // Only a safety net against a hung child; the assertions do not depend on timing.
      const safety = setTimeout(() => child.kill('SIGKILL'), 5_000);
      child.stderr.on('data', (chunk: Buffer) => void (stderr += chunk.toString()));
      child.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
        const lines = stdout.split('\n');
        stdout = lines.pop() ?? '';
        for (const line of lines) acks.push(Number(/^ack (\d+)$/.exec(line)?.[1] ?? NaN));
        if (!killing && acks.length >= killAfterAcks) {
          killing = true;
          // Kill at a random moment: at once (the child has just begun the next save), or a little later.
          const delay = Math.random() < 0.5 ? 0 : Math.random() * 8;
          if (delay === 0) child.kill('SIGKILL');
          else setTimeout(() => child.kill('SIGKILL'), delay);
        }
      });
      child.on('error', reject);
      child.on('close', (_code, signal) => {
        clearTimeout(safety);
        if (!killing) reject(new Error(`save loop ended before ${killAfterAcks} acks (signal ${signal}): ${stderr}`));
        else resolve({ acks, signal });
      });
    });
  }

  it('every acknowledged save is on disk and the file is valid after SIGKILL', async () => {
    const started = Date.now();
    for (let round = 0; round < 12 && Date.now() - started < 8_000; round++) {
      const dataDir = join(tempDir(), 'data');
      const { acks, signal } = await runAndKill(dataDir, 1 + Math.floor(Math.random() * 30));
      expect(signal).toBe('SIGKILL');
      expect(acks.every((n, i) => n === i + 1)).toBe(true);
      const lastAcked = acks.length;
      expect(lastAcked).toBeGreaterThan(0);

      const loaded = await filePersistence(dataDir).load(); // throws if the file is corrupt or half-written
      expect(loaded).toBeDefined();
      const n = loaded!.n as number;
      expect(n).toBeGreaterThanOrEqual(lastAcked);
      expect(n).toBeLessThanOrEqual(lastAcked + 1); // at most the save in flight when the child died
      expect((loaded!.items as unknown[]).length).toBe(1000);
      expect(tempFilesIn(dataDir)).toEqual([]); // the dead child's temp file, if any, is cleaned up
    }
  }, 15_000);

  it('every acknowledged journal change is there after SIGKILL, none twice, across restarts and compactions', async () => {
    const started = Date.now();
    const dataDir = join(tempDir(), 'data');
    let torn = 0;
    for (let round = 0; round < 12 && Date.now() - started < 8_000; round++) {
      const { acks, signal } = await runAndKill(dataDir, 1 + Math.floor(Math.random() * 30), 'change');
      expect(signal).toBe('SIGKILL');
      const lastAcked = acks.at(-1)!;
      expect(lastAcked).toBeGreaterThan(0);
      const store = filePersistence(dataDir);
      const loaded = (await store.load()) as { n: number; items: number[] }; // throws if anything but a torn tail is wrong
      if (store.lastRecovery()?.tornTail) torn++;
      expect(loaded.n).toBeGreaterThanOrEqual(lastAcked);
      expect(loaded.n).toBeLessThanOrEqual(lastAcked + 1); // at most the change in flight when the child died
      expect(loaded.items).toEqual(Array.from({ length: loaded.n }, (_, i) => i + 1)); // no change lost or applied twice
      await store.close();
    }
    expect(torn).toBeGreaterThanOrEqual(0); // reported when a kill cut an append; how often is up to the scheduler
  }, 15_000);
});

