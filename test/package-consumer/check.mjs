// The packed tarball as a Node-only consumer sees it: installs it into node_modules/.cache/package-consumer and
// runs tsc over each resolution mode (nodenext, bundler, node10) with @types/node 20 and 24, lib ES2022 (no DOM),
// strict and no skipLibCheck. Run after `npm run build`; used by test/package.test.ts and `npm run check:types-consumer`.
import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../..', import.meta.url));
const fixtures = fileURLToPath(new URL('.', import.meta.url));

export const RESOLUTIONS = ['nodenext', 'bundler', 'node10'];
// The @types/node versions: 20 is the devDependency itself, 24 the `@types/node-24` alias (npm:@types/node@24).
export const NODE_TYPES = { 20: '@types/node', 24: '@types/node-24' };

/** Packs and installs the package; returns the consumer directory. */
export async function installConsumer() {
  const dir = join(root, 'node_modules', '.cache', 'package-consumer');
  rmSync(dir, { recursive: true, force: true });
  const pkgDir = join(dir, 'node_modules', 'meta-cloud-api');
  mkdirSync(pkgDir, { recursive: true });
  mkdirSync(join(dir, 'node_modules', '@types'), { recursive: true });
  const packDir = mkdtempSync(join(tmpdir(), 'mca-pack-'));
  try {
    const { stdout } = await run('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', packDir], { cwd: root });
    const [{ filename }] = JSON.parse(stdout);
    await run('tar', ['-xzf', join(packDir, filename), '-C', pkgDir, '--strip-components=1']);
  } finally {
    rmSync(packDir, { recursive: true, force: true });
  }
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  for (const f of ['subpaths.ts', 'esm.mts', 'cjs.cts', ...['base', ...RESOLUTIONS].map((r) => `tsconfig.${r}.json`)]) {
    copyFileSync(join(fixtures, f), join(dir, f));
  }
  return dir;
}

/** Runs tsc for every resolution with one @types/node version; returns one row per configuration. */
export async function checkWithNodeTypes(dir, nodeMajor) {
  const link = join(dir, 'node_modules', '@types', 'node');
  rmSync(link, { force: true });
  symlinkSync(join(root, 'node_modules', NODE_TYPES[nodeMajor]), link, 'dir');
  const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
  return Promise.all(
    RESOLUTIONS.map(async (resolution) => {
      try {
        await run(process.execPath, [tsc, '-p', `tsconfig.${resolution}.json`], { cwd: dir });
        return { resolution, node: nodeMajor, ok: true, output: '' };
      } catch (e) {
        return { resolution, node: nodeMajor, ok: false, output: `${e.stdout ?? ''}${e.stderr ?? ''}` };
      }
    }),
  );
}

export async function checkConsumer() {
  const dir = await installConsumer();
  const rows = [];
  for (const major of Object.keys(NODE_TYPES)) rows.push(...(await checkWithNodeTypes(dir, major)));
  return rows;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const rows = await checkConsumer();
  for (const r of rows) console.log(`${r.ok ? 'ok  ' : 'FAIL'} ${r.resolution.padEnd(8)} @types/node ${r.node}${r.ok ? '' : `\n${r.output}`}`);
  if (rows.some((r) => !r.ok)) process.exitCode = 1;
}
