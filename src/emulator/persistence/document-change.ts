/**
 * One change of a stored JSON document, as the journal records it (journal-format.ts) and as both stores replay it
 * on load. Persistence stays blind to what the document means: a change only names top-level fields.
 *
 * - `set`: top-level fields replaced whole (a counter, or a map emptied by a reset);
 * - `put`: entries written into a top-level map (`put.flows["123"] = {...}`), the changed entries only;
 * - `remove`: entries deleted from a top-level map;
 * - `append`: items added at the end of a top-level array.
 *
 * Applied in that order. Used by memory.ts, file.ts and the emulator's store (store.ts builds the changes).
 */
import type { EmulatorSnapshot } from './types.js';

export interface DocumentChange {
  set?: Record<string, unknown>;
  put?: Record<string, Record<string, unknown>>;
  remove?: Record<string, string[]>;
  append?: Record<string, unknown[]>;
}

const isMap = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Applies `change` to `document` in place. Throws a TypeError naming the field when the change does not fit the
 * document (a `put` into something that is not an object, an `append` to something that is not an array).
 */
export function applyDocumentChange(document: EmulatorSnapshot, change: DocumentChange): void {
  if (!isMap(change)) throw new TypeError('a change must be a JSON object');
  for (const [field, value] of Object.entries(change.set ?? {})) document[field] = value;
  for (const [field, keys] of Object.entries(change.remove ?? {})) {
    const map = document[field];
    if (!isMap(map) || !Array.isArray(keys)) throw new TypeError(`cannot remove entries from "${field}": it is not an object`);
    for (const key of keys) delete map[key];
  }
  for (const [field, entries] of Object.entries(change.put ?? {})) {
    const map = document[field];
    if (!isMap(map) || !isMap(entries)) throw new TypeError(`cannot put entries into "${field}": it is not an object`);
    for (const [key, value] of Object.entries(entries)) map[key] = value;
  }
  for (const [field, items] of Object.entries(change.append ?? {})) {
    const list = document[field];
    if (!Array.isArray(list) || !Array.isArray(items)) throw new TypeError(`cannot append to "${field}": it is not an array`);
    for (const item of items) list.push(item);
  }
}
