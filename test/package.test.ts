import { gzipSync } from 'node:zlib';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

/** The built package (npm test builds first) loads through its `exports` map in both module systems. */
describe('package entry points', () => {
  it('CommonJS: require("meta-cloud-api") and "meta-cloud-api/enums"', () => {
    const require = createRequire(import.meta.url);
    const cjs = require('meta-cloud-api');
    expect(typeof cjs.default).toBe('function');
    expect(cjs.WhatsApp).toBe(cjs.default);
    expect(cjs.FlowCategoryEnum.Appointment).toBe('APPOINTMENT_BOOKING');
    expect(new cjs.default({ apiVersion: 24 }).apiVersion).toBe('v24.0');
    expect(require('meta-cloud-api/enums').FlowStatusEnum.Published).toBe('PUBLISHED');
    expect(require.resolve('meta-cloud-api')).toMatch(/dist[/\\]index\.cjs$/);
  });

  it('CommonJS: the emulator and the previewer, built as ES modules only, load through require() as one copy', async () => {
    const require = createRequire(import.meta.url);
    for (const subpath of ['meta-cloud-api/emulator', 'meta-cloud-api/preview']) expect(require.resolve(subpath)).toMatch(/dist[/\\](emulator|preview)\.cjs$/);
    // In a plain Node process (vitest's import() is its own module graph): require() returns the ES module's own
    // exports, the same objects import() gets.
    const script = `
      const out = {};
      Promise.all(['meta-cloud-api/emulator', 'meta-cloud-api/preview'].map(async (subpath) => {
        const viaRequire = require(subpath);
        const viaImport = await import(subpath);
        const names = Object.keys(viaImport);
        out[subpath] = { names: names.length, same: names.every((n) => viaRequire[n] === viaImport[n]) && Object.keys(viaRequire).length === names.length };
      })).then(() => console.log(JSON.stringify(out)));`;
    const { stdout } = await run(process.execPath, ['-e', script], { cwd: root });
    const seen = JSON.parse(stdout) as Record<string, { names: number; same: boolean }>;
    expect(seen['meta-cloud-api/emulator']).toEqual({ names: expect.any(Number), same: true });
    expect(seen['meta-cloud-api/emulator']!.names).toBeGreaterThan(5);
    expect(seen['meta-cloud-api/preview']).toEqual({ names: expect.any(Number), same: true });
  });

  it('CommonJS: where require() cannot load an ES module, the wrapper says what to do instead', () => {
    const code = readFileSync(join(root, 'dist/emulator.cjs'), 'utf8');
    const refusing = (code: string) => () => {
      throw Object.assign(new Error('require() of ES Module not supported'), { code });
    };
    for (const refusal of [refusing('ERR_REQUIRE_ESM'), () => { throw new SyntaxError('Cannot use import statement outside a module'); }]) {
      const module = { exports: {} };
      const load = () => new Function('module', 'require', code)(module, refusal);
      expect(load).toThrow(/meta-cloud-api\/emulator is an ES module: require\(\) of it needs Node 20\.19\+ or 22\.12\+.*import\('meta-cloud-api\/emulator'\).*npx meta-cloud-api emulator/);
    }
    // Any other failure is the module's own, passed through as it is.
    const other = () => new Function('module', 'require', code)({ exports: {} }, () => { throw new RangeError('boom'); });
    expect(other).toThrow(RangeError);
  });

  it('ESM: import("meta-cloud-api") and "meta-cloud-api/enums"', async () => {
    const esm = await import('meta-cloud-api');
    expect(typeof esm.default).toBe('function');
    expect(esm.GraphApiError.name).toBe('GraphApiError');
    const enums = await import('meta-cloud-api/enums');
    expect(enums.FlowActionEnum.DataExchange).toBe('data_exchange');
  });
});

const run = promisify(execFile);
const root = fileURLToPath(new URL('..', import.meta.url));

