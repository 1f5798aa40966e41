/** The category case table (test/platform/category-cases.ts) through the client's pre-flight check and the emulator. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../src/index.js';
import { CATEGORY_CASES } from '../platform/category-cases.js';
import { startEmulator, uniqueName, WABA, type Harness } from './helpers/emulator.js';

let h: Harness;
beforeAll(async () => {
  h = await startEmulator();
});
afterAll(async () => {
  await h.close();
});

describe('category cases: client and emulator agree', () => {
  it.each(CATEGORY_CASES.map((c) => [JSON.stringify(c.categories), c] as const))('%s', async (_name, c) => {
    const client = await h.client.flows.createFlow({ name: uniqueName('cat'), categories: c.categories as never }).then(
      () => 'ok' as const,
      (e: Error) => e,
    );
    const emulator = await h.raw(`/${WABA}/flows`, { json: { name: uniqueName('cat_raw'), categories: c.categories } });
    if (c.expected === 'ok') {
      expect(client).toBe('ok');
      expect(emulator.status).toBe(200);
    } else {
      expect(client).toBeInstanceOf(InvalidArgumentError);
      expect((client as Error).message).toContain(c.expected.problem);
      if (c.expected.suggestion) expect((client as Error).message).toContain(`Use ${c.expected.suggestion}`);
      expect(emulator.status).toBe(400);
      expect(emulator.body.error.message).toContain(c.expected.problem);
    }
  });
});
