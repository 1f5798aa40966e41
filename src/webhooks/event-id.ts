/** De-duplication ids: a message's own id, or a stable SHA-256 of what identifies the event. */
import { toHex } from '../internal/base64.js';
import { sha256 } from '../internal/hmac.js';

/**
 * Longest string identity kept as it is. Meta's message ids (`wamid.` + base64) are about 60 characters; a longer
 * one is remembered by its SHA-256, so a de-duplication store holds a bounded size per item whatever Meta (or a
 * forged-but-signed delivery) sends.
 */
export const MAX_RAW_EVENT_ID_LENGTH = 128;

/**
 * The id under which an event is remembered. A string identity (a message id) is the id, or `sha256:<64 hex
 * digits>` past {@link MAX_RAW_EVENT_ID_LENGTH} characters; parts are serialised with sorted object keys (so the
 * order Meta writes the keys in does not matter) and hashed: `<first part>:<64 hex digits>`, e.g. `flows:3f2a...`.
 */
export async function eventId(identity: string | readonly unknown[]): Promise<string> {
  if (typeof identity === 'string') return identity.length <= MAX_RAW_EVENT_ID_LENGTH ? identity : `sha256:${toHex(await sha256(identity))}`;
  return `${String(identity[0])}:${toHex(await sha256(stableJson(identity)))}`;
}

/** JSON with object keys sorted at every level (JSON semantics otherwise: `undefined` members are left out). */
export function stableJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : stableJson(v))).join(',')}]`;
  const record = value as Record<string, unknown>;
  const members = Object.keys(record)
    .sort()
    .filter((k) => record[k] !== undefined && typeof record[k] !== 'function')
    .map((k) => `${JSON.stringify(k)}:${stableJson(record[k])}`);
  return `{${members.join(',')}}`;
}
