// Builds the preview page (src/preview/page) into one self-contained script and one stylesheet:
// dist/preview/page.js and dist/preview/page.css. The preview server inlines both into the page, so the page needs
// no CDN and works offline. Run by `npm run build`; tests call buildPreviewPage() into a temp dir.
import { build, transform } from 'esbuild';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * The page runs the simulator with `validate: false`: the preview server validates the file and sends the
 * diagnostics (src/preview/flow-source.ts). So the validator's rules (a third of the bundle) stay out of the page:
 * the simulator's one import of it gets a stand-in that says so if it is ever called.
 */
const serverSideValidation = {
  name: 'server-side-validation',
  setup(b) {
    b.onResolve({ filter: /flow-json\/validate\.js$/ }, () => ({ path: 'validate-stand-in', namespace: 'preview' }));
    b.onLoad({ filter: /^validate-stand-in$/, namespace: 'preview' }, () => ({
      contents: "export function validateFlowJson() { throw new Error('The preview page does not validate: the preview server sends the diagnostics.'); }",
      loader: 'js',
    }));
  },
};

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
    plugins: [serverSideValidation],
  });
  const css = join(outdir, 'page.css');
  const source = await readFile(join(root, 'src/preview/page/style.css'), 'utf8');
  await writeFile(css, (await transform(source, { loader: 'css', minify: true, legalComments: 'none' })).code);
  return { js, css };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { js } = await buildPreviewPage(process.argv[2]);
  const { gzipSync } = await import('node:zlib');
  const size = gzipSync(await readFile(js)).length;
  console.log(`preview page: ${js} (${(size / 1024).toFixed(1)} KB gzipped)`);
}
