import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/cli.js';
import { captureIO } from '../helpers/capture-io.js';

const noStack = /\n\s+at /;

describe('CLI arguments: help, typos, values', () => {
  it('help <cmd> prints that command\'s help, the same as <cmd> --help', async () => {
    const io = captureIO();
    expect(await main(['help', 'validate'], io)).toBe(0);
    expect(io.out).toMatch(/^Validate Flow JSON files/);
    expect(io.out).toMatch(/--format <f>/);
    const direct = captureIO();
    await main(['validate', '--help'], direct);
    expect(io.out).toBe(direct.out);
    const emulator = captureIO();
    expect(await main(['help', 'emulator'], emulator)).toBe(0);
    expect(emulator.out).toMatch(/--port <n>/);
    const keys = captureIO();
    expect(await main(['help', 'keys', 'generate'], keys)).toBe(0);
    expect(keys.out).toMatch(/Options of generate:/);
    const top = captureIO();
    expect(await main(['help'], top)).toBe(0);
    expect(top.out).toMatch(/Commands:/);
  });

  it.each([
    [['validte', 'x.json'], /Unknown command 'validte'\. Did you mean 'validate'\?/],
    [['emulater'], /Did you mean 'emulator'\?/],
    [['help', 'simulat'], /Unknown command 'simulat'\. Did you mean 'simulate'\?/],
    [['validate', 'x.json', '--formt', 'json'], /Unknown option '--formt' for validate\. Did you mean '--format'\?/],
    [['validate', 'x.json', '--strikt'], /Did you mean '--strict'\?/],
    [['emulator', '--prot', '1'], /Unknown option '--prot' for emulator\. Did you mean '--port'\?/],
    [['--hlep'], /Unknown option '--hlep'\. Did you mean '--help'\?/],
    [['keys', 'generat'], /Unknown keys subcommand 'generat'\. Did you mean 'generate'\? Use generate or upload\./],
  ])('%j suggests the closest name (exit 2)', async (argv, says) => {
    const io = captureIO();
    expect(await main(argv, io)).toBe(2);
    expect(io.err).toMatch(says);
    expect(io.out).toBe('');
  });

  it('an unknown option with nothing close lists the options, in balanced quotes, without parser text', async () => {
    const io = captureIO();
    expect(await main(['validate', 'x.json', '--zzzzzz'], io)).toBe(2);
    const first = io.err.split('\n')[0]!;
    expect(first).toMatch(/^meta-cloud-api: Unknown option '--zzzzzz' for validate\. Options: --json, --format/);
    expect(first.split("'").length % 2).toBe(1);
    expect(io.err).not.toMatch(/To specify a positional argument/);
    expect(io.err).not.toMatch(noStack);
  });

  it.each([
    [['emulator', '--port', 'abc'], "--port must be a whole number from 0 to 65535, got 'abc'"],
    [['emulator', '--port', '70000'], "--port must be a whole number from 0 to 65535, got '70000'"],
    [['emulator', '--port', '-1'], "--port must be a whole number from 0 to 65535, got '-1'"],
    [['emulator', '--port', '1.5'], "--port must be a whole number from 0 to 65535, got '1.5'"],
    [['emulator', '--template-approval-delay', 'soon'], "--template-approval-delay must be a number of milliseconds: a whole number 0 or more, got 'soon'"],
    [['emulator', '--max-state-bytes', '0'], "--max-state-bytes must be a number of bytes: a whole number 1 or more, got '0'"],
  ])('%j: a human message (exit 2)', async (argv, message) => {
    const io = captureIO();
    expect(await main(argv, io)).toBe(2);
    expect(io.err.trim()).toBe(`meta-cloud-api: ${message}`);
  });

  it.each([
    [['validate', 'x.json', '--format'], /--format needs a value/],
    [['validate', 'x.json', '--format', 'xml'], /--format must be one of pretty, github, json, sarif, junit \(or github-actions\); got 'xml'/],
    [['validate', 'x.json', '--format', 'sarf'], /Did you mean 'sarif'\?/],
    [['validate', 'x.json', '--json=yes'], /--json is a switch and takes no value/],
  ])('%j: says what is wrong with the value', async (argv, says) => {
    const io = captureIO();
    expect(await main(argv, io)).toBe(2);
    expect(io.err).toMatch(says);
  });

  it('after --, arguments are files even if they start with a dash', async () => {
    const io = captureIO();
    expect(await main(['validate', '--', '--not-an-option.json'], io)).toBe(2);
    expect(io.err).toMatch(/No such file or directory: --not-an-option\.json|No files match/);
  });
});
