/**
 * Durability of a running emulator with `dataDir`: every write that was acknowledged (its response received)
 * survives SIGKILL of the process at any moment; a corrupt state file is refused with EmulatorDataError and is
 * never turned into an empty state.
 */
import { spawn, type ChildProcessByStdio } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createEmulator, EmulatorDataError } from '../../src/emulator/index.js';
import { STATE_FILE_NAME } from '../../src/emulator/persistence/file.js';
import { rawRequest, simpleFlowJson, TOKEN, WABA } from './helpers/emulator.js';

const here = dirname(fileURLToPath(import.meta.url));
let buildDir: string;
let bundle: string;

beforeAll(() => {
  // The child runs plain Node: bundle the emulator (through the child's entry point) into one .mjs file.
  buildDir = mkdtempSync(join(tmpdir(), 'mca-durability-build-'));
  bundle = join(buildDir, 'emulator-child.mjs');
  buildSync({
    entryPoints: [join(here, 'helpers/emulator-child.ts')],
    outfile: bundle,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'silent',
  });
});
afterAll(() => rmSync(buildDir, { recursive: true, force: true }));

const dirs: string[] = [];
const children: Array<ChildProcessByStdio<null, Readable, Readable>> = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'mca-durability-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

interface Started {
  child: ChildProcessByStdio<null, Readable, Readable>;
  /** `listening <url>` or `error <json>`, and the exit when it ends. */
  first: Promise<{ line: string; stderr: string }>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

function startChild(dataDir: string): Started {
  const child = spawn(process.execPath, [bundle, dataDir], { stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => void (stderr += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  const first = new Promise<{ line: string; stderr: string }>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const newline = stdout.indexOf('\n');
      if (newline >= 0) resolve({ line: stdout.slice(0, newline), stderr });
    });
    void exited.then(({ code, signal }) => reject(new Error(`child ended (code ${code}, signal ${signal}) before printing a line; stderr: ${stderr}`)));
  });
  first.catch(() => {});
  return { child, first, exited };
}

async function startServing(dataDir: string): Promise<{ url: string; started: Started }> {
  const started = startChild(dataDir);
  const { line } = await started.first;
  const m = /^listening (http:\/\/127\.0\.0\.1:\d+)$/.exec(line);
  if (!m) throw new Error(`unexpected first line from the child: ${line}`);
  return { url: m[1]!, started };
}

async function kill(started: Started): Promise<void> {
  started.child.kill('SIGKILL');
  const { signal } = await started.exited;
  expect(signal).toBe('SIGKILL');
}

/** A state file in the on-disk format (persistence/state-file-format.ts), with a correct checksum. */
function stateFile(state: unknown): string {
  const json = JSON.stringify(state);
  return `{"format":1,"sha256":"${createHash('sha256').update(json, 'utf8').digest('hex')}","state":${json}}\n`;
}

describe('SIGKILL at a random point', () => {
  it('every acknowledged create is there after a restart (3 kill/restart rounds)', async () => {
    const dataDir = tempDir();
    const acknowledged = new Map<string, string>(); // id -> name
    const flowJson = JSON.stringify(simpleFlowJson('7.3', 'x'.repeat(2000))); // some bulk, so kills often land mid-write
    let n = 0;

    for (let round = 0; round < 3; round++) {
      const { url, started } = await startServing(dataDir);
      // Everything acknowledged so far is present and intact.
      const listed = await rawRequest(url, `/${WABA}/flows?limit=100000&fields=id,name,json_version`, { token: TOKEN });
      expect(listed.status).toBe(200);
      const present = new Map<string, string>(listed.body.data.map((f: { id: string; name: string }) => [f.id, f.name]));
      for (const [id, name] of acknowledged) expect(present.get(id), `round ${round}: flow ${id} (${name}) lost`).toBe(name);

      // Writes from 4 concurrent writers; the child is killed after a random number of acknowledgements,
      // with other writes still in flight.
      const killAfter = 5 + Math.floor(Math.random() * 40);
      let acks = 0;
      let killing: Promise<void> | undefined;
      const writer = async () => {
        while (!killing) {
          const name = `durable_${++n}`;
          let res;
          try {
            res = await rawRequest(url, `/${WABA}/flows`, { json: { name, categories: ['OTHER'], flow_json: flowJson } });
          } catch {
            return; // connection cut by the kill: not acknowledged
          }
          if (res.status !== 200) throw new Error(`unexpected answer: ${res.status} ${res.text}`);
          acknowledged.set(res.body.id as string, name);
          if (++acks === killAfter) killing = kill(started);
        }
      };
      await Promise.all([writer(), writer(), writer(), writer()]);
      await killing;
      expect(acks).toBeGreaterThanOrEqual(killAfter);
    }

    const { url, started } = await startServing(dataDir);
    const listed = await rawRequest(url, `/${WABA}/flows?limit=100000&fields=id,name,json_version,validation_errors`, { token: TOKEN });
    const present = new Map<string, { name: string; json_version: string }>(listed.body.data.map((f: { id: string; name: string; json_version: string }) => [f.id, f]));
    for (const [id, name] of acknowledged) expect(present.get(id), `flow ${id} (${name}) lost`).toMatchObject({ name, json_version: '7.3' });
    // Nothing extra beyond the writes that were in flight at each kill (at most 3 per round).
    expect(present.size - acknowledged.size).toBeGreaterThanOrEqual(0);
    expect(present.size - acknowledged.size).toBeLessThanOrEqual(3 * 3);
    await kill(started);
  });
});

