/**
 * The emulator's state store: one change at a time, all or nothing, and a cost per change that follows the change,
 * not the state (issue 13).
 *
 * - Committed state: plain maps of deeply frozen entities. Requests read it through read-only views
 *   (committed-view.ts); `snapshot()` hands out a frozen copy, made at most once per commit.
 * - A change runs on a copy-on-write draft (draft-map.ts): only the entities it reads are copied. When it succeeds,
 *   the store computes what differs (state-change.ts), checks the state-size limit incrementally (state-size.ts),
 *   and has persistence record just that (`saveChange`: the journal, persistence/file.ts). Only after the save
 *   succeeds is the change applied to the committed maps and its effects run; otherwise nothing happened.
 * - Indexes (flow-index.ts) follow every commit; handlers reach them with `stateAccess` (context.ts).
 * A persistence without `saveChange` (a custom store) still gets the whole state on each write (`saveJson`/`save`).
 */
import { GraphError } from './graph-error.js';
import { committedView, frozenCopy, registerStateAccess, stateAccess, type StateAccess } from './committed-view.js';
import { applyDocumentChange } from './persistence/document-change.js';
import type { EmulatorPersistence } from './persistence/types.js';
import { deepFreeze } from './json-values.js';
import { FlowIndex } from './flow-index.js';
import { decodeEntity } from './state-codec.js';
import { buildChange, entrySize, MAP_NAMES, snapshotJson, type MapName, type Tables } from './state-change.js';
import { openDraft } from './draft-state.js';
import type { EmulatorState, FlowRecord } from './state.js';
import { tooLarge } from './state-size.js';

export { stateAccess, type StateAccess };

/** What a change may do besides changing the state: run only once the change is saved (webhooks, timers). */
export type AfterCommit = (effect: () => unknown) => void;

/** One change in progress: its private draft of the state, and the effects to run once it is saved. */
export interface Transaction {
  state: EmulatorState;
  afterCommit: AfterCommit;
}

export interface EmulatorStore {
  /** The committed state as requests read it: read-only views of the live maps (a write throws). */
  committed(): EmulatorState;
  /** A deeply frozen copy of the committed state (for `emulator.state()`), made at most once per commit. */
  snapshot(): EmulatorState;
  /** Replaces the committed state (loading at start-up). */
  load(state: EmulatorState): void;
  /**
   * Runs `change` on a private copy-on-write draft of the committed state, one change at a time. When `change`
   * succeeds its difference is saved; only after the save succeeds does it become committed and do its effects
   * run. When `change` throws or the save fails, the draft and its effects are dropped: nothing happened, and no
   * later request can see or write into what was dropped.
   */
  mutate<T>(change: (tx: Transaction) => T | Promise<T>): Promise<T>;
  /** Resolves when every queued change has finished. */
  idle(): Promise<void>;
}

