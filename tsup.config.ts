import { defineConfig } from 'tsup';

// One entry per public subpath of the `exports` map in package.json (and of `typesVersions`, for node10 resolution).
const libraryEntries = {
  index: 'src/index.ts',
  enums: 'src/enums/index.ts',
  'flow-json': 'src/flow-json/index.ts',
  emulator: 'src/emulator/index.ts',
  webhooks: 'src/webhooks/index.ts',
  simulator: 'src/simulator/index.ts',
  endpoint: 'src/endpoint/index.ts',
  'endpoint-node': 'src/endpoint/index-node.ts',
  'adapters/node': 'src/adapters/node.ts',
  'adapters/express': 'src/adapters/express.ts',
  'adapters/fastify': 'src/adapters/fastify.ts',
  'adapters/hono': 'src/adapters/hono.ts',
  'adapters/next': 'src/adapters/next.ts',
  'stores/redis': 'src/stores/redis/index.ts',
  preview: 'src/preview/index.ts',
};

// Entries shipped as ES modules only, with a CommonJS wrapper (issue 12: the tarball): the emulator and the
// previewer, development servers that an application does not bundle, were a third of the CommonJS build (37 KB of
// the tarball). require() of them works where Node loads ES modules from require(): Node 20.19+ and 22.12+.
// Everything an application runs (the client, the endpoint and its adapters, webhooks, stores, Flow JSON, the
// simulator its tests use) stays built for both formats.
const ESM_ONLY = ['emulator', 'preview'];

// No source maps in the package: they were two thirds of the tarball and pointed at sources that are not shipped.
// Stack traces name the dist files, whose code is unminified and readable.
const shared = {
  sourcemap: false,
  minifyWhitespace: true, // identifiers and syntax untouched: stack traces keep function and class names
  target: 'node20',
  treeshake: true,
  splitting: true,
  clean: false, // `npm run build` empties dist first; the two formats build into it in parallel
} as const;

export default defineConfig([
  // ESM: the library and the CLI in ONE build, so the CLI imports the library's own chunks instead of a second copy.
  {
    ...shared,
    entry: { ...libraryEntries, 'cli/bin': 'src/cli/bin.ts' },
    format: ['esm'],
    // No declarations here: the CommonJS build's .d.cts are the package's one declaration set, and
    // scripts/declaration-stubs.mjs (run by `npm run build` after tsup) writes each ESM types entry dist/<entry>.d.ts
    // as a stub re-exporting them. Built twice, they were a second copy of every declaration in the tarball, and a
    // class with private members was two distinct types (issue 12).
  },
  // CommonJS: the library only (the CLI is ESM: it uses top-level await). Its .d.cts serve both formats (see above).
  // The development servers (ESM_ONLY) are not built twice: their dist/<entry>.cjs is a wrapper that require()s the
  // ES module (scripts/cjs-wrappers.mjs), so they ship once, with declarations for both formats all the same.
  {
    ...shared,
    entry: Object.fromEntries(Object.entries(libraryEntries).filter(([name]) => !ESM_ONLY.includes(name))),
    format: ['cjs'],
    dts: { entry: libraryEntries },
  },
]);
