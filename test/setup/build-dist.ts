/**
 * Vitest global setup: tests that run the built package (dist/) never run against a missing or stale build.
 * Builds with `npm run build` when dist/ is missing or any build input (src/, tsup.config.ts,
 * scripts/declaration-stubs.mjs, scripts/cjs-wrappers.mjs, package.json, tsconfig.json) is newer than the oldest file in dist/. `npm test`
 * builds first, so this then does nothing.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const BUILD_INPUTS = ['src', 'tsup.config.ts', 'scripts/declaration-stubs.mjs', 'scripts/cjs-wrappers.mjs', 'package.json', 'tsconfig.json'];

/** Every file below `path` (or `path` itself), with its modification time. */
function mtimes(path: string): number[] {
  if (!existsSync(path)) return [];
  const stat = statSync(path);
  if (!stat.isDirectory()) return [stat.mtimeMs];
  return readdirSync(path).flatMap((name) => mtimes(join(path, name)));
}

/** Why dist/ must be rebuilt, or undefined when it is up to date. */
export function staleReason(dir: string = root): string | undefined {
  const built = mtimes(join(dir, 'dist'));
  if (built.length === 0) return 'dist/ is missing';
  const oldestOutput = Math.min(...built);
  const newestInput = Math.max(...BUILD_INPUTS.flatMap((input) => mtimes(join(dir, input))));
  return newestInput > oldestOutput ? 'dist/ is older than its sources' : undefined;
}

export default function setup(): void {
  const reason = staleReason();
  if (reason === undefined) return;
  process.stderr.write(`[vitest global setup] ${reason}: running npm run build\n`);
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  execFileSync(npm, ['run', 'build', '--silent'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'], shell: process.platform === 'win32' });
}
