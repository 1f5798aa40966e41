/**
 * The package ships schema/<version>.json (exports "./schema/*.json"); they must equal what the generator writes.
 * Run with UPDATE_SCHEMAS=1 to rewrite them after changing the catalogue.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { flowJsonSchema, SCHEMA_VERSIONS } from '../../src/schema/index.js';

const folder = resolve(import.meta.dirname, '../../schema');

describe('shipped schemas', () => {
  it.each(SCHEMA_VERSIONS)('schema/%s.json is current', (version) => {
    const text = `${JSON.stringify(flowJsonSchema(version))}\n`;
    const path = join(folder, `${version}.json`);
    if (process.env.UPDATE_SCHEMAS === '1') writeFileSync(path, text);
    expect(readFileSync(path, 'utf8')).toBe(text);
  });
});
