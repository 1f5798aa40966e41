// Builds the preview page (src/preview/page) into one self-contained script and one stylesheet:
// dist/preview/page.js and dist/preview/page.css. The preview server inlines both into the page, so the page needs
// no CDN and works offline. Run by `npm run build`; tests call buildPreviewPage() into a temp dir.
import { build } from 'esbuild';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Bundles the page into `outdir` (default dist/preview); returns the paths written. */
export async function buildPreviewPage(outdir = join(root, 'dist', 'preview')) {
  await mkdir(outdir, { recursive: true });
  const js = join(outdir, 'page.js');
  await build({
    entryPoints: [join(root, 'src/preview/page/main.ts')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: ['chrome110', 'firefox115', 'safari16'],
    minify: true,
    legalComments: 'none',
    outfile: js,
    logLevel: 'warning',
  });
  const css = join(outdir, 'page.css');
  const source = await readFile(join(root, 'src/preview/page/style.css'), 'utf8');
  await writeFile(css, source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\s*\n\s*/g, '\n'));
  return { js, css };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { js } = await buildPreviewPage(process.argv[2]);
  const { gzipSync } = await import('node:zlib');
  const size = gzipSync(await readFile(js)).length;
  console.log(`preview page: ${js} (${(size / 1024).toFixed(1)} KB gzipped)`);
}
