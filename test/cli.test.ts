import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { main } from '../src/cli/cli.js';
import { baseFlow } from './flow-json/helpers.js';
import { captureIO } from './helpers/capture-io.js';

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

  // A flow Meta accepts with one warning: a 21-character TextInput label (documented limit 20; flows-platform §6.5).
  const warned = join(mkdtempSync(join(tmpdir(), 'mca-cli-warned-')), 'warned.json');
  const longLabel = baseFlow();
  longLabel.screens[0].layout.children[0].label = 'A twenty-one char lbl';
  writeFileSync(warned, JSON.stringify(longLabel, null, 2));

  it.each([
    // [argv after the file, exit code, what stdout/stderr must show]
    [[], 0, /1 file: 0 errors, 1 warning/],
    [['--strict'], 1, /warning\s+INVALID_PROPERTY_VALUE/],
    [['--fail-on', 'warning'], 1, /1 warning/],
    [['--rule', 'flow-json/component-max-limits=error'], 1, /error\s+INVALID_PROPERTY_VALUE/],
    [['--rule', 'component-max-limits=off', '--strict'], 0, /1 file valid/],
    [['--rule', 'component-max-limits=warning', '--rule', 'screen-id-unique=off'], 0, /1 warning/],
  ] as Array<[string[], number, RegExp]>)('validate warned.json %j: exit %i', async (argv, code, shows) => {
    const io = captureIO();
    expect(await main(['validate', warned, ...argv], io)).toBe(code);
    expect(io.out).toMatch(shows);
  });

  it.each([
    [['--rule', 'flow-json/no-such-rule=off'], /--rule: unknown rule id "flow-json\/no-such-rule"\. Known rule ids: flow-json\/action-name, /],
    [['--rule', 'max-limits=off'], /Did you mean flow-json\/component-max-limits\?/],
    [['--rule', 'component-max-limits=fatal'], /--rule component-max-limits: level must be off, warning or error; got "fatal"/],
    [['--rule', 'component-max-limits'], /--rule takes <rule-id>=<off\|warning\|error>/],
    [['--rule'], /--rule/],
  ] as Array<[string[], RegExp]>)('validate %j is a usage error (exit 2) that says what is wrong', async (argv, says) => {
    const io = captureIO();
    expect(await main(['validate', good, ...argv], io)).toBe(2);
    expect(io.out).toBe('');
    expect(io.err).toMatch(says);
    expect(io.err).not.toMatch(/\n\s+at /);
  });

  it('validate --help describes --strict, --rule and the severities', async () => {
    const io = captureIO();
    expect(await main(['validate', '--help'], io)).toBe(0);
    expect(io.out).toMatch(/--strict\s+warnings fail too/);
    expect(io.out).toMatch(/--rule <id>=<level>/);
    expect(io.out).toMatch(/a warning is what Meta documents but accepts/);
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

  it('emulator: serves until interrupted, printing the base URL', async () => {
    const io = captureIO();
    const running = main(['emulator', '--port', '0', '--json'], io);
    await expect.poll(() => io.out, { timeout: 5000 }).toMatch(/"url"/);
    const { url } = JSON.parse(io.out);
    const health = await fetch(`${url}/_emulator/health`);
    expect(await health.json()).toEqual({ status: 'ok' });
    io.interrupt();
    expect(await running).toBe(0);
  });

  it('emulator: a corrupt data file or a busy port is a clear error and exit 2', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'mca-emu-'));
    writeFileSync(join(dataDir, 'emulator-state.json'), '{"format":1,"sha256":"x","state":');
    let io = captureIO();
    expect(await main(['emulator', '--port', '0', '--data-dir', dataDir], io)).toBe(2);
    expect(io.err).toMatch(/emulator-state\.json/);
    expect(io.err).not.toMatch(/\n\s+at /);

    const blocker = await import('node:net').then(({ createServer }) => {
      const s = createServer();
      return new Promise<import('node:net').Server>((resolve) => s.listen(0, '127.0.0.1', () => resolve(s)));
    });
    const port = (blocker.address() as { port: number }).port;
    io = captureIO();
    expect(await main(['emulator', '--port', String(port)], io)).toBe(2);
    expect(io.err).toMatch(new RegExp(`Port ${port} is already in use`));
    blocker.close();
    io = captureIO();
    expect(await main(['emulator', '--webhook-url', 'http://127.0.0.1:1/x'], io)).toBe(2);
    expect(io.err).toMatch(/needs --app-secret/);
  });

  it('the built binary runs the emulator and stops on SIGTERM with exit code 0', async () => {
    const { spawn } = await import('node:child_process');
    const bin = new URL('../dist/cli/bin.js', import.meta.url).pathname;
    const child = spawn(process.execPath, [bin, 'emulator', '--port', '0', '--json'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (c) => (out += c));
    await expect.poll(() => out, { timeout: 10_000 }).toMatch(/"url"/);
    const { url } = JSON.parse(out);
    const res = await fetch(`${url}/v25.0/111/flows`, { headers: { authorization: 'Bearer t' } });
    expect(res.status).toBe(200);
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});
