/**
 * The published type declarations speak to users: their JSDoc cites Meta's documentation pages by name, never the
 * project's internal reference ("flows-platform §x.y"), which users cannot open. Reads the build in dist/ (the
 * vitest global setup keeps it current).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const dist = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist');

function declarationFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return declarationFiles(path);
    return /\.d\.c?ts$/.test(entry.name) ? [path] : [];
  });
}

describe('published declarations', () => {
  it('exist (the build ran)', () => {
    expect(declarationFiles(dist).length).toBeGreaterThan(10);
  });

  it('never cite the internal reference "flows-platform"', () => {
    const hits = declarationFiles(dist).flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .flatMap((line, i) => (line.includes('flows-platform') ? [`${relative(dist, file)}:${i + 1}: ${line.trim()}`] : [])),
    );
    expect(hits).toEqual([]);
  });
});
