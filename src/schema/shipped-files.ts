// The schema files the package ships in schema/: one `definitions.json` holding every distinct definition once, and
// one `<version>.json` per Flow JSON version holding only that version's top level and `$ref`s into it.
//
// Why this shape: the fourteen self-contained schemas (flowJsonSchema) repeat most definitions from one version to the
// next (~400 KB raw). Editors and validators both follow a relative `$ref` to a sibling file: VS Code resolves it
// against the URL it loaded the schema from (node_modules/meta-cloud-api/schema/7.3.json → definitions.json beside
// it), Ajv against the schema's `$id` once `definitions.json` is added (`ajv.addSchema`). So every file keeps an `$id`
// under one base URL, and the refs are relative ("definitions.json#/definitions/TextInput@6.2"). We stay on draft-07
// (`definitions`, not `$defs`) like the self-contained schemas; `$dynamicRef`, which could have let one container
// definition serve every version, is draft 2020-12 and VS Code does not support it.
//
// A definition is keyed by its name and the first version it applies to (`TextInput@6.2`), and two versions share a
// key only when the definition AND everything it references are identical: a container (Form, If, Switch…) lists
// children through the version's component union, so it gets a new key whenever the union changes. That keeps each
// shipped file exactly equivalent to the self-contained schema of its version, which stays the one the CLI prints.
//
// This module only rearranges what flowJsonSchema builds from the component catalogue; it adds no rule of its own.
import { flowJsonSchema, SCHEMA_BASE_URL, SCHEMA_VERSIONS, type JsonSchema } from './flow-json-schema.js';

/** The shared file's name in schema/. */
export const DEFINITIONS_FILE = 'definitions.json';

const LOCAL_REF = '#/definitions/';

/**
 * The files of schema/, by file name: `definitions.json` first, then `<version>.json` for each of SCHEMA_VERSIONS.
 * A version file is complete only with `definitions.json` beside it (same folder, same base URL of `$id`).
 */
export function shippedSchemaFiles(): Map<string, JsonSchema> {
  const definitions: Record<string, JsonSchema> = {};
  const keyByIdentity = new Map<string, string>();
  const versionFiles = new Map<string, JsonSchema>();
  for (const version of SCHEMA_VERSIONS) {
    const schema = flowJsonSchema(version);
    const top = Object.fromEntries(Object.entries(schema).filter(([key]) => key !== 'definitions'));
    const targets = referencedDefinitions(schema);
    const keys = new Map<string, string>();
    const added: string[] = [];
    for (const [path, identity] of identities(targets)) {
      let key = keyByIdentity.get(identity);
      if (key === undefined) {
        key = `${path.slice(path.lastIndexOf('/') + 1)}@${version}`;
        if (key in definitions) throw new Error(`Two schema definitions would share the key ${key}: rename one in src/schema/flow-json-schema.ts.`);
        keyByIdentity.set(identity, key);
        added.push(key);
      }
      keys.set(path, key);
    }
    // Written once every path of this version has its key, since a definition's refs name other definitions' keys.
    const keyOf = (path: string) => keys.get(path)!;
    for (const [path, definition] of targets) {
      if (added.includes(keyOf(path))) definitions[keyOf(path)] = rewriteRefs(definition, (p) => `${LOCAL_REF}${keyOf(p)}`);
    }
    versionFiles.set(`${version}.json`, rewriteRefs(top, (p) => `${DEFINITIONS_FILE}${LOCAL_REF}${keyOf(p)}`));
  }
  const shared: JsonSchema = {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: `${SCHEMA_BASE_URL}${DEFINITIONS_FILE}`,
    title: 'WhatsApp Flow JSON: definitions shared by the per-version schemas',
    description: 'Not a schema for a flow by itself: point your editor or validator at <version>.json (e.g. 7.3.json), which refers to these definitions. Keys are a definition\'s name and the first Flow JSON version it applies to.',
    definitions,
  };
  return new Map([[DEFINITIONS_FILE, shared], ...versionFiles]);
}

/** The definitions a self-contained schema refers to (`#/definitions/<path>`), by path, in the order they appear. */
function referencedDefinitions(schema: JsonSchema): Map<string, JsonSchema> {
  const targets = new Map<string, JsonSchema>();
  const visit = (node: unknown): void => {
    for (const ref of localRefs(node)) {
      if (targets.has(ref)) continue;
      const definition = ref.split('/').reduce<unknown>((at, part) => (at as JsonSchema | undefined)?.[part], schema.definitions);
      if (definition === undefined || definition === null || typeof definition !== 'object') throw new Error(`Schema ${String(schema.$id)}: $ref "${LOCAL_REF}${ref}" points at nothing.`);
      targets.set(ref, definition as JsonSchema);
      visit(definition);
    }
  };
  visit(schema.properties);
  for (const path of targets.keys()) {
    if ([...targets.keys()].some((other) => other.startsWith(`${path}/`))) throw new Error(`Schema ${String(schema.$id)}: definition ${path} holds another referenced definition; shared files need them apart.`);
  }
  return targets;
}

/**
 * Each definition's identity: its path, and the content of itself and of every definition it reaches through `$ref`,
 * by path. Equal identities in two versions mean the two definitions validate the same documents.
 */
function identities(targets: Map<string, JsonSchema>): Map<string, string> {
  const result = new Map<string, string>();
  for (const path of targets.keys()) {
    const reached = new Set([path]);
    for (const at of reached) for (const ref of localRefs(targets.get(at))) reached.add(ref);
    result.set(path, JSON.stringify([path, [...reached].sort().map((p) => [p, targets.get(p)])]));
  }
  return result;
}

/** The paths of the `#/definitions/…` refs in a node (not descending into other definitions). */
function localRefs(node: unknown): string[] {
  const refs: string[] = [];
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (value !== null && typeof value === 'object') {
      for (const [key, child] of Object.entries(value)) {
        if (key === '$ref' && typeof child === 'string') {
          if (!child.startsWith(LOCAL_REF)) throw new Error(`Unexpected $ref "${child}": the generator writes only ${LOCAL_REF}… refs.`);
          refs.push(child.slice(LOCAL_REF.length));
        } else walk(child);
      }
    }
  };
  walk(node);
  return refs;
}

/** A deep copy of `node` with each `#/definitions/<path>` ref replaced by `to(path)`. */
function rewriteRefs<T>(node: T, to: (path: string) => string): T {
  if (Array.isArray(node)) return node.map((item: unknown) => rewriteRefs(item, to)) as T;
  if (node === null || typeof node !== 'object') return node;
  const copy: JsonSchema = {};
  for (const [key, child] of Object.entries(node)) {
    copy[key] = key === '$ref' && typeof child === 'string' ? to(child.slice(LOCAL_REF.length)) : rewriteRefs(child, to);
  }
  return copy as T;
}
