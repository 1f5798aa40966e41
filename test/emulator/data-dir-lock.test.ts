/**
 * Issue 10 #7: one emulator per data directory. A second process on the same directory refuses to start, naming
 * the PID that holds it and the lock file; the lock goes away on close; a lock left by a dead process is taken over.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createEmulator } from '../../src/emulator/index.js';
import { EmulatorLockedError, LOCK_FILE_NAME } from '../../src/emulator/persistence/directory-lock.js';
import { main } from '../../src/cli/cli.js';
import { nodeIO } from '../../src/cli/io.js';
import { rawRequest, WABA } from './helpers/emulator.js';

const here = dirname(fileURLToPath(import.meta.url));
let buildDir: string;
let bundle: string;
beforeAll(() => {
  buildDir = mkdtempSync(join(tmpdir(), 'mca-lock-build-'));
  bundle = join(buildDir, 'emulator-child.mjs');
  buildSync({ entryPoints: [join(here, 'helpers/emulator-child.ts')], outfile: bundle, bundle: true, platform: 'node', format: 'esm', target: 'node20', logLevel: 'silent' });
});
afterAll(() => rmSync(buildDir, { recursive: true, force: true }));

const dirs: string[] = [];
const cleanups: Array<() => Promise<unknown> | unknown> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'mca-lock-'));
  dirs.push(dir);
  return dir;
}

/** Starts emulator-child.ts on `dataDir`; resolves with its first line and, for a child that stops, its exit. */
function child(dataDir: string) {
  const proc = spawn(process.execPath, [bundle, dataDir], { stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<number | null>((resolve) => proc.once('exit', (code) => resolve(code)));
  cleanups.push(async () => {
    if (proc.exitCode === null && proc.signalCode === null) proc.kill('SIGKILL');
    await exited;
  });
  const first = new Promise<string>((resolve, reject) => {
    let out = '';
    proc.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('\n')) resolve(out.slice(0, out.indexOf('\n')));
    });
    void exited.then((code) => reject(new Error(`child exited (${code}) before printing a line`)));
  });
  first.catch(() => {});
  return { proc, first, exited };
}

async function startInProcess(dataDir: string) {
  const emulator = createEmulator({ dataDir });
  const server = await emulator.listen({ port: 0 });
  const close = async () => {
    await server.close();
    await emulator.close();
  };
  cleanups.push(close);
  return { emulator, server, close };
}

describe('the data directory lock', () => {
  it('a second process on the same directory refuses to start, naming the PID and the lock file', async () => {
    const dataDir = tempDir();
    const first = await startInProcess(dataDir);
    const lockFile = join(dataDir, LOCK_FILE_NAME);
    expect(readFileSync(lockFile, 'utf8').trim()).toBe(String(process.pid));

    const second = child(dataDir);
    const line = await second.first;
    expect(line).toMatch(/^error /);
    const error = JSON.parse(line.slice('error '.length)) as { name: string; message: string };
    expect(error.name).toBe('EmulatorLockedError');
    expect(error.message).toContain(`in use by process ${process.pid}`);
    expect(error.message).toContain(`lock file ${lockFile}`);
    expect(error.message).toContain('another --data-dir');
    expect(await second.exited).toBe(3);

    // The first one still works, and its writes are its own.
    const created = await rawRequest(first.server.url, `/${WABA}/flows`, { json: { name: 'still_mine', categories: ['OTHER'] } });
    expect(created.status).toBe(200);

    // Closed: the lock is gone and the next process starts, with the first one's state.
    await first.close();
    expect(existsSync(lockFile)).toBe(false);
    const third = child(dataDir);
    const url = /^listening (\S+)$/.exec(await third.first)?.[1];
    expect(url).toBeDefined();
    const listed = await rawRequest(url!, `/${WABA}/flows?fields=name`);
    expect(listed.body.data.map((f: { name: string }) => f.name)).toEqual(['still_mine']);

    // ...and now this process is the one refused, with the child's PID.
    const refused = createEmulator({ dataDir });
    const failure = await refused.ready.then(() => undefined, (e: unknown) => e);
    await refused.close();
    expect(failure).toBeInstanceOf(EmulatorLockedError);
    expect((failure as EmulatorLockedError).pid).toBe(third.proc.pid);
    expect((failure as EmulatorLockedError).file).toBe(lockFile);
    expect(readFileSync(lockFile, 'utf8').trim()).toBe(String(third.proc.pid)); // a refused emulator leaves the lock alone
  });

  it('a lock left by a process killed with SIGKILL is stale: the next emulator takes it over', async () => {
    const dataDir = tempDir();
    const killed = child(dataDir);
    expect(await killed.first).toMatch(/^listening /);
    killed.proc.kill('SIGKILL');
    await killed.exited;
    const lockFile = join(dataDir, LOCK_FILE_NAME);
    expect(readFileSync(lockFile, 'utf8').trim()).toBe(String(killed.proc.pid));

    await startInProcess(dataDir);
    expect(readFileSync(lockFile, 'utf8').trim()).toBe(String(process.pid));
  });

  it('a lock file naming a PID that is not alive is stale', async () => {
    const dataDir = tempDir();
    const gone = spawnSync(process.execPath, ['-e', '0']).pid; // a process that has exited
    writeFileSync(join(dataDir, LOCK_FILE_NAME), `${gone}\n`);
    const { server } = await startInProcess(dataDir);
    expect((await rawRequest(server.url, '/_emulator/health')).status).toBe(200);
    expect(readFileSync(join(dataDir, LOCK_FILE_NAME), 'utf8').trim()).toBe(String(process.pid));
  });

  it('a lock file that names no process is not broken: the message says to delete it', async () => {
    const dataDir = tempDir();
    writeFileSync(join(dataDir, LOCK_FILE_NAME), 'garbage');
    const emulator = createEmulator({ dataDir });
    const failure = await emulator.listen({ port: 0 }).then(() => undefined, (e: unknown) => e);
    await emulator.close();
    expect(failure).toBeInstanceOf(EmulatorLockedError);
    expect((failure as Error).message).toMatch(/does not name a process.*delete that file/);
    expect(readFileSync(join(dataDir, LOCK_FILE_NAME), 'utf8')).toBe('garbage');
  });

  it('the CLI on a locked directory exits 2 with the message', async () => {
    const dataDir = tempDir();
    await startInProcess(dataDir);
    let err = '';
    const io = { ...nodeIO(), isTTY: false, env: {}, stdout: () => {}, stderr: (text: string) => void (err += `${text}\n`), interrupted: () => new Promise<void>(() => {}) };
    expect(await main(['emulator', '--port', '0', '--data-dir', dataDir], io)).toBe(2);
    expect(err).toContain(`is in use by process ${process.pid} (lock file ${join(dataDir, LOCK_FILE_NAME)})`);
    expect(err).not.toMatch(/\n\s+at /);
  });

  it('two emulators in one process on one directory: the second is refused too', async () => {
    const dataDir = tempDir();
    await startInProcess(dataDir);
    const second = createEmulator({ dataDir });
    await expect(second.ready).rejects.toThrow(new RegExp(`in use by process ${process.pid}`));
    await second.close();
    expect(readFileSync(join(dataDir, LOCK_FILE_NAME), 'utf8').trim()).toBe(String(process.pid));
  });
});
