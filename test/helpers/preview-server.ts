/** Builds the preview page once per test file (into a temp dir) and starts preview servers on free ports. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPreviewServer, type PreviewServerOptions } from '../../src/preview/index.js';

export interface TestPreviews {
  start(options: Omit<PreviewServerOptions, 'assetsDir'>): Promise<string>;
  close(): Promise<void>;
}

export async function testPreviews(): Promise<TestPreviews> {
  const dir = await mkdtemp(join(tmpdir(), 'preview-page-'));
  // @ts-expect-error: a plain .mjs build script without types
  const { buildPreviewPage } = (await import('../../scripts/build-preview.mjs')) as { buildPreviewPage(out: string): Promise<unknown> };
  await buildPreviewPage(dir);
  const running: Array<{ close(): Promise<void> }> = [];
  return {
    async start(options) {
      const server = await createPreviewServer({ ...options, assetsDir: dir }).listen({ port: 0 });
      running.push(server);
      return `${server.url}/`;
    },
    async close() {
      await Promise.all(running.map((s) => s.close()));
      await rm(dir, { recursive: true, force: true });
    },
  };
}