describe('a corrupt state file', () => {
  const validState = { format: 1, nextId: 2, wabas: {}, phones: {}, flows: {}, templates: {}, messages: [] };
  const corruptions: Array<[string, (valid: string) => string, RegExp]> = [
    ['garbage', () => 'this is not json', /is not an emulator state file: it is not valid JSON/],
    ['truncated', (valid) => valid.slice(0, Math.floor(valid.length / 2)), /is truncated/],
    ['edited (checksum mismatch)', (valid) => valid.replace('"nextId":2', '"nextId":3'), /fails its checksum/],
    ['empty', () => '', /is empty/],
    ['a newer format', () => '{"format":2,"sha256":"00","state":{}}\n', /has unknown format version 2, probably written by a newer version/],
    ['a checksummed state of the wrong shape', () => stateFile({ hello: 'world' }), /unknown shape/],
  ];

  it.each(corruptions)('%s: ready and listen reject with EmulatorDataError, requests get 503, the file is kept', async (_what, corrupt, pattern) => {
    const dataDir = tempDir();
    const file = join(dataDir, STATE_FILE_NAME);
    const content = corrupt(stateFile(validState));
    writeFileSync(file, content);

    const emu = createEmulator({ dataDir });
    const error = await emu.ready.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(EmulatorDataError);
    expect((error as EmulatorDataError).name).toBe('EmulatorDataError');
    expect((error as Error).message).toMatch(pattern);
    expect((error as Error).message).toContain(file);
    expect((error as Error).message).toMatch(/move it away .*or use another --data-dir/);
    await expect(emu.listen({ port: 0 })).rejects.toBeInstanceOf(EmulatorDataError);

    // Never an empty state: the API refuses to answer rather than pretend there are no flows.
    const res = await emu.fetch(new Request(`http://emulator.test/v25.0/${WABA}/flows`, { headers: { authorization: `Bearer ${TOKEN}` } }));
    expect(res.status).toBe(503);
    const body = (await res.json()) as { error: { code: number; message: string } };
    expect(body.error.code).toBe(1);
    expect(body.error.message).toMatch(/^The emulator could not load its data: /);
    const create = await emu.fetch(
      new Request(`http://emulator.test/v25.0/${WABA}/flows`, {
        method: 'POST',
        headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'x', categories: ['OTHER'] }),
      }),
    );
    expect(create.status).toBe(503);
    await emu.close();
    expect(readFileSync(file, 'utf8')).toBe(content);
  });

  it('in a child process: the emulator refuses to start and says why', async () => {
    const dataDir = tempDir();
    const file = join(dataDir, STATE_FILE_NAME);
    writeFileSync(file, '{"format":1,"sha256":"');
    const started = startChild(dataDir);
    const { line } = await started.first;
    expect(line.startsWith('error ')).toBe(true);
    const reported = JSON.parse(line.slice('error '.length)) as { name: string; message: string };
    expect(reported.name).toBe('EmulatorDataError');
    expect(reported.message).toContain(file);
    expect(reported.message).toMatch(/is truncated/);
    expect((await started.exited).code).toBe(3);
    expect(readFileSync(file, 'utf8')).toBe('{"format":1,"sha256":"');
  });

  it('a valid state file is loaded as saved', async () => {
    const dataDir = tempDir();
    writeFileSync(
      join(dataDir, STATE_FILE_NAME),
      stateFile({
        ...validState,
        wabas: { [WABA]: { id: WABA, createdAt: '2026-01-01T00:00:00+0000' } },
        flows: {
          '1200000000000001': {
            id: '1200000000000001',
            wabaId: WABA,
            name: 'restored',
            categories: ['OTHER'],
            status: 'DRAFT',
            createdAt: '2026-01-01T00:00:00+0000',
            updatedAt: '2026-01-01T00:00:00+0000',
          },
        },
      }),
    );
    const { url, started } = await startServing(dataDir);
    const res = await rawRequest(url, '/1200000000000001?fields=name,status', { token: TOKEN });
    expect(res.body).toEqual({ name: 'restored', status: 'DRAFT', id: '1200000000000001' });
    await kill(started);
  });
});
