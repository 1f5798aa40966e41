/**
 * The package ships schema/definitions.json and schema/<version>.json (exports "./schema/*.json"): they must equal
 * what the generator writes, and each version file, read as an editor reads it (relative `$ref`s resolved against the
 * file's own location), must mean exactly the self-contained schema the CLI prints.
 * Run `UPDATE_SCHEMAS=1 npx vitest run test/schema/shipped-schemas.test.ts` to rewrite them after changing the
 * catalogue (this file alone: flow-json-schema.test.ts reads the shipped files too).
 */
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { flowJsonSchema, SCHEMA_VERSIONS } from '../../src/schema/index.js';
import { DEFINITIONS_FILE, shippedSchemaFiles } from '../../src/schema/shipped-files.js';

const folder = resolve(import.meta.dirname, '../../schema');
const files = shippedSchemaFiles();

if (process.env.UPDATE_SCHEMAS === '1') {
  for (const name of readdirSync(folder)) if (!files.has(name)) rmSync(join(folder, name));
  for (const [name, schema] of files) writeFileSync(join(folder, name), `${JSON.stringify(schema)}\n`);
}

type Json = unknown;
type Located = { node: Json; doc: string };

/**
 * Checks that two schemas validate the same documents by walking both in step: every keyword equal, every `$ref`
 * followed (a `#…` ref within its document, a `file.json#…` ref to the file beside it). Throws naming the first
 * difference.
 */
function expectSameSchema(a: Located, b: Located, load: (doc: string) => Json): void {
  const seen = new Map<Json, Set<Json>>();
  const deref = ({ node, doc }: Located, at: string): Located => {
    const ref = (node as { $ref: string }).$ref;
    const [file, pointer = ''] = ref.split('#');
    const target = file ? join(dirname(doc), file) : doc;
    const found = pointer.split('/').slice(1).reduce<Json>((n, part) => (n as Record<string, Json> | undefined)?.[part.replace(/~1/g, '/').replace(/~0/g, '~')], load(target));
    if (found === undefined) throw new Error(`${at}: $ref "${ref}" in ${doc} resolves to nothing`);
    return { node: found, doc: target };
  };
  const walk = (x: Located, y: Located, at: string, root = false): void => {
    const isObject = (v: Json): v is Record<string, Json> => v !== null && typeof v === 'object' && !Array.isArray(v);
    if (isObject(x.node) && isObject(y.node) && ('$ref' in x.node || '$ref' in y.node)) {
      if (!('$ref' in x.node && '$ref' in y.node)) throw new Error(`${at}: a $ref on one side only`);
      const rest = (o: Record<string, Json>) => JSON.stringify(Object.entries(o).filter(([k]) => k !== '$ref'));
      if (rest(x.node) !== rest(y.node)) throw new Error(`${at}: keywords beside $ref differ`);
      const [tx, ty] = [deref(x, at), deref(y, at)];
      const pairs = seen.get(tx.node) ?? new Set();
      if (pairs.has(ty.node)) return;
      seen.set(tx.node, pairs.add(ty.node));
      walk(tx, ty, `${at}→${(x.node as { $ref: string }).$ref}`);
      return;
    }
    if (Array.isArray(x.node) && Array.isArray(y.node)) {
      if (x.node.length !== y.node.length) throw new Error(`${at}: arrays of ${x.node.length} and ${y.node.length} items`);
      x.node.forEach((item, i) => walk({ node: item, doc: x.doc }, { node: (y.node as Json[])[i], doc: y.doc }, `${at}/${i}`));
      return;
    }
    if (isObject(x.node) && isObject(y.node)) {
      // At the top, the self-contained schema's inlined `definitions` are what the shipped file refers to instead.
      const keys = (o: Record<string, Json>) => Object.keys(o).filter((k) => !(root && k === 'definitions'));
      if (keys(x.node).join() !== keys(y.node).join()) throw new Error(`${at}: keywords ${keys(x.node).join()} vs ${keys(y.node).join()}`);
      for (const k of keys(x.node)) walk({ node: x.node[k], doc: x.doc }, { node: y.node[k], doc: y.doc }, `${at}/${k}`);
      return;
    }
    if (JSON.stringify(x.node) !== JSON.stringify(y.node)) throw new Error(`${at}: ${JSON.stringify(x.node)} vs ${JSON.stringify(y.node)}`);
  };
  walk(a, b, '', true);
}

describe('shipped schemas', () => {
  it.each([...files.keys()])('schema/%s is current', (name) => {
    expect(readFileSync(join(folder, name), 'utf8')).toBe(`${JSON.stringify(files.get(name))}\n`);
  });

  it('schema/ holds the shared definitions and one file per version, nothing else', () => {
    expect(readdirSync(folder).sort()).toEqual([DEFINITIONS_FILE, ...SCHEMA_VERSIONS.map((v) => `${v}.json`)].sort());
  });

  it.each(SCHEMA_VERSIONS)('schema/%s.json, with the definitions beside it, means what `meta-cloud-api schema` prints', (version) => {
    const parsed = new Map<string, Json>();
    const fromDisk = (doc: string) => {
      if (!existsSync(doc)) throw new Error(`${doc} does not exist`);
      if (!parsed.has(doc)) parsed.set(doc, JSON.parse(readFileSync(doc, 'utf8')) as Json);
      return parsed.get(doc);
    };
    const selfContained = flowJsonSchema(version);
    const shipped = join(folder, `${version}.json`);
    expect(() => expectSameSchema({ node: selfContained, doc: '<cli>' }, { node: fromDisk(shipped), doc: shipped }, (doc) => (doc === '<cli>' ? selfContained : fromDisk(doc)))).not.toThrow();
  });

  it('each distinct definition is shipped once, and the version files are small', () => {
    const shared = JSON.parse(readFileSync(join(folder, DEFINITIONS_FILE), 'utf8')) as { definitions: Record<string, Json> };
    const bodies = Object.values(shared.definitions).map((d) => JSON.stringify(d));
    expect(new Set(bodies).size).toBe(bodies.length);
    for (const v of SCHEMA_VERSIONS) expect(readFileSync(join(folder, `${v}.json`), 'utf8').length).toBeLessThan(2000);
  });
});
