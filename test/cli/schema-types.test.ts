import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/cli.js';
import { flowJsonSchema } from '../../src/schema/index.js';
import { captureIO } from '../helpers/capture-io.js';

const dir = mkdtempSync(join(tmpdir(), 'cli-types-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const fixture = resolve(import.meta.dirname, '../fixtures/flow-json/valid/3.0-sign-up.json');

describe('meta-cloud-api schema', () => {
  it('prints the latest schema by default and a chosen version with --version', async () => {
    const io = captureIO();
    expect(await main(['schema'], io)).toBe(0);
    expect(JSON.parse(io.out)).toEqual(flowJsonSchema('7.3'));
    const io21 = captureIO();
    expect(await main(['schema', '--version', '2.1'], io21)).toBe(0);
    expect(JSON.parse(io21.out).title).toBe('WhatsApp Flow JSON 2.1');
  });

  it('prints one self-contained schema: every $ref points inside it (the shipped files share definitions.json)', async () => {
    const io = captureIO();
    expect(await main(['schema', '--version', '6.3'], io)).toBe(0);
    const refs = [...io.out.matchAll(/"\$ref": "([^"]*)"/g)].map((m) => m[1]!);
    expect(refs.length).toBeGreaterThan(10);
    expect(refs.filter((ref) => !ref.startsWith('#/definitions/'))).toEqual([]);
  });

  it('refuses an unknown version, naming the known ones', async () => {
    const io = captureIO();
    expect(await main(['schema', '--version', '9.9'], io)).toBe(2);
    expect(io.err).toContain("Unknown Flow JSON version '9.9': use one of 2.1, 3.0");
  });
});

describe('meta-cloud-api types', () => {
  it('writes a module exporting the flow through defineFlow, and --check tells current from stale', async () => {
    const out = join(dir, 'sign-up.flow.ts');
    expect(await main(['types', fixture, '--out', out], captureIO())).toBe(0);
    const text = readFileSync(out, 'utf8');
    expect(text).toContain("import { defineFlow } from 'meta-cloud-api/flow-json';");
    expect(text).toContain(`export const flow = defineFlow(${JSON.stringify(JSON.parse(readFileSync(fixture, 'utf8')), null, 2)});`);
    expect(await main(['types', fixture, '--out', out, '--check'], captureIO())).toBe(0);
    writeFileSync(out, text.replace('"3.0"', '"3.1"'));
    const io = captureIO();
    expect(await main(['types', fixture, '--out', out, '--check'], io)).toBe(1);
    expect(io.err).toContain('is stale: run meta-cloud-api types');
  });

  it('explains a file that is not Flow JSON', async () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '[1, 2]');
    const io = captureIO();
    expect(await main(['types', bad], io)).toBe(2);
    expect(io.err).toContain('is not a Flow JSON document');
  });
});
