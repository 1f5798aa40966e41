/**
 * How requests see the committed state (store.ts): read-only views of the store's live maps, which the store alone
 * changes at each commit (a write through a view throws a TypeError, as a write into a frozen object does), and a
 * frozen copy for `emulator.state()`. Also the registry through which handlers reach the store's indexes for a
 * given state, committed or draft (`stateAccess`, used by context.ts).
 */
import type { FlowKey } from './flow-index.js';
import type { Tables } from './state-change.js';
import type { EmulatorState } from './state.js';

/** The store's indexes, as seen from one state (committed, or a transaction's draft). */
export interface StateAccess {
  /** The WABA's flows in listing order (oldest first), or undefined when a draft moved flows (scan instead). */
  orderedFlows(wabaId: string): readonly FlowKey[] | undefined;
  /** Ids of the WABA's flows with this name. */
  flowIdsNamed(wabaId: string, name: string): string[];
}

const registry = new WeakMap<object, StateAccess>();

/** The indexes behind `state`, when the store made it (states built by hand have none: callers scan). */
export function stateAccess(state: EmulatorState): StateAccess | undefined {
  return registry.get(state);
}

export function registerStateAccess(state: EmulatorState, access: StateAccess): void {
  registry.set(state, access);
}

const READ_ONLY: ProxyHandler<object> = {
  set: () => false,
  deleteProperty: () => false,
  defineProperty: () => false,
  setPrototypeOf: () => false,
  preventExtensions: () => false,
};

const readOnly = <T extends object>(value: T): T => new Proxy(value, READ_ONLY) as T;

/** The committed state as requests read it: live, read-only. */
export function committedView(tables: Tables): EmulatorState {
  return Object.freeze({
    format: 1 as const,
    get nextId() {
      return tables.nextId;
    },
    wabas: readOnly(tables.wabas),
    phones: readOnly(tables.phones),
    flows: readOnly(tables.flows),
    templates: readOnly(tables.templates),
    messages: readOnly(tables.messages),
  });
}

/** A deeply frozen copy of the committed state (the entities are shared: they are frozen already). */
export function frozenCopy(tables: Tables): EmulatorState {
  const copy = <T>(dict: Record<string, T>) => Object.freeze(Object.assign(Object.create(null) as Record<string, T>, dict));
  return Object.freeze({
    format: 1 as const,
    nextId: tables.nextId,
    wabas: copy(tables.wabas),
    phones: copy(tables.phones),
    flows: copy(tables.flows),
    templates: copy(tables.templates),
    messages: Object.freeze(tables.messages.slice()) as EmulatorState['messages'],
  });
}
