import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { main } from '../src/cli/cli.js';
import { nodeIO, type CliIO } from '../src/cli/io.js';
import { baseFlow } from './flow-json/helpers.js';

function captureIO(): CliIO & { out: string; err: string } {
  const io = { ...nodeIO(), isTTY: false, env: {}, out: '', err: '' };
  io.stdout = (t: string) => void (io.out += t + '\n');
  io.stderr = (t: string) => void (io.err += t + '\n');
  return io;
}

const dir = mkdtempSync(join(tmpdir(), 'mca-cli-'));
const good = join(dir, 'good.json');
const bad = join(dir, 'bad.json');
writeFileSync(good, JSON.stringify(baseFlow(), null, 2));
writeFileSync(bad, '{\n  "version": "7",\n  "screens": []\n}\n');

describe('meta-cloud-api CLI', () => {
  it('prints help with --help (exit 0) and usage without a command (exit 2)', async () => {
    let io = captureIO();
    expect(await main(['--help'], io, '1.2.3')).toBe(0);
    expect(io.out).toMatch(/meta-cloud-api 1\.2\.3/);
    expect(io.out).toMatch(/validate/);
    io = captureIO();
    expect(await main([], io)).toBe(2);
    expect(io.out).toBe('');
    expect(io.err).toMatch(/Usage: meta-cloud-api <command>/);
    io = captureIO();
    expect(await main(['validate', '--help'], io)).toBe(0);
    expect(io.out).toMatch(/\$ meta-cloud-api validate flow\.json/);
  });

  it('rejects unknown commands and options with exit 2', async () => {
    let io = captureIO();
    expect(await main(['frobnicate'], io)).toBe(2);
    expect(io.err).toMatch(/Unknown command 'frobnicate'/);
    io = captureIO();
    expect(await main(['validate', '--bogus', good], io)).toBe(2);
    expect(io.err).toMatch(/Unknown option '--bogus'/);
    io = captureIO();
    expect(await main(['validate'], io)).toBe(2);
    expect(io.err).toMatch(/at least one Flow JSON file/);
  });

  it('validate: exit 0 for a valid file, 1 with a readable report for an invalid one', async () => {
    let io = captureIO();
    expect(await main(['validate', good], io)).toBe(0);
    expect(io.out).toMatch(/✔ 1 file valid/);
    io = captureIO();
    expect(await main(['validate', good, bad], io)).toBe(1);
    expect(io.out).toContain(`${bad}:2:14  error  INVALID_FLOW_JSON_VERSION  Invalid Flow JSON version.`);
    expect(io.out).toContain('2 |   "version": "7",');
    expect(io.out).toMatch(/\|\s{14}\^\^\^/);
  });

  it('validate --json prints exactly one JSON document on stdout', async () => {
    const io = captureIO();
    expect(await main(['validate', '--json', good, bad], io)).toBe(1);
    const report = JSON.parse(io.out);
    expect(report.valid).toBe(false);
    expect(report.files.map((f: { file: string; valid: boolean }) => [f.file, f.valid])).toEqual([
      [good, true],
      [bad, false],
    ]);
    expect(report.files[1].errors[0]).toMatchObject({ error: 'INVALID_FLOW_JSON_VERSION', line_start: 2, column_start: 14 });
  });

  it('validate: a missing file is a clear message and exit 2, not a stack trace', async () => {
    const io = captureIO();
    expect(await main(['validate', '--json', join(dir, 'nope.json')], io)).toBe(2);
    expect(io.out).toBe('');
    expect(io.err.trim()).toBe(`meta-cloud-api: No such file or directory: ${join(dir, 'nope.json')}`);
  });

  it('validate: a directory means every .json file below it', async () => {
    const io = captureIO();
    expect(await main(['validate', dir], io)).toBe(1);
    expect(io.out).toMatch(/2 files: \d+ errors?, 0 warnings \(1 invalid\)/);
  });

  it('the built binary sets the exit code', async () => {
    const run = promisify(execFile);
    const bin = new URL('../dist/cli/bin.js', import.meta.url).pathname;
    const ok = await run(process.execPath, [bin, 'validate', good]);
    expect(ok.stdout).toMatch(/valid/);
    const failed = await run(process.execPath, [bin, 'validate', '--json', bad]).catch((e) => e);
    expect(failed.code).toBe(1);
    expect(JSON.parse(failed.stdout).valid).toBe(false);
    const missing = await run(process.execPath, [bin, 'validate', join(dir, 'missing.json')]).catch((e) => e);
    expect(missing.code).toBe(2);
    expect(missing.stderr).not.toMatch(/\n\s+at /);
    const version = await run(process.execPath, [bin, '--version']);
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });
});
