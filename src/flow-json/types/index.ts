/**
 * Types for WhatsApp Flow JSON 2.1 – 7.3 as it appears on the wire (Meta: Flow JSON reference).
 *
 * - `FlowJson` is the union of every version's document, discriminated on `version`; `FlowJson<'6.2'>`
 *   picks one version. Each version also has a named alias (`FlowJsonV2_1` … `FlowJsonV7_3`) with its
 *   `ScreenV…`, `LayoutV…`, `LayoutChildV…`, `FormV…` and `ComponentV…` types.
 * - Component interfaces are suffixed with the version in which that shape appeared (`TextInputV2_1`,
 *   `TextInputV4_0`, `TextInputV6_2`, `TextInputV7_0`); a version's `ComponentV…` union shows which shape
 *   it uses. `FlowComponent<'6.2', 'TextInput'>` looks one up by version and type.
 * - `defineFlow` returns its argument unchanged, keeping literal types, and reports misspelt properties,
 *   unknown navigate targets and unknown screens in `routing_model`.
 */
import type { FlowJsonV2_1, ComponentV2_1 } from './v2.js';
import type { FlowJsonV3_0, FlowJsonV3_1, ComponentV3_0, ComponentV3_1 } from './v3.js';
import type { FlowJsonV4_0, ComponentV4_0 } from './v4.js';
import type { FlowJsonV5_0, FlowJsonV5_1, ComponentV5_0, ComponentV5_1 } from './v5.js';
import type { ComponentV6_0, ComponentV6_1, ComponentV6_2, ComponentV6_3 } from './v6.js';
import type { FlowJsonV6_0, FlowJsonV6_1, FlowJsonV6_2, FlowJsonV6_3 } from './v6.js';
import type { ComponentV7_0, ComponentV7_1, ComponentV7_2, ComponentV7_3 } from './v7.js';
import type { FlowJsonV7_0, FlowJsonV7_1, FlowJsonV7_2, FlowJsonV7_3 } from './v7.js';
import type { Exact, ScreenIdOf } from './exact.js';
import type { FlowContractChecks } from '../../contract/flow-checks.js';

export type * from './common.js';
export type * from './actions.js';
export type * from './data-model.js';
export type * from './document.js';
export type * from './form.js';
export type * from './conditional.js';
export type * from './assemble.js';
export type * from './exact.js';
export type * from './v2.js';
export type * from './v3.js';
export type * from './v4.js';
export type * from './v5.js';
export type * from './v6.js';
export type * from './v7.js';

/** Flow JSON document type of each version. */
export interface FlowJsonByVersion {
  '2.1': FlowJsonV2_1;
  '3.0': FlowJsonV3_0;
  '3.1': FlowJsonV3_1;
  '4.0': FlowJsonV4_0;
  '5.0': FlowJsonV5_0;
  '5.1': FlowJsonV5_1;
  '6.0': FlowJsonV6_0;
  '6.1': FlowJsonV6_1;
  '6.2': FlowJsonV6_2;
  '6.3': FlowJsonV6_3;
  '7.0': FlowJsonV7_0;
  '7.1': FlowJsonV7_1;
  '7.2': FlowJsonV7_2;
  '7.3': FlowJsonV7_3;
}

/** Any component of each version. */
export interface FlowComponentByVersion {
  '2.1': ComponentV2_1;
  '3.0': ComponentV3_0;
  '3.1': ComponentV3_1;
  '4.0': ComponentV4_0;
  '5.0': ComponentV5_0;
  '5.1': ComponentV5_1;
  '6.0': ComponentV6_0;
  '6.1': ComponentV6_1;
  '6.2': ComponentV6_2;
  '6.3': ComponentV6_3;
  '7.0': ComponentV7_0;
  '7.1': ComponentV7_1;
  '7.2': ComponentV7_2;
  '7.3': ComponentV7_3;
}

/** A Flow JSON version string known to these types. */
export type FlowJsonVersion = keyof FlowJsonByVersion;

/** The latest Flow JSON version (recommended for new flows). */
export type LatestFlowJsonVersion = '7.3';

/**
 * A Flow JSON document. Without a type argument: the union of all versions, discriminated on `version`.
 * With one: that version's document, e.g. `FlowJson<'7.3'>`.
 */
export type FlowJson<V extends FlowJsonVersion = FlowJsonVersion> = FlowJsonByVersion[V];

/** A screen of the given version(s). */
export type FlowScreen<V extends FlowJsonVersion = FlowJsonVersion> = FlowJson<V>['screens'][number];

/** The layout of a screen of the given version(s). */
export type FlowLayout<V extends FlowJsonVersion = FlowJsonVersion> = FlowScreen<V>['layout'];

/** A component of the given version, optionally narrowed by `type`, e.g. `FlowComponent<'6.2', 'TextInput'>`. */
export type FlowComponent<V extends FlowJsonVersion = FlowJsonVersion, Type extends string = string> = Extract<
  FlowComponentByVersion[V],
  { type: Type }
>;

/** Every Flow JSON version these types describe, oldest first. */
export const FLOW_JSON_VERSIONS = [
  '2.1',
  '3.0',
  '3.1',
  '4.0',
  '5.0',
  '5.1',
  '6.0',
  '6.1',
  '6.2',
  '6.3',
  '7.0',
  '7.1',
  '7.2',
  '7.3',
] as const satisfies readonly FlowJsonVersion[];

// Compile-time check that FLOW_JSON_VERSIONS lists every key of FlowJsonByVersion.
type AssertNever<T extends never> = T;
type _AllVersionsListed = AssertNever<Exclude<FlowJsonVersion, (typeof FLOW_JSON_VERSIONS)[number]>>;

/**
 * Declare a Flow JSON document. Returns `json` unchanged at run time; at compile time it keeps the literal
 * types (screen ids, field names, versions) and reports, at the offending property:
 * - properties the version does not have (misspelt, or added in a later version),
 * - `navigate` targets that are not screens of this flow,
 * - `routing_model` keys or destinations that are not screens of this flow,
 * - contract mistakes (src/contract/flow-checks.ts): `${data.k}` / `${form.k}` / `${screen.S.…}` references that do
 *   not resolve, navigate payloads that do not match the next screen's data model (endpoint-less flows), and Form
 *   `init-values` / `error-messages` keys that are not input names. Each is reported at the offending value as
 *   `ContractError<"Unknown data key 'k' on screen 'A'">` (or a similar message naming the field and screen).
 *
 * @example
 * const flow = defineFlow({
 *   version: '7.3',
 *   screens: [{ id: 'DONE', terminal: true, layout: { type: 'SingleColumnLayout', children: [
 *     { type: 'Footer', label: 'Finish', 'on-click-action': { name: 'complete', payload: {} } },
 *   ] } }],
 * });
 */
export function defineFlow<const T extends FlowJson>(json: T & Exact<T, FlowJson, ScreenIdOf<T>> & FlowContractChecks<T>): T {
  return json;
}
