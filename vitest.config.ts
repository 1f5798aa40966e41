import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
    // Tests that run the built package get a current dist/: built when missing or older than src/.
    globalSetup: ['test/setup/build-dist.ts'],
  },
});
