/**
 * The store's in-memory indexes of the committed flows (store.ts keeps them up to date at each commit):
 * - per WABA, the flows in listing order (oldest first by `createdAt`, then by id), so a page of
 *   `GET /{waba}/flows` costs O(log n + page size) (handlers/flows.ts);
 * - per WABA and name, the flows with that name, so the uniqueness check of a create or rename costs O(1)
 *   (context.ts `flowNameTaken`; Meta refuses a second flow of the same name in one WABA, flows-platform §1.3.1).
 */
import type { FlowRecord } from './state.js';

/** Where a flow sits in its WABA's list. */
export interface FlowKey {
  readonly id: string;
  readonly createdAt: string;
}

/** Ids compare as numbers when both are digits (Meta's ids are), as text otherwise. */
function compareIds(a: string, b: string): number {
  if (/^\d+$/.test(a) && /^\d+$/.test(b) && a.length !== b.length) return a.length - b.length;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Listing order, oldest first. */
export function compareFlowKeys(a: FlowKey, b: FlowKey): number {
  if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt ? -1 : 1;
  return compareIds(a.id, b.id);
}

/** The first position in `keys` (sorted) whose key is not below `key`. */
export function lowerBound(keys: readonly FlowKey[], key: FlowKey): number {
  let low = 0;
  let high = keys.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (compareFlowKeys(keys[mid]!, key) < 0) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** The first position in `keys` (sorted) whose key is above `key`. */
export function upperBound(keys: readonly FlowKey[], key: FlowKey): number {
  let low = 0;
  let high = keys.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (compareFlowKeys(keys[mid]!, key) <= 0) low = mid + 1;
    else high = mid;
  }
  return low;
}

const NO_KEYS: readonly FlowKey[] = Object.freeze([]);

export class FlowIndex {
  private readonly byWaba = new Map<string, FlowKey[]>();
  private readonly byName = new Map<string, Set<string>>();

  static of(flows: Iterable<FlowRecord>): FlowIndex {
    const index = new FlowIndex();
    for (const flow of flows) {
      const list = index.byWaba.get(flow.wabaId) ?? [];
      list.push({ id: flow.id, createdAt: flow.createdAt });
      index.byWaba.set(flow.wabaId, list);
      index.nameSet(flow.wabaId, flow.name).add(flow.id);
    }
    for (const list of index.byWaba.values()) list.sort(compareFlowKeys);
    return index;
  }

  /** The WABA's flows, oldest first. The caller must not change the array. */
  ordered(wabaId: string): readonly FlowKey[] {
    return this.byWaba.get(wabaId) ?? NO_KEYS;
  }

  /** Ids of the WABA's flows with this name. */
  named(wabaId: string, name: string): Iterable<string> {
    return this.byName.get(nameKey(wabaId, name)) ?? [];
  }

  add(flow: FlowRecord): void {
    const list = this.byWaba.get(flow.wabaId) ?? [];
    this.byWaba.set(flow.wabaId, list);
    const key = { id: flow.id, createdAt: flow.createdAt };
    const at = upperBound(list, key);
    if (at === list.length) list.push(key);
    else list.splice(at, 0, key);
    this.nameSet(flow.wabaId, flow.name).add(flow.id);
  }

  remove(flow: FlowRecord): void {
    const list = this.byWaba.get(flow.wabaId);
    if (list) {
      const at = lowerBound(list, flow);
      if (list[at]?.id === flow.id) list.splice(at, 1);
      if (list.length === 0) this.byWaba.delete(flow.wabaId);
    }
    const names = this.byName.get(nameKey(flow.wabaId, flow.name));
    names?.delete(flow.id);
    if (names?.size === 0) this.byName.delete(nameKey(flow.wabaId, flow.name));
  }

  /** A committed flow changed: only a change of WABA, name or creation time moves it. */
  replace(before: FlowRecord, after: FlowRecord): void {
    if (before.wabaId === after.wabaId && before.name === after.name && before.createdAt === after.createdAt) return;
    this.remove(before);
    this.add(after);
  }

  private nameSet(wabaId: string, name: string): Set<string> {
    const key = nameKey(wabaId, name);
    let set = this.byName.get(key);
    if (!set) this.byName.set(key, (set = new Set()));
    return set;
  }
}

function nameKey(wabaId: string, name: string): string {
  return `${wabaId}\u0000${name}`;
}
