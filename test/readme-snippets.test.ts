/**
 * Every ```ts block of the README runs as pasted, against the emulator: each block is compiled with esbuild and run
 * by plain Node in a scratch project where `meta-cloud-api` resolves to this package's build (dist/), with the
 * client's environment variables (WA_BASE_URL among them) pointing at an emulator started by the test.
 *
 * Markers on the line before a block:
 * - `<!-- not-run: reason -->` skips it (a fragment with placeholders, or a server that never ends);
 * - `<!-- after: Quick Start -->` runs it after the Quick Start block, in the same script (it uses its variables);
 * - `<!-- after: previous -->` runs it after the block before it.
 */
import { execFile } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { transformSync } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmulator, type Emulator } from '../src/emulator/index.js';

const run = promisify(execFile);
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const readme = readFileSync(join(root, 'README.md'), 'utf8');

interface Snippet {
  /** 1-based line of the opening fence. */
  line: number;
  heading: string;
  code: string;
  marker?: string;
}

function extractTsBlocks(markdown: string): Snippet[] {
  const lines = markdown.split('\n');
  const blocks: Snippet[] = [];
  let heading = '';
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i]!;
    if (/^#{1,6} /.test(text)) heading = text.replace(/^#+ /, '');
    if (text.trim() !== '```ts') continue;
    let before = i - 1;
    while (before >= 0 && lines[before]!.trim() === '') before--;
    const marker = /^<!--\s*(.*?)\s*-->$/.exec(lines[before]?.trim() ?? '')?.[1];
    const end = lines.findIndex((l, j) => j > i && l.trim() === '```');
    blocks.push({ line: i + 1, heading, code: lines.slice(i + 1, end).join('\n'), ...(marker === undefined ? {} : { marker }) });
    i = end;
  }
  return blocks;
}

const blocks = extractTsBlocks(readme);
const quickStart = blocks.find((b) => b.heading === 'Quick Start');

/** The code a block runs with (the blocks it continues first), or undefined when it is marked not-run. */
function program(index: number): string | undefined {
  const block = blocks[index]!;
  if (block.marker?.startsWith('not-run:')) return undefined;
  if (block.marker === 'after: Quick Start') return `${quickStart!.code}\n${block.code}`;
  if (block.marker === 'after: previous') return `${program(index - 1) ?? ''}\n${block.code}`;
  if (block.marker !== undefined) throw new Error(`README line ${block.line - 1}: unknown marker <!-- ${block.marker} -->`);
  return block.code;
}

let project: string;
const flowPrivateKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();

/** A fresh emulator for each block, so blocks never see each other's flows. */
async function withEmulator(work: (url: string) => Promise<void>): Promise<void> {
  const emulator: Emulator = createEmulator();
  const server = await emulator.listen({ port: 0 });
  try {
    await work(server.url);
  } finally {
    await server.close();
    await emulator.close();
  }
}

beforeAll(() => {
  // A scratch project: `meta-cloud-api` is this package (its exports map, its dist/), as after `npm install`.
  project = mkdtempSync(join(tmpdir(), 'mca-readme-'));
  mkdirSync(join(project, 'node_modules'));
  symlinkSync(root, join(project, 'node_modules', 'meta-cloud-api'), 'dir');
  // The JSON Schema section loads the shipped schemas into Ajv (a dev dependency here, the user's own there).
  symlinkSync(join(root, 'node_modules', 'ajv'), join(project, 'node_modules', 'ajv'), 'dir');
  writeFileSync(join(project, 'package.json'), JSON.stringify({ type: 'module' }));
  // The validation snippet reads ./flow.json: the Quick Start's flow.
  writeFileSync(join(project, 'flow.json'), JSON.stringify({ version: '7.3', screens: [{ id: 'A', title: 'A', terminal: true, layout: { type: 'SingleColumnLayout', children: [{ type: 'Footer', label: 'Done', 'on-click-action': { name: 'complete', payload: {} } }] } }] }, null, 2));
});
afterAll(() => {
  if (project) rmSync(project, { recursive: true, force: true });
});

describe('README snippets', () => {
  it('has the expected blocks and only a few that are not run', () => {
    expect(quickStart, 'the Quick Start has a ts block').toBeDefined();
    const notRun = blocks.filter((b) => b.marker?.startsWith('not-run:'));
    // The examples a new user pastes first always run; only fragments and servers may be skipped.
    const mustRun = ['Quick Start', 'Validating Flow JSON before it leaves your machine', 'Serving a flow\'s data endpoint', 'Receiving webhooks: flow completions and flow health', 'The local Graph API emulator', 'Pagination'];
    for (const heading of mustRun) expect(blocks.some((b, i) => b.heading === heading && program(i) !== undefined), heading).toBe(true);
    for (const b of notRun) expect(b.marker!.length, `README line ${b.line}: say why it is not run`).toBeGreaterThan('not-run: '.length + 5);
  });

  it('does not say that a raw APPOINTMENT category works', () => {
    expect(readme).not.toMatch(/categories:\s*\[\s*'APPOINTMENT'\s*\]/);
  });

  it.each(blocks.map((b, index) => [`line ${b.line} (${b.heading})`, index] as const))('the block at README %s runs as pasted', async (_name, index) => {
    const code = program(index);
    if (code === undefined) return;
    const js = transformSync(code, { loader: 'ts', format: 'esm', target: 'node20' }).code;
    const file = join(project, `snippet-${index}.mjs`);
    writeFileSync(file, js);
    await withEmulator(async (baseUrl) => {
      const env = {
        PATH: process.env.PATH,
        FLOW_PRIVATE_KEY: flowPrivateKey,
        CLOUD_API_ACCESS_TOKEN: 'readme-token',
        WA_PHONE_NUMBER_ID: '200000000000002',
        WA_BUSINESS_ACCOUNT_ID: '100000000000001',
        WA_BASE_URL: baseUrl,
        WA_APP_SECRET: 'readme-app-secret',
        WA_VERIFY_TOKEN: 'readme-verify-token',
      };
      try {
        await run(process.execPath, [file], { cwd: project, env, timeout: 15_000 });
      } catch (error) {
        const { stderr, stdout } = error as { stderr?: string; stdout?: string };
        throw new Error(`README block at line ${blocks[index]!.line} failed:\n${stderr || stdout || String(error)}\n--- code ---\n${code}`);
      }
    });
  });
});
