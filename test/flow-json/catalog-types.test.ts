import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { generateCatalogTypeChecks } from './catalog-types.js';

const GENERATED = fileURLToPath(new URL('./catalog-types.generated.typecheck.ts', import.meta.url));

/**
 * The Flow JSON TypeScript types and the component catalogue must not drift (issue 9): the generated file holds one
 * compile-time check per version, component and direction (keys and required keys), and `tsc --noEmit` (CI's
 * typecheck) checks it. This test keeps the generated file in step with the catalogue.
 */
describe('catalogue ↔ TypeScript types', () => {
  it('the generated type checks match the catalogue (regenerate with UPDATE_CATALOG_TYPES=1)', () => {
    const expected = generateCatalogTypeChecks();
    if (process.env.UPDATE_CATALOG_TYPES) writeFileSync(GENERATED, expected);
    expect(readFileSync(GENERATED, 'utf8')).toBe(expected);
  });

  it('covers every version and checks each component both ways', () => {
    const text = generateCatalogTypeChecks();
    expect(text.match(/^\/\/ ---- \d\.\d ----$/gm)).toHaveLength(14);
    expect(text).toContain("none<Exclude<KeysOf<C<'7.3', 'TextInput'>>,");
    expect(text).toContain("none<Exclude<RequiredOf<C<'2.1', 'Footer'>>,");
  });
});
