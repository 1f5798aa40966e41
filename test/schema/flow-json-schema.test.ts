/**
 * The generated JSON Schemas (src/schema) checked with Ajv, in both forms: the self-contained schema the CLI prints,
 * and the shipped schema/<version>.json loaded as the README says (schema/definitions.json added first). Every valid
 * flow of the corpus and each of Meta's example flows validates against its version's schema; each invalid fixture
 * whose defect a schema can express is rejected.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { flowJsonSchema, SCHEMA_VERSIONS } from '../../src/schema/index.js';
import type { KnownFlowJsonVersion } from '../../src/platform/versions.js';

const fixtures = resolve(import.meta.dirname, '../fixtures/flow-json');
const shippedFolder = resolve(import.meta.dirname, '../../schema');
const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: false });
const selfContained = new Map(SCHEMA_VERSIONS.map((v) => [v, ajv.compile(flowJsonSchema(v))]));
// A second Ajv: the shipped files have the same `$id`s as the self-contained schemas.
const shippedAjv = new Ajv({ allErrors: true, strict: false, validateFormats: false });
shippedAjv.addSchema(JSON.parse(readFileSync(join(shippedFolder, 'definitions.json'), 'utf8')) as object);
const shipped = new Map(SCHEMA_VERSIONS.map((v) => [v, shippedAjv.compile(JSON.parse(readFileSync(join(shippedFolder, `${v}.json`), 'utf8')) as object)]));
const forms = [
  ['self-contained', selfContained],
  ['shipped', shipped],
] as const;

function check(flow: { version?: string }, validators: typeof selfContained): string[] {
  const validate = validators.get(flow.version as KnownFlowJsonVersion);
  if (!validate) return [`no schema for version ${String(flow.version)}`];
  return validate(flow) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}

const read = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as { version?: string };
const jsonFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? jsonFiles(join(dir, e.name)) : e.name.endsWith('.json') ? [join(dir, e.name)] : []));

/**
 * Invalid fixtures a schema can express (a property the version lacks, a wrong JSON type, a missing required
 * property, a value outside an enum, the screen id pattern, the screens array). The other invalid fixtures break
 * cross-reference rules (references, routing, counts, footers, terminal screens…) only `meta-cloud-api validate` sees;
 * which action each site accepts (action-name/complete-on-embedded-link) is left to the validator too (the schema
 * has one action shape per version).
 */
const SCHEMA_EXPRESSIBLE = [
  'action-name/missing-name.json',
  'action-name/name-not-string.json',
  'component-enum-values/input-type.json',
  'component-property-keys/newer-than-version.json',
  'component-property-keys/unknown-property.json',
  'component-property-types/boolean-as-number.json',
  'component-property-types/static-string-for-number.json',
  'component-required-properties/missing-label.json',
  'component-type/missing-type.json',
  'component-type/newer-than-version.json',
  'component-type/type-not-string.json',
  'component-type/unknown-type.json',
  'screen-id-pattern/digits.json',
  'screen-id-pattern/empty.json',
  'screen-keys/missing-id.json',
  'screen-keys/sensitive-before-5-1.json',
  'screen-keys/unknown-key.json',
  'screen-keys/wrong-type.json',
  'screens-array/empty.json',
  'screens-array/missing.json',
  'screens-array/more-than-100.json',
  'screens-array/not-an-array.json',
];

describe('Flow JSON schemas', () => {
  it('exist for every version, and say cross-reference rules need the validator', () => {
    expect(SCHEMA_VERSIONS).toHaveLength(14);
    for (const v of SCHEMA_VERSIONS) expect(String(flowJsonSchema(v).description)).toContain('meta-cloud-api validate');
  });

  describe.each(forms)('%s', (_form, validators) => {
    it.each(jsonFiles(join(fixtures, 'valid')).map((f) => [f.slice(fixtures.length + 1), f]))('accept the valid flow %s', (_name, file) => {
      expect(check(read(file), validators)).toEqual([]);
    });

    it.each(jsonFiles(join(fixtures, 'meta-doc-examples')).map((f) => [f.slice(fixtures.length + 1), f]))("accept Meta's example %s", (_name, file) => {
      expect(check(read(file), validators)).toEqual([]);
    });

    it.each(SCHEMA_EXPRESSIBLE)('reject the invalid fixture %s', (name) => {
      expect(check(read(join(fixtures, 'invalid', name)), validators).length).toBeGreaterThan(0);
    });
  });

  it('the shipped files reject each invalid fixture with the same errors as the self-contained schema', () => {
    for (const file of jsonFiles(join(fixtures, 'invalid'))) {
      const flow = read(file);
      if (!selfContained.has(flow.version as KnownFlowJsonVersion)) continue;
      expect(check(flow, shipped), file).toEqual(check(flow, selfContained));
    }
  });

  it('refuse an unknown version', () => {
    expect(() => flowJsonSchema('9.9' as KnownFlowJsonVersion)).toThrow(/versions: 2.1/);
  });
});
