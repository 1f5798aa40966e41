/** The global setup rebuilds dist/ exactly when it is missing or older than its sources. */
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { staleReason } from './build-dist.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function project(): string {
  const dir = mkdtempSync(join(tmpdir(), 'mca-build-dist-'));
  dirs.push(dir);
  mkdirSync(join(dir, 'src', 'client'), { recursive: true });
  writeFileSync(join(dir, 'src', 'client', 'client.ts'), '');
  writeFileSync(join(dir, 'package.json'), '{}');
  return dir;
}

function setTime(file: string, seconds: number): void {
  utimesSync(file, seconds, seconds);
}

describe('staleReason', () => {
  it('asks for a build when dist/ is missing or empty', () => {
    const dir = project();
    expect(staleReason(dir)).toBe('dist/ is missing');
    mkdirSync(join(dir, 'dist'));
    expect(staleReason(dir)).toBe('dist/ is missing');
  });

  it('accepts a build newer than every source, and refuses it once a nested source changes', () => {
    const dir = project();
    mkdirSync(join(dir, 'dist'));
    writeFileSync(join(dir, 'dist', 'index.js'), '');
    setTime(join(dir, 'src', 'client', 'client.ts'), 1_000);
    setTime(join(dir, 'package.json'), 1_000);
    setTime(join(dir, 'dist', 'index.js'), 2_000);
    expect(staleReason(dir)).toBeUndefined();
    setTime(join(dir, 'src', 'client', 'client.ts'), 3_000);
    expect(staleReason(dir)).toBe('dist/ is older than its sources');
  });

  it('compares with the oldest built file, so a half-finished build counts as stale', () => {
    const dir = project();
    mkdirSync(join(dir, 'dist'));
    writeFileSync(join(dir, 'dist', 'index.js'), '');
    writeFileSync(join(dir, 'dist', 'cli.js'), '');
    setTime(join(dir, 'src', 'client', 'client.ts'), 2_000);
    setTime(join(dir, 'package.json'), 1_000);
    setTime(join(dir, 'dist', 'index.js'), 1_500);
    setTime(join(dir, 'dist', 'cli.js'), 3_000);
    expect(staleReason(dir)).toBe('dist/ is older than its sources');
  });
});
