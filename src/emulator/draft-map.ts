/**
 * A transaction's copy-on-write view of one committed map (flows, templates, ...), for store.ts.
 *
 * Reading an entry through the view hands out a private copy of it (the committed entry is frozen and is never
 * changed); writing or deleting entries is recorded. The transaction's change is then exactly the entries whose
 * copy differs from the committed one, plus the entries added and deleted: the cost of a request follows what it
 * touches, not the size of the state. Listing the keys (`Object.keys`) copies nothing; reading every value
 * (`Object.values`) copies every entry, so hot paths use the store's indexes instead (flow-index.ts).
 */
import { cloneJson, jsonEqual } from './json-values.js';

const GONE: unique symbol = Symbol('deleted');

export interface DraftMap<T> {
  /** The view handlers use, as a plain `Record<string, T>`. */
  readonly view: Record<string, T>;
  /** The entry as the transaction sees it now, without copying it (a committed entry comes back frozen). */
  peek(key: string): T | undefined;
  /** Whether the transaction added or deleted any key. */
  addedOrDeleted(): boolean;
  /** Entries the transaction read or wrote (with `undefined` for deleted ones). */
  touched(): IterableIterator<[string, T | undefined]>;
  /** What changed against the committed map: entries to write and keys to delete. */
  diff(): { put: Map<string, T>; remove: string[] };
}

export function draftMap<T>(base: Record<string, T>): DraftMap<T> {
  const overrides = new Map<string, T | typeof GONE>();
  const inBase = (key: string) => Object.hasOwn(base, key);
  const peek = (key: string): T | undefined => {
    const own = overrides.get(key);
    if (own !== undefined || overrides.has(key)) return own === GONE ? undefined : own;
    return inBase(key) ? base[key] : undefined;
  };
  const exists = (key: string): boolean => (overrides.has(key) ? overrides.get(key) !== GONE : inBase(key));

  const view = new Proxy(Object.create(null) as Record<string, T>, {
    get(_target, key) {
      if (typeof key !== 'string') return undefined;
      if (overrides.has(key)) {
        const own = overrides.get(key);
        return own === GONE ? undefined : own;
      }
      if (!inBase(key)) return undefined;
      const copy = cloneJson(base[key]) as T;
      overrides.set(key, copy);
      return copy;
    },
    set(_target, key, value) {
      if (typeof key !== 'string') return false;
      overrides.set(key, value as T);
      return true;
    },
    defineProperty(_target, key, descriptor) {
      if (typeof key !== 'string' || !('value' in descriptor)) return false;
      overrides.set(key, descriptor.value as T);
      return true;
    },
    deleteProperty(_target, key) {
      if (typeof key === 'string' && exists(key)) overrides.set(key, GONE);
      return true;
    },
    has: (_target, key) => typeof key === 'string' && exists(key),
    ownKeys() {
      const keys: string[] = [];
      for (const key of Object.keys(base)) if (overrides.get(key) !== GONE) keys.push(key);
      for (const [key, value] of overrides) if (value !== GONE && !inBase(key)) keys.push(key);
      return keys;
    },
    getOwnPropertyDescriptor(_target, key) {
      if (typeof key !== 'string' || !exists(key)) return undefined;
      return { value: peek(key), writable: true, enumerable: true, configurable: true };
    },
  });

  return {
    view,
    peek,
    addedOrDeleted() {
      for (const [key, value] of overrides) if (value === GONE ? inBase(key) : !inBase(key)) return true;
      return false;
    },
    *touched() {
      for (const [key, value] of overrides) yield [key, value === GONE ? undefined : value];
    },
    diff() {
      const put = new Map<string, T>();
      const remove: string[] = [];
      for (const [key, value] of overrides) {
        if (value === GONE) {
          if (inBase(key)) remove.push(key);
        } else if (!inBase(key) || !jsonEqual(value, base[key])) put.set(key, value);
      }
      return { put, remove };
    },
  };
}