/** `maxStateBytes`: a change that would grow the stored state past it is refused (413, state-size.ts). */
export function createStore(initial: EmulatorState, persistence: () => EmulatorPersistence, maxStateBytes: number): EmulatorStore {
  const tables = {} as Tables;
  let index = new FlowIndex();
  let view: EmulatorState;
  let frozen: EmulatorState | undefined;
  // Stored size of each entry (its key, its JSON and punctuation), and of the whole state.
  const sizes = {} as Record<MapName, Map<string, number>>;
  let messageBytes = 0;
  let totalBytes = 0;

  const access: StateAccess = {
    orderedFlows: (wabaId) => index.ordered(wabaId),
    flowIdsNamed: (wabaId, name) => [...index.named(wabaId, name)],
  };

  function rebuildView(): void {
    view = committedView(tables);
    registerStateAccess(view, access);
    frozen = undefined;
  }

  function loadTables(state: EmulatorState): void {
    tables.nextId = state.nextId;
    totalBytes = 0;
    for (const map of MAP_NAMES) setMap(map, (state[map] ?? {}) as Record<string, unknown>);
    setMessages(state.messages ?? []);
    rebuildView();
  }

  function setMap(map: MapName, entries: Record<string, unknown>): void {
    const old = sizes[map];
    if (old) for (const size of old.values()) totalBytes -= size;
    const dict = Object.create(null) as Record<string, unknown>;
    const measured = new Map<string, number>();
    for (const key of Object.keys(entries)) {
      const entity = deepFreeze(decodeEntity(map, entries[key]));
      dict[key] = entity;
      const size = entrySize(map, key, entity);
      measured.set(key, size);
      totalBytes += size;
    }
    (tables as unknown as Record<MapName, Record<string, unknown>>)[map] = dict;
    sizes[map] = measured;
    if (map === 'flows') index = FlowIndex.of(Object.values(dict) as FlowRecord[]);
  }

  function setMessages(messages: readonly unknown[]): void {
    totalBytes -= messageBytes;
    messageBytes = 0;
    tables.messages = [];
    for (const message of messages) appendMessage(message);
    totalBytes += messageBytes;
  }

  function appendMessage(message: unknown): void {
    tables.messages.push(deepFreeze(message) as Tables['messages'][number]);
    messageBytes += entrySize('messages', '', message);
  }

  loadTables(initial);
  let tail: Promise<unknown> = Promise.resolve();

  async function run<T>(change: (tx: Transaction) => T | Promise<T>): Promise<T> {
    const draft = openDraft(tables, index);
    const effects: Array<() => unknown> = [];
    const result = await change({ state: draft.state, afterCommit: (effect) => effects.push(effect) });
    let built;
    try {
      built = buildChange(tables, draft, sizes);
    } catch (error) {
      if (error instanceof RangeError) throw tooLarge(undefined, maxStateBytes); // an entity past what one string can hold
      throw error;
    }
    if (built !== undefined) {
      const grown = totalBytes + built.sizeDelta;
      if (built.sizeDelta > 0 && grown > maxStateBytes) throw tooLarge(grown, maxStateBytes); // the draft is dropped, nothing is saved
      try {
        const store = persistence();
        if (store.saveChange) await store.saveChange(built.json, () => snapshotJson(tables));
        else {
          // A custom store without changes: the whole state after this change.
          const whole = JSON.parse(snapshotJson(tables)) as Record<string, unknown>;
          applyDocumentChange(whole, built.raw);
          for (const [key, value] of Object.entries(whole.flows as Record<string, unknown>)) (whole.flows as Record<string, unknown>)[key] = decodeEntity('flows', value);
          await (store.saveJson ? store.saveJson(JSON.stringify(whole)) : store.save(whole));
        }
      } catch {
        // The cause names files on this machine: not for the wire. The draft and its effects are dropped.
        throw new GraphError({ code: 2, message: 'The emulator could not save its state; the change was not made. Check the disk of --data-dir.', status: 503, isTransient: true });
      }
      commit(built);
    }
    for (const effect of effects) {
      try {
        const done = effect();
        if (done instanceof Promise) done.catch(() => {});
      } catch {
        // an effect (a webhook delivery) never undoes a committed change
      }
    }
    return result;
  }

  function commit(built: NonNullable<ReturnType<typeof buildChange>>): void {
    tables.nextId = built.nextId;
    let replacedMap = false;
    for (const [map, entries] of built.replaced) {
      setMap(map, entries);
      replacedMap = true;
    }
    for (const [map, { put, remove }] of built.maps) {
      const dict = (tables as unknown as Record<MapName, Record<string, unknown>>)[map];
      const measured = sizes[map];
      for (const key of remove) {
        if (map === 'flows') index.remove(dict[key] as FlowRecord);
        delete dict[key];
        totalBytes -= measured.get(key) ?? 0;
        measured.delete(key);
      }
      for (const [key, { entity, size }] of put) {
        const before = dict[key];
        deepFreeze(entity);
        dict[key] = entity;
        totalBytes += size - (measured.get(key) ?? 0);
        measured.set(key, size);
        if (map === 'flows') {
          if (before === undefined) index.add(entity as FlowRecord);
          else index.replace(before as FlowRecord, entity as FlowRecord);
        }
      }
    }
    if (built.messages?.replace) setMessages(built.messages.items);
    else if (built.messages) {
      totalBytes -= messageBytes;
      for (const message of built.messages.items) appendMessage(message);
      totalBytes += messageBytes;
    }
    if (replacedMap || built.messages?.replace) rebuildView();
    else frozen = undefined;
  }

  return {
    committed: () => view,
    snapshot: () => (frozen ??= frozenCopy(tables)),
    load(state) {
      loadTables(state);
    },
    mutate(change) {
      const result = tail.then(() => run(change));
      tail = result.catch(() => {});
      return result;
    },
    idle: () => tail.then(() => {}),
  };
}