/** What `npm pack` would publish (the built package; npm test builds first). */
async function packSummary(): Promise<{ size: number; files: Array<{ path: string; size: number }> }> {
  const { stdout } = await run('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, maxBuffer: 16 * 1024 * 1024 });
  return (JSON.parse(stdout) as Array<{ size: number; files: Array<{ path: string; size: number }> }>)[0]!;
}

/**
 * Issue 12's target: a tarball under 500 KB packed (met at 486 KB when it was set). Issues 13 to 17 then added the
 * Redis stores, the transports, flows as code, the typed contracts and JSON Schemas, and the previewer (whose page,
 * a browser bundle, issue 15 budgets on its own: 150 KB gzipped). Measured 2026-12-02 with the type declarations
 * shipped once (scripts/declaration-stubs.mjs), the JSON Schemas sharing one definitions file, the contributor
 * material in docs/, and the two development servers (emulator, previewer) built as ES modules only
 * (scripts/cjs-wrappers.mjs): 526.6 KB packed in all (539 260 bytes), 489.0 KB without the previewer's page
 * (500 703 bytes). The target is the ceiling for the package without the page, and WHOLE_PACK_CEILING_KB keeps the
 * whole from growing unnoticed; the README's Benchmarks section says so.
 */
const PACK_CEILING_KB = 500;
const WHOLE_PACK_CEILING_KB = 530;

describe('package contents (issue 12: lean entries)', () => {
  it('the tarball is under its ceiling packed, has no source maps, and the CLI has no second copy of the library', async () => {
    const pack = await packSummary();
    // The previewer's page (issue 15: a browser bundle with the simulator, budget 150 KB gzipped) is counted on its
    // own; the rest has a ceiling of PACK_CEILING_KB (see above)
    const page = ['dist/preview/page.js', 'dist/preview/page.css'].reduce((n, f) => n + gzipSync(readFileSync(join(root, f)), { level: 9 }).length, 0);
    expect(page, `preview page ${page} bytes gzipped`).toBeLessThan(150 * 1024);
    expect(pack.size - page, `packed size ${pack.size} bytes, ${page} of them the preview page`).toBeLessThan(PACK_CEILING_KB * 1024);
    expect(pack.size, `packed size ${pack.size} bytes in all`).toBeLessThan(WHOLE_PACK_CEILING_KB * 1024);
    expect(pack.files.filter((f) => f.path.endsWith('.map')).map((f) => f.path)).toEqual([]);
    // The CLI is one small entry file importing the library's own chunks (one tsup build), not a bundle of its own.
    const cliFiles = pack.files.filter((f) => f.path.startsWith('dist/cli/'));
    expect(cliFiles.map((f) => f.path)).toEqual(['dist/cli/bin.js']);
    const bin = readFileSync(join(root, 'dist/cli/bin.js'), 'utf8');
    expect(bin).toMatch(/from ["']\.\.\/chunk-[A-Z0-9]+\.js["']/);
    expect(bin.length).toBeLessThan(60 * 1024);
  });

  it('the root entry does not load the validator; `validate: true` loads it on demand (ESM and CommonJS)', async () => {
    // The validator is only reachable through a dynamic import: walk the static imports (ESM) and requires (CJS)
    // from each entry; none holds the validator, and one holds the `import()` that loads it.
    const walk = (file: string, seen: Set<string>): string => {
      if (seen.has(file)) return '';
      seen.add(file);
      const code = readFileSync(join(root, 'dist', file), 'utf8');
      expect(code.includes('function validateFlowJson'), `${file} holds the validator`).toBe(false);
      expect(code.includes('flow-json/screen-id-unique'), `${file} holds the rule table`).toBe(false);
      const deps = code.matchAll(/(?:from |import |require\()['"]\.\/(chunk-[A-Z0-9]+\.c?js)['"]/g);
      return code + [...deps].map((m) => walk(m[1]!, seen)).join('');
    };
    for (const entry of ['index.js', 'index.cjs']) {
      const seen = new Set<string>();
      expect(walk(entry, seen), entry).toMatch(/import\(['"]\.\/validate-[A-Z0-9]+\.c?js['"]\)/);
      expect(seen.size, entry).toBeGreaterThan(1);
    }
    // The Node transport and the message rules are lazy chunks too (issue 12/13): not in the startup code, and
    // node:http is never named where a bundler would try to resolve it.
    for (const entry of ['index.js', 'index.cjs']) {
      const seen = new Set<string>();
      const startup = walk(entry, seen);
      expect(startup, entry).not.toMatch(/function createNodeTransport|['"]node:http['"]/);
      expect(startup, entry).toMatch(/import\(['"]\.\/transport-node-[A-Z0-9]+\.c?js['"]\)/);
      expect(startup, entry).toMatch(/import\(['"]\.\/message-rules-[A-Z0-9]+\.c?js['"]\)/);
      expect(startup, entry).toMatch(/import\(['"]\.\/http-failure-[A-Z0-9]+\.c?js['"]\)/);
      expect(startup, entry).not.toMatch(/function toGraphError|function sanitizeCause/);
    }
    const { default: WhatsApp, FlowJsonValidationError } = await import('meta-cloud-api');
    expect('validateFlowJson' in (await import('meta-cloud-api'))).toBe(false);
    const client = new WhatsApp({ accessToken: 't', baseUrl: 'http://127.0.0.1:9' });
    // The lazily loaded validator rejects before anything is sent (so no server is needed).
    await expect(client.flows.uploadFlowJson('1', { version: '7.1', screens: [] }, { validate: true })).rejects.toBeInstanceOf(FlowJsonValidationError);
    const require = createRequire(import.meta.url);
    const cjsModule = require('meta-cloud-api') as typeof import('meta-cloud-api');
    const cjsClient = new cjsModule.default({ accessToken: 't', baseUrl: 'http://127.0.0.1:9' });
    await expect(cjsClient.flows.uploadFlowJson('1', { version: '7.1', screens: [] }, { validate: true })).rejects.toBeInstanceOf(cjsModule.FlowJsonValidationError);
  });

  it('bundle sizes (bench/bundle-size.mjs): client-only and endpoint-only under their ceilings', async () => {
    const { measureBundles, BUNDLE_TARGETS, BUNDLE_CEILINGS } = await import('../bench/bundle-size.mjs');
    const rows = await measureBundles();
    const client = rows.filter((r) => r.user === 'client-only');
    // Issue 12's targets (BUNDLE_TARGETS: 40 KB and 20 KB) are the ceilings where they are met; the node endpoint
    // build's ceiling is above its target for the synchronous key check (see BUNDLE_CEILINGS).
    expect(BUNDLE_CEILINGS['client-only'].node).toBeLessThanOrEqual(BUNDLE_TARGETS['client-only']);
    expect(BUNDLE_CEILINGS['client-only'].neutral).toBeLessThanOrEqual(BUNDLE_TARGETS['client-only']);
    expect(BUNDLE_CEILINGS['endpoint-only'].neutral).toBeLessThanOrEqual(BUNDLE_TARGETS['endpoint-only']);
    for (const r of rows) expect(r.minified, `${r.user} (${r.platform})`).toBeLessThan(BUNDLE_CEILINGS[r.user][r.platform]);
    // The validator is not in the client's startup code: it is the lazily loaded part.
    for (const r of client) expect(r.lazy).toBeGreaterThan(80 * 1024);
    // Neither are the endpoint's optional parts (signatures, flow tokens, sessions, metrics, the Web Crypto key import).
    for (const r of rows.filter((x) => x.user === 'endpoint-only')) expect(r.lazy).toBeGreaterThan(10 * 1024);
  });
});

describe('types for Node-only consumers (test/package-consumer/check.mjs)', () => {
  it('tsc passes under nodenext, bundler and node10 with @types/node 20 and 24, lib ES2022, strict, no skipLibCheck', async () => {
    const { checkConsumer } = await import('./package-consumer/check.mjs');
    const rows = await checkConsumer();
    expect(rows.map((r) => `${r.resolution}/${r.node}`).sort()).toEqual(
      ['bundler/20', 'bundler/24', 'node10/20', 'node10/24', 'nodenext/20', 'nodenext/24'],
    );
    for (const r of rows) expect(r.output, `${r.resolution} with @types/node ${r.node}`).toBe('');
  }, 180_000);
});
