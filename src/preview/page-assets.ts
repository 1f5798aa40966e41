/**
 * The built page (scripts/build-preview.mjs: dist/preview/page.js and page.css), read once from disk and inlined
 * into the HTML the server answers with. Found next to the built library (dist/preview/), or under dist/ when
 * running from the sources (tests pass `assetsDir`).
 */
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface PageAssets {
  js: string;
  css: string;
}

/** Folders that may hold the built page, nearest first. */
function candidates(): string[] {
  const here = moduleDir();
  if (here === undefined) return [];
  return [join(here, 'preview'), join(here, '..', 'preview'), join(here, '..', '..', 'dist', 'preview'), join(here, '..', 'dist', 'preview')];
}

function moduleDir(): string | undefined {
  const url = (import.meta as { url?: string }).url;
  if (url) return dirname(fileURLToPath(url));
  return typeof __dirname === 'string' ? __dirname : undefined;
}

/** Reads page.js and page.css from `assetsDir` or the first candidate folder that has them. */
export async function loadPageAssets(assetsDir?: string): Promise<PageAssets> {
  const dirs = assetsDir !== undefined ? [assetsDir] : candidates();
  for (const dir of dirs) {
    try {
      const [js, css] = await Promise.all([readFile(join(dir, 'page.js'), 'utf8'), readFile(join(dir, 'page.css'), 'utf8')]);
      return { js, css };
    } catch {
      // not there: try the next folder
    }
  }
  throw new Error(`The preview page is not built (looked in ${dirs.join(', ')}). Run npm run build (it runs scripts/build-preview.mjs).`);
}
