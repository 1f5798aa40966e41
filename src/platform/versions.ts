import { InvalidArgumentError } from '../core/errors.js';
/**
 * Owns: the Flow JSON versions, which can be published and which sent (Meta: Flow JSON versions; Flows changelog). Consumers: the
 * validator (version rule and gating), the Flow JSON types' `defineFlow`, the emulator's publishing checks and the
 * simulator.
 *
 * Flow JSON versions (Meta: Flow JSON versions; Flows changelog). Versions are `"{major}.{minor}"` strings whose minors count
 * independently (1.9 < 1.10), compared numerically.
 */
export const FLOW_JSON_VERSION_LIST = ['2.1', '3.0', '3.1', '4.0', '5.0', '5.1', '6.0', '6.1', '6.2', '6.3', '7.0', '7.1', '7.2', '7.3'] as const;
export type KnownFlowJsonVersion = (typeof FLOW_JSON_VERSION_LIST)[number];

/** Versions new or edited flows can be published with (Meta's changelog, Nov 2025). */
export const PUBLISHABLE_VERSIONS: readonly KnownFlowJsonVersion[] = ['5.1', '6.0', '6.1', '6.2', '6.3', '7.0', '7.1', '7.2', '7.3'];
/** Versions that can still be sent and opened. */
export const SENDABLE_VERSIONS: readonly KnownFlowJsonVersion[] = FLOW_JSON_VERSION_LIST;
export const LATEST_VERSION: KnownFlowJsonVersion = '7.3';
export const DATA_API_VERSIONS = ['3.0', '4.0'] as const;

export interface FlowVersion {
  major: number;
  minor: number;
  text: string;
}

export function parseVersion(text: unknown): FlowVersion | undefined {
  if (typeof text !== 'string') return undefined;
  const m = /^(\d+)\.(\d+)$/.exec(text);
  if (!m) return undefined;
  return { major: Number(m[1]), minor: Number(m[2]), text };
}

/** Negative when a < b, 0 when equal, positive when a > b. */
export function compareVersions(a: FlowVersion | string, b: FlowVersion | string): number {
  const va = typeof a === 'string' ? parseVersion(a) : a;
  const vb = typeof b === 'string' ? parseVersion(b) : b;
  if (!va || !vb) throw new InvalidArgumentError(`Not a Flow JSON version (use "MAJOR.MINOR", e.g. "7.3"): ${JSON.stringify(!va ? a : b)}`);
  return va.major - vb.major || va.minor - vb.minor;
}

export function isKnownVersion(text: string): text is KnownFlowJsonVersion {
  return (FLOW_JSON_VERSION_LIST as readonly string[]).includes(text);
}
