import { defineConfig } from 'tsup';

const shared = {
  dts: true,
  sourcemap: true,
  target: 'node20',
  treeshake: true,
} as const;

export default defineConfig([
  // The library: one entry per public subpath of the `exports` map in package.json, ESM and CommonJS.
  {
    ...shared,
    entry: {
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
    },
    format: ['esm', 'cjs'],
    clean: false, // `npm run build` empties dist first; two configs build into it in parallel
    splitting: true,
  },
  // The CLI: Node-only, ESM (it uses top-level await).
  {
    ...shared,
    entry: { 'cli/bin': 'src/cli/bin.ts' },
    format: ['esm'],
    dts: false,
    splitting: true,
  },
]);
