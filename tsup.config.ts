import { defineConfig } from 'tsup';

// One entry per public subpath of the `exports` map in package.json.
export default defineConfig({
  entry: {
    index: 'src/index.ts',
    enums: 'src/enums/index.ts',
  },
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  sourcemap: true,
  target: 'node20',
  splitting: true,
  treeshake: true,
  // Error classes take their `name` from the class; keep esbuild from renaming them.
  keepNames: true,
});
