/**
 * How entities are written to the journal and the snapshot (persistence/**), and read back. One rule: a flow whose
 * published version is its current JSON (the same asset) stores that JSON once, as `"published":"json"`; on load
 * `published` is the same object as `json` again. Everything else is stored as it is. Used by store.ts; the
 * loaded-state check (state-shape.ts) accepts the marker.
 */
import { jsonEqual } from './json-values.js';
import type { FlowJsonVersionRecord, FlowRecord } from './state.js';

/** What `published` holds in storage when it is the current JSON. */
export const PUBLISHED_IS_JSON = 'json';

function publishedIsJson(flow: FlowRecord): boolean {
  const { json, published } = flow;
  if (!json || !published) return false;
  return published === json || (published.assetId === json.assetId && jsonEqual(published, json));
}

/** The JSON text of an entity of the map `map` as stored. */
export function encodeEntity(map: string, entity: unknown): string {
  if (map === 'flows' && entity && typeof entity === 'object' && publishedIsJson(entity as FlowRecord)) {
    return JSON.stringify({ ...(entity as FlowRecord), published: PUBLISHED_IS_JSON });
  }
  return JSON.stringify(entity);
}

/** A stored flow as the emulator uses it (the marker resolved); other entities are returned as they are. */
export function decodeEntity(map: string, entity: unknown): unknown {
  if (map !== 'flows' || !entity || typeof entity !== 'object') return entity;
  const flow = entity as FlowRecord & { published?: FlowJsonVersionRecord | typeof PUBLISHED_IS_JSON };
  if (flow.published !== PUBLISHED_IS_JSON) return flow;
  return { ...flow, published: flow.json } as FlowRecord;
}
