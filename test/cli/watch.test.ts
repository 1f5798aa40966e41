import { mkdirSync, mkdtempSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/cli.js';
import { baseFlow } from '../flow-json/helpers.js';
import { captureIO } from '../helpers/capture-io.js';

const good = JSON.stringify(baseFlow(), null, 2);
const bad = '{\n  "version": "7",\n  "screens": []\n}\n';

describe('validate --watch', () => {
  it('validates again when a file changes or a flow is added, until interrupted', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mca-cli-watch-'));
    mkdirSync(join(dir, 'nested'));
    writeFileSync(join(dir, 'a.json'), good);
    const io = captureIO();
    const running = main(['validate', dir, '--watch'], io);
    await expect.poll(() => io.err, { timeout: 10_000 }).toMatch(/watching .* for changes/);
    expect(io.out).toMatch(/✔ 1 file valid/);

    writeFileSync(join(dir, 'a.json'), bad);
    await expect.poll(() => io.out, { timeout: 10_000 }).toMatch(/a\.json:2:14 {2}error {2}INVALID_FLOW_JSON_VERSION/);
    await expect.poll(() => io.out, { timeout: 10_000 }).toMatch(/✖ 1 file: 1 error/);

    writeFileSync(join(dir, 'nested', 'b.flow.json'), good);
    await expect.poll(() => io.out, { timeout: 10_000 }).toMatch(/✖ 2 files: 1 error/);

    writeFileSync(join(dir, 'a.json'), good);
    await expect.poll(() => io.out, { timeout: 10_000 }).toMatch(/✔ 2 files valid/);
    io.interrupt();
    expect(await running).toBe(0);
  });

  it('keeps watching when a file is invalid or gone for a while, and refuses stdin', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mca-cli-watch-'));
    const file = join(dir, 'flow.json');
    writeFileSync(file, bad);
    const io = captureIO();
    const running = main(['validate', file, '--watch'], io);
    await expect.poll(() => io.err, { timeout: 10_000 }).toMatch(/watching/);
    unlinkSync(file);
    await expect.poll(() => io.err, { timeout: 10_000 }).toMatch(/No such file or directory: .*flow\.json/);
    writeFileSync(file, good);
    await expect.poll(() => io.out, { timeout: 10_000 }).toMatch(/✔ 1 file valid/);
    io.interrupt();
    expect(await running).toBe(0);

    const refused = captureIO();
    expect(await main(['validate', '-', '--watch'], refused)).toBe(2);
    expect(refused.err).toMatch(/--watch cannot watch stdin/);
  });
});
