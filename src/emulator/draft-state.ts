/**
 * A transaction's draft of the whole state (store.ts): an `EmulatorState` whose maps are copy-on-write views
 * (draft-map.ts), whose `messages` list is copied only when the transaction touches it, and whose maps can be
 * replaced whole (`POST /_emulator/reset` assigns empty ones). It is registered with the store's indexes, seen
 * through what the transaction changed (committed-view.ts `stateAccess`).
 */
import { registerStateAccess } from './committed-view.js';
import { draftMap, type DraftMap } from './draft-map.js';
import type { FlowIndex } from './flow-index.js';
import { MAP_NAMES, type MapName, type Tables } from './state-change.js';
import type { EmulatorState, FlowRecord } from './state.js';

export interface Draft {
  state: EmulatorState;
  maps: Record<MapName, DraftMap<unknown>>;
  /** Maps the transaction replaced whole. */
  replaced: Map<MapName, Record<string, unknown>>;
  messages: { list?: unknown[]; replaced: boolean };
}

export function openDraft(tables: Tables, index: FlowIndex): Draft {
  const maps = {} as Record<MapName, DraftMap<unknown>>;
  const replaced = new Map<MapName, Record<string, unknown>>();
  const messages: Draft['messages'] = { replaced: false };
  const state = { format: 1, nextId: tables.nextId } as EmulatorState;
  for (const map of MAP_NAMES) {
    maps[map] = draftMap((tables as unknown as Record<MapName, Record<string, unknown>>)[map]);
    Object.defineProperty(state, map, {
      enumerable: true,
      get: () => replaced.get(map) ?? maps[map].view,
      set: (value: Record<string, unknown>) => void replaced.set(map, value),
    });
  }
  Object.defineProperty(state, 'messages', {
    enumerable: true,
    get: () => (messages.list ??= tables.messages.slice()),
    set: (value: unknown[]) => {
      messages.list = value;
      messages.replaced = true;
    },
  });

  const flows = maps.flows as DraftMap<FlowRecord>;
  registerStateAccess(state, {
    orderedFlows(wabaId) {
      if (replaced.has('flows')) return undefined;
      for (const [id, now] of flows.touched()) {
        const before = tables.flows[id];
        if (!before && !now) continue;
        if (!before || !now || before.wabaId !== now.wabaId || before.createdAt !== now.createdAt) return undefined;
      }
      return index.ordered(wabaId);
    },
    flowIdsNamed(wabaId, name) {
      const matches = (flow: FlowRecord | undefined) => flow !== undefined && flow.wabaId === wabaId && flow.name === name;
      const whole = replaced.get('flows') as Record<string, FlowRecord> | undefined;
      if (whole) return Object.keys(whole).filter((id) => matches(whole[id]));
      const ids = new Set<string>();
      for (const id of index.named(wabaId, name)) if (matches(flows.peek(id))) ids.add(id);
      for (const [id, flow] of flows.touched()) if (matches(flow)) ids.add(id);
      return [...ids];
    },
  });
  return { state, maps, replaced, messages };
}
