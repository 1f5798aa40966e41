/**
 * Platform rule owned here: which components and properties each Flow JSON version has (flows-platform §2.10, §2.7,
 * §2.2). Consumers: the validator's component rules (`src/flow-json/checks/schema-walk.ts` and the
 * `rules/components/` family) and the drift test against the Flow JSON TypeScript types
 * (`test/flow-json/catalog-types.test.ts`).
 *
 * The runtime catalogue of Flow JSON components (flows-platform §2.10, Form §2.7, If/Switch): for each component
 * type the version that introduced it and, for each property, when it appeared, whether it is required, its JSON
 * types, whether it takes a dynamic value, enums, limits and the shape of nested items. The data lives in the
 * `catalog-*.ts` files of this folder, one per family (types and builders in `catalog-spec.ts`); this file holds the
 * lookup map.
 */
import { CONTAINER_COMPONENTS } from './catalog-containers.js';
import { ENTRY_COMPONENTS } from './catalog-entry.js';
import { INTERACTIVE_COMPONENTS } from './catalog-interactive.js';
import { MEDIA_COMPONENTS } from './catalog-media.js';
import { SELECTION_COMPONENTS } from './catalog-selection.js';
import { TEXT_COMPONENTS } from './catalog-text.js';
import type { ComponentSpec } from './catalog-spec.js';

export type { ComponentSpec, Limit, PropertySpec, Shape, ValueKind } from './catalog-spec.js';

const ALL_COMPONENTS: readonly ComponentSpec[] = [
  ...TEXT_COMPONENTS,
  ...ENTRY_COMPONENTS,
  ...SELECTION_COMPONENTS,
  ...INTERACTIVE_COMPONENTS,
  ...MEDIA_COMPONENTS,
  ...CONTAINER_COMPONENTS,
];

/** Every component type by name. */
export const COMPONENT_CATALOG: ReadonlyMap<string, ComponentSpec> = new Map(ALL_COMPONENTS.map((c) => [c.type, c]));
