/**
 * The catalogue resolved for one Flow JSON version: only what that version has, with version conditions already
 * applied, and object shapes as Maps. Built once per version (a few dozen shapes) and reused, so the walk over a large
 * flow does nothing but Map lookups.
 */
import { COMPONENT_CATALOG, type PropertySpec, type Shape, type ValueKind } from './catalog.js';

export interface ResolvedProperty {
  spec: PropertySpec;
  /** Kinds accepted in this version. */
  kinds: readonly ValueKind[];
  acceptsString: boolean;
  dynamic: boolean;
  /** Set when the property exists in other versions only: why it is rejected here. */
  unavailable?: string;
  shape?: ResolvedShape;
  items?: ResolvedProperty;
  values?: ResolvedProperty;
}

export interface ResolvedShape {
  properties: ReadonlyMap<string, ResolvedProperty>;
  /** Keys required in this version. */
  required: readonly string[];
}

export interface VersionCatalog {
  /** Components available in this version, by type. */
  components: ReadonlyMap<string, ResolvedShape>;
  /** Nested expressions in backticks are dynamic values (≥ 6.0). */
  expressions: boolean;
}

const byVersion = new Map<string, VersionCatalog>();

/** What the catalogue needs to know about a document's version (the validator's rule context is one). */
export interface VersionQuery {
  version: { text: string } | undefined;
  /** True when the version is at least `v`. */
  atLeast(v: string): boolean;
}

/** The catalogue for the document's version (the latest when the version is missing or malformed). */
export function catalogFor(ctx: VersionQuery): VersionCatalog {
  const key = ctx.version?.text ?? '';
  let catalog = byVersion.get(key);
  if (!catalog) {
    const atLeast = (v: string) => ctx.atLeast(v);
    const components = new Map<string, ResolvedShape>();
    for (const [type, spec] of COMPONENT_CATALOG) if (atLeast(spec.since)) components.set(type, resolveShape(spec.properties, atLeast));
    catalog = { components, expressions: atLeast('6.0') };
    // Malformed version texts are not cached: any string could come along.
    if (byVersion.size < 64) byVersion.set(key, catalog);
  }
  return catalog;
}

function resolveShape(shape: Shape, atLeast: (v: string) => boolean): ResolvedShape {
  const properties = new Map<string, ResolvedProperty>();
  const required: string[] = [];
  for (const [key, spec] of Object.entries(shape)) {
    const property = resolveProperty(spec, atLeast);
    properties.set(key, property);
    if (!property.unavailable && (spec.required === true || (typeof spec.required === 'string' && atLeast(spec.required)))) required.push(key);
  }
  return { properties, required };
}

function resolveProperty(spec: PropertySpec, atLeast: (v: string) => boolean): ResolvedProperty {
  const kinds = spec.kinds.filter((k) => {
    const from = spec.kindsSince?.[k];
    return from === undefined || atLeast(from);
  });
  const property: ResolvedProperty = { spec, kinds, acceptsString: kinds.includes('string'), dynamic: spec.dynamic !== false };
  if (spec.since !== undefined && !atLeast(spec.since)) property.unavailable = `It is available from Flow JSON version ${spec.since}.`;
  else if (spec.until !== undefined && atLeast(spec.until)) property.unavailable = `It is not available from Flow JSON version ${spec.until}.`;
  if (spec.shape) property.shape = resolveShape(spec.shape, atLeast);
  if (spec.items) property.items = resolveProperty(spec.items, atLeast);
  if (spec.values) property.values = resolveProperty(spec.values, atLeast);
  return property;
}
