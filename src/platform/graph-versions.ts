/**
 * Owns: the Graph API versions Meta publishes, when each was released and until when it is available, and which
 * legacy Graph features new apps can no longer use.
 * Consumers: the client's configuration (src/client/config.ts: the default `apiVersion`), the client's `getFlow`
 * JSDoc and the emulator's `newApp` answer to `date_format` (src/emulator/handlers/flows.ts).
 *
 * Evidence: flows-platform §6.3 (Meta's Graph API changelog, Nov 2026) and §5: v26.0 released 2026-07-29, v27.0
 * 2026-11-04; available until v25.0 2028-07-29, v24.0 2028-02-18, v23.0 2027-10-08, v22.0 2027-05-20, v21.0
 * 2027-01-21; v20.0 expired 2026-09-24. Meta gives no end date for v26.0 and v27.0 yet ("until TBD"). Since
 * 2026-11-04, new apps cannot use date/time formatting (`date_format`), on any version.
 */

export interface GraphVersionInfo {
  version: `v${number}.0`;
  released: string;
  /** The last day calls to this version work; absent while Meta says "TBD". */
  availableUntil?: string;
}

/** Newest first (§6.3, §5). */
export const GRAPH_API_VERSIONS: readonly GraphVersionInfo[] = [
  { version: 'v27.0', released: '2026-11-04' },
  { version: 'v26.0', released: '2026-07-29' },
  { version: 'v25.0', released: '2026-02-18', availableUntil: '2028-07-29' },
  { version: 'v24.0', released: '2025-10-08', availableUntil: '2028-02-18' },
  { version: 'v23.0', released: '2025-05-29', availableUntil: '2027-10-08' },
  { version: 'v22.0', released: '2025-01-21', availableUntil: '2027-05-20' },
  { version: 'v21.0', released: '2024-10-02', availableUntil: '2027-01-21' },
  // Release day from Meta's Graph changelog (not in the reference); the end date is §6.3.
  { version: 'v20.0', released: '2024-05-21', availableUntil: '2026-09-24' },
];

/**
 * The default version: the one with the latest known end date (v25.0, until 2028-07-29). v26.0 and v27.0 are newer
 * but Meta has not said how long they last, so a default that is known to stay available for longest wins (issue 11).
 */
export const DEFAULT_GRAPH_API_VERSION = 'v25.0';

/** §6.3: new apps (created on or after this day) cannot use `date_format`, on any Graph version. */
export const DATE_FORMAT_NEW_APPS_CUTOFF = '2026-11-04';

/** What is known about a version (`'v25.0'`), if Meta published it. */
export function graphVersionInfo(version: string): GraphVersionInfo | undefined {
  return GRAPH_API_VERSIONS.find((v) => v.version === version);
}
