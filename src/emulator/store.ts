import { GraphError } from './graph-error.js';
import type { EmulatorPersistence } from './persistence/types.js';
import { normalizeState, type EmulatorState } from './state.js';
import { stateJsonWithin } from './state-size.js';

/** What a change may do besides changing the state: run only once the change is saved (webhooks, timers). */
export type AfterCommit = (effect: () => unknown) => void;

/** One change in progress: its private draft of the state, and the effects to run once it is saved. */
export interface Transaction {
  state: EmulatorState;
  afterCommit: AfterCommit;
}

export interface EmulatorStore {
  /** The committed state: deeply frozen, so no request can write into it (a write throws). */
  committed(): EmulatorState;
  /** Replaces the committed state (loading at start-up). */
  load(state: EmulatorState): void;
  /**
   * Runs `change` on a private copy of the committed state, one change at a time. When `change` succeeds the copy
   * is saved; only after the save succeeds does it become the committed state and do its effects run. When
   * `change` throws or the save fails, the copy and its effects are dropped: nothing happened, and no later
   * request can see or write into what was dropped.
   */
  mutate<T>(change: (tx: Transaction) => T | Promise<T>): Promise<T>;
  /** Resolves when every queued change has finished. */
  idle(): Promise<void>;
}

/** `maxStateBytes`: a change that would grow the state's JSON past it is refused (413, state-size.ts). */
export function createStore(initial: EmulatorState, persistence: () => EmulatorPersistence, maxStateBytes: number): EmulatorStore {
  let committed = deepFreeze(initial);
  // The queue: each change starts after the previous one has committed or been dropped.
  let tail: Promise<unknown> = Promise.resolve();

  async function run<T>(change: (tx: Transaction) => T | Promise<T>): Promise<T> {
    const draft = normalizeState(structuredClone(committed) as EmulatorState);
    const effects: Array<() => unknown> = [];
    const result = await change({ state: draft, afterCommit: (effect) => effects.push(effect) });
    const stateJson = stateJsonWithin(draft, maxStateBytes); // too large: the draft is dropped, nothing is saved
    try {
      const store = persistence();
      await (store.saveJson ? store.saveJson(stateJson) : store.save(draft as unknown as Record<string, unknown>));
    } catch {
      // The cause names files on this machine: not for the wire. The draft and its effects are dropped.
      throw new GraphError({ code: 2, message: 'The emulator could not save its state; the change was not made. Check the disk of --data-dir.', status: 503, isTransient: true });
    }
    committed = deepFreeze(draft);
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

  return {
    committed: () => committed,
    load(state) {
      committed = deepFreeze(normalizeState(state));
    },
    mutate(change) {
      const result = tail.then(() => run(change));
      tail = result.catch(() => {});
      return result;
    },
    idle: () => tail.then(() => {}),
  };
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}
