/**
 * What a transaction changed (store.ts): the entities that differ from the committed ones, as one
 * `DocumentChange` (persistence/document-change.ts) serialised once, plus how much it grows the stored state.
 * Each changed entity is serialised exactly once (state-codec.ts); nothing else in the state is touched.
 */
import type { Draft } from './draft-state.js';
import type { DocumentChange } from './persistence/document-change.js';
import { encodeEntity } from './state-codec.js';
import type { EmulatorState } from './state.js';
import { utf8ByteLength } from './state-size.js';

export const MAP_NAMES = ['wabas', 'phones', 'flows', 'templates'] as const;
export type MapName = (typeof MAP_NAMES)[number];

/** The store's committed maps (null-prototype objects of frozen entities) and list. */
export interface Tables {
  nextId: number;
  wabas: EmulatorState['wabas'];
  phones: EmulatorState['phones'];
  flows: EmulatorState['flows'];
  templates: EmulatorState['templates'];
  messages: EmulatorState['messages'];
}

export interface BuiltChange {
  nextId: number;
  replaced: Map<MapName, Record<string, unknown>>;
  maps: Map<MapName, { put: Map<string, { entity: unknown; size: number }>; remove: string[] }>;
  messages?: { replace: boolean; items: unknown[] };
  /** Bytes the stored state grows by (negative: shrinks). */
  sizeDelta: number;
  /** The change as persistence records it. */
  json: string;
  /** The same change with the entities as objects (for stores that want the whole state). */
  raw: DocumentChange;
}

/** Stored size of one entry: `"key":<entity>,` (a list item: `<entity>,`). */
export function entrySize(map: MapName | 'messages', key: string, entity: unknown): number {
  return entryTextSize(map, key, map === 'messages' ? JSON.stringify(entity) : encodeEntity(map, entity));
}

function entryTextSize(map: MapName | 'messages', key: string, text: string): number {
  return map === 'messages' ? utf8ByteLength(text) + 1 : utf8ByteLength(JSON.stringify(key)) + utf8ByteLength(text) + 2;
}

/** The difference between the draft and the committed tables, or undefined when nothing changed. */
export function buildChange(tables: Tables, draft: Draft, sizes: Record<MapName, Map<string, number>>): BuiltChange | undefined {
  const set: string[] = [];
  const put: string[] = [];
  const remove: string[] = [];
  const append: string[] = [];
  const raw: Required<DocumentChange> = { set: {}, put: {}, remove: {}, append: {} };
  const built: BuiltChange = { nextId: draft.state.nextId, replaced: new Map(), maps: new Map(), sizeDelta: 0, json: '', raw };

  if (built.nextId !== tables.nextId) {
    set.push(`"nextId":${JSON.stringify(built.nextId)}`);
    raw.set.nextId = built.nextId;
  }
  for (const [map, entries] of draft.replaced) {
    const parts: string[] = [];
    for (const key of Object.keys(entries)) {
      const text = encodeEntity(map, entries[key]);
      parts.push(`${JSON.stringify(key)}:${text}`);
      built.sizeDelta += entryTextSize(map, key, text);
    }
    for (const size of sizes[map].values()) built.sizeDelta -= size;
    set.push(`${JSON.stringify(map)}:{${parts.join(',')}}`);
    raw.set[map] = entries;
    built.replaced.set(map, entries);
  }
  for (const map of MAP_NAMES) {
    if (draft.replaced.has(map)) continue;
    const diff = draft.maps[map].diff();
    if (diff.put.size === 0 && diff.remove.length === 0) continue;
    const entries = new Map<string, { entity: unknown; size: number }>();
    const parts: string[] = [];
    const rawPut: Record<string, unknown> = {};
    for (const [key, entity] of diff.put) {
      const text = encodeEntity(map, entity);
      const size = entryTextSize(map, key, text);
      parts.push(`${JSON.stringify(key)}:${text}`);
      entries.set(key, { entity, size });
      rawPut[key] = entity;
      built.sizeDelta += size - (sizes[map].get(key) ?? 0);
    }
    for (const key of diff.remove) built.sizeDelta -= sizes[map].get(key) ?? 0;
    if (parts.length > 0) {
      put.push(`${JSON.stringify(map)}:{${parts.join(',')}}`);
      raw.put[map] = rawPut;
    }
    if (diff.remove.length > 0) {
      remove.push(`${JSON.stringify(map)}:${JSON.stringify(diff.remove)}`);
      raw.remove[map] = diff.remove;
    }
    built.maps.set(map, { put: entries, remove: diff.remove });
  }
  const list = draft.messages.list;
  if (list !== undefined) {
    const base = tables.messages;
    let appendOnly = !draft.messages.replaced && list.length >= base.length;
    for (let i = 0; appendOnly && i < base.length; i++) if (list[i] !== base[i]) appendOnly = false;
    const items = appendOnly ? list.slice(base.length) : list;
    const texts = items.map((item) => JSON.stringify(item));
    if (!appendOnly) {
      set.push(`"messages":[${texts.join(',')}]`);
      raw.set.messages = items;
      built.sizeDelta -= base.reduce((sum: number, message) => sum + entrySize('messages', '', message), 0);
      built.messages = { replace: true, items };
    } else if (items.length > 0) {
      append.push(`"messages":[${texts.join(',')}]`);
      raw.append.messages = items;
      built.messages = { replace: false, items };
    }
    for (const text of texts) built.sizeDelta += entryTextSize('messages', '', text);
  }
  const sections: string[] = [];
  if (set.length > 0) sections.push(`"set":{${set.join(',')}}`);
  if (put.length > 0) sections.push(`"put":{${put.join(',')}}`);
  if (remove.length > 0) sections.push(`"remove":{${remove.join(',')}}`);
  if (append.length > 0) sections.push(`"append":{${append.join(',')}}`);
  if (sections.length === 0) return undefined;
  built.json = `{${sections.join(',')}}`;
  return built;
}

/** The whole committed state as the snapshot file stores it (for compaction and for stores without changes). */
export function snapshotJson(tables: Tables): string {
  const maps = MAP_NAMES.map((map) => {
    const dict = tables[map] as Record<string, unknown>;
    const parts = Object.keys(dict).map((key) => `${JSON.stringify(key)}:${encodeEntity(map, dict[key])}`);
    return `${JSON.stringify(map)}:{${parts.join(',')}}`;
  });
  return `{"format":1,"nextId":${JSON.stringify(tables.nextId)},${maps.join(',')},"messages":${JSON.stringify(tables.messages)}}`;
}
