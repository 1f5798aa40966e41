/**
 * Issue 10 #13: a change that would grow the state past `maxStateBytes` is refused with a Graph-shaped 413 that
 * says what the limit is and how to change it; nothing is saved, nothing is lost, and later writes that fit work.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/cli.js';
import { createEmulator } from '../../src/emulator/index.js';
import { STATE_FILE_NAME } from '../../src/emulator/persistence/file.js';
import { DEFAULT_MAX_STATE_BYTES, stateJsonWithin } from '../../src/emulator/state-size.js';
import { InvalidArgumentError } from '../../src/core/errors.js';
import { expectRawError, simpleFlowJson, startEmulator, WABA, type Harness } from './helpers/emulator.js';
import { captureIO } from '../helpers/capture-io.js';

const running: Harness[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const h of running.splice(0)) await h.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const LIMIT = 40_000;
const overLimit = { status: 413, code: 100, isTransient: false, message: new RegExp(`over its limit of ${LIMIT} bytes \\(maxStateBytes; CLI --max-state-bytes\\)\\. The change was not made`) };

describe('maxStateBytes', () => {
  it('refuses the write that would pass the limit (413, not 503), keeps the state and the file, and takes later writes that fit', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'mca-state-limit-'));
    dirs.push(dataDir);
    const h = await startEmulator({ dataDir, maxStateBytes: LIMIT });
    running.push(h);
    const small = await h.raw(`/${WABA}/flows`, { json: { name: 'small', categories: ['OTHER'] } });
    expect(small.status).toBe(200);
    const before = h.snapshot();
    const fileBefore = readFileSync(join(dataDir, STATE_FILE_NAME), 'utf8');

    const big = JSON.stringify(simpleFlowJson('7.3', 'x'.repeat(LIMIT)));
    for (let i = 0; i < 3; i++) {
      // every time the same clear answer, never "check the disk"
      const res = await h.raw(`/${WABA}/flows`, { json: { name: `big_${i}`, categories: ['OTHER'], flow_json: big } });
      expectRawError(res, overLimit);
      expect(res.text).not.toMatch(/disk/);
    }
    expect(h.snapshot()).toEqual(before);
    expect(readFileSync(join(dataDir, STATE_FILE_NAME), 'utf8')).toBe(fileBefore);

    // Multi-byte text counts in UTF-8 bytes, not in characters.
    const wide = JSON.stringify(simpleFlowJson('7.3', '€'.repeat(Math.ceil(LIMIT / 3))));
    expectRawError(await h.raw(`/${WABA}/flows`, { json: { name: 'wide', categories: ['OTHER'], flow_json: wide } }), overLimit);

    const after = await h.raw(`/${WABA}/flows`, { json: { name: 'fits', categories: ['OTHER'] } });
    expect(after.status).toBe(200);
    expect((h.snapshot() as { flows: Record<string, unknown> }).flows[after.body.id]).toBeDefined();
  });

  it('the default is documented and a bad value is refused', () => {
    expect(DEFAULT_MAX_STATE_BYTES).toBe(256 * 1024 * 1024);
    for (const bad of [0, -1, 1.5, Number.NaN]) expect(() => createEmulator({ maxStateBytes: bad })).toThrow(InvalidArgumentError);
  });

  it('measures UTF-8 bytes, and a state past what JSON.stringify can hold is the same clear refusal', () => {
    expect(() => stateJsonWithin({ a: '€€' }, 13)).toThrow(/to 14 bytes, over its limit of 13 bytes/); // {"a":"€€"} = 8 + 6
    expect(stateJsonWithin({ a: '€€' }, 14)).toBe('{"a":"€€"}');
    expect(() => stateJsonWithin({ a: '😀' }, 11)).toThrow(/to 12 bytes/); // a surrogate pair is 4 bytes
    const unserialisable = { toJSON: () => { throw new RangeError('Invalid string length'); } };
    expect(() => stateJsonWithin(unserialisable, 100)).toThrow(/past what one JSON text can hold, over its limit of 100 bytes/);
  });

  it('the CLI takes --max-state-bytes and refuses a bad one', async () => {
    const io = captureIO();
    const run = main(['emulator', '--port', '0', '--json', '--max-state-bytes', String(LIMIT)], io);
    await expect.poll(() => io.out, { timeout: 5000 }).toMatch(/"url"/);
    const { url } = JSON.parse(io.out) as { url: string };
    const res = await fetch(`${url}/v25.0/${WABA}/flows`, {
      method: 'POST',
      headers: { authorization: 'Bearer t', 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'big', categories: ['OTHER'], flow_json: JSON.stringify(simpleFlowJson('7.3', 'x'.repeat(LIMIT))) }),
    });
    expect(res.status).toBe(413);
    io.interrupt();
    expect(await run).toBe(0);

    const bad = captureIO();
    expect(await main(['emulator', '--port', '0', '--max-state-bytes', '12MB'], bad)).toBe(2);
    expect(bad.err).toMatch(/--max-state-bytes must be a number of bytes/);
  });
});

