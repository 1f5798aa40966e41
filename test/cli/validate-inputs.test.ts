import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/cli.js';
import { baseFlow } from '../flow-json/helpers.js';
import { captureIO } from '../helpers/capture-io.js';

const root = mkdtempSync(join(tmpdir(), 'mca-cli-inputs-'));
const good = JSON.stringify(baseFlow(), null, 2);
const bad = '{\n  "version": "7",\n  "screens": []\n}\n';
const files: Record<string, string> = {
  'flows/a.json': good,
  'flows/b.json': bad,
  'flows/nested/c.flow.json': good,
  'flows/nested/broken.json': '{ "screens": [ {',
  'flows/package.json': '{ "name": "x", "version": "1.0.0" }',
  'flows/tsconfig.json': '{ "compilerOptions": {} }',
  'flows/node_modules/dep/flow.json': bad,
  'flows/.cache/flow.json': bad,
  'flows/drafts/d.json': bad,
  'flows/notes.txt': 'not json',
};
for (const [name, text] of Object.entries(files)) {
  mkdirSync(join(root, name, '..'), { recursive: true });
  writeFileSync(join(root, name), text);
}
const at = (name: string) => join(root, name);
const reported = (out: string) => (JSON.parse(out) as { files: Array<{ file: string }> }).files.map((f) => f.file.slice(root.length + 1)).sort();

describe('validate: what it reads', () => {
  it('a directory: only files that look like Flow JSON, no node_modules or dot directories', async () => {
    const io = captureIO();
    expect(await main(['validate', '--json', at('flows')], io)).toBe(1);
    expect(reported(io.out)).toEqual(['flows/a.json', 'flows/b.json', 'flows/drafts/d.json', 'flows/nested/broken.json', 'flows/nested/c.flow.json']);
  });

  it('--ignore leaves files out; --include picks files whatever they look like', async () => {
    let io = captureIO();
    expect(await main(['validate', '--json', at('flows'), '--ignore', 'drafts/**', '--ignore', 'broken.json'], io)).toBe(1);
    expect(reported(io.out)).toEqual(['flows/a.json', 'flows/b.json', 'flows/nested/c.flow.json']);
    io = captureIO();
    expect(await main(['validate', '--json', at('flows'), '--include', 'package.json'], io)).toBe(1);
    expect(reported(io.out)).toEqual(['flows/package.json']);
  });

  it('a quoted glob is expanded by the CLI: *, **, ? and {a,b}', async () => {
    let io = captureIO();
    expect(await main(['validate', '--json', at('flows/*.json')], io)).toBe(1);
    expect(reported(io.out)).toEqual(['flows/a.json', 'flows/b.json', 'flows/package.json', 'flows/tsconfig.json']);
    io = captureIO();
    expect(await main(['validate', '--json', at('flows/**/*.flow.json')], io)).toBe(0);
    expect(reported(io.out)).toEqual(['flows/nested/c.flow.json']);
    io = captureIO();
    expect(await main(['validate', '--json', at('flows/{a,?}.json')], io)).toBe(1);
    expect(reported(io.out)).toEqual(['flows/a.json', 'flows/b.json']);
  });

  it('a glob that matches nothing is a clear error (exit 2)', async () => {
    const io = captureIO();
    expect(await main(['validate', at('flows/*.yaml')], io)).toBe(2);
    expect(io.err).toMatch(/No files match .*\*\.yaml/);
  });

  it('a named file is validated whatever its name, once even if named twice', async () => {
    const io = captureIO();
    expect(await main(['validate', '--json', at('flows/a.json'), at('flows/a.json'), at('flows/*.json')], io)).toBe(1);
    expect(reported(io.out)).toEqual(['flows/a.json', 'flows/b.json', 'flows/package.json', 'flows/tsconfig.json']);
  });

  it('- reads stdin, reported as <stdin>', async () => {
    let io = captureIO(bad);
    expect(await main(['validate', '-'], io)).toBe(1);
    expect(io.out).toContain('<stdin>:2:14  error  INVALID_FLOW_JSON_VERSION');
    io = captureIO(good);
    expect(await main(['validate', '-', '--json'], io)).toBe(0);
    expect(JSON.parse(io.out).files[0].file).toBe('<stdin>');
  });

  it('a directory with no Flow JSON says why', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'mca-cli-empty-'));
    writeFileSync(join(empty, 'package.json'), '{}');
    const io = captureIO();
    expect(await main(['validate', empty], io)).toBe(2);
    expect(io.err).toMatch(/No Flow JSON files found .*"screens" array/);
  });
});
