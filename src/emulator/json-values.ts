/**
 * Small helpers on plain JSON values (objects, arrays, strings, numbers, booleans, null) for the store's
 * copy-on-write: a copy that shares strings and keeps aliases, a structural equality, and a deep freeze.
 */

/** A deep copy of a JSON value; strings are shared, and an object reached twice is copied once (aliases stay aliases). */
export function cloneJson<T>(value: T, seen: Map<object, unknown> = new Map()): T {
  if (value === null || typeof value !== 'object') return value;
  const known = seen.get(value);
  if (known !== undefined) return known as T;
  if (Array.isArray(value)) {
    const copy: unknown[] = new Array(value.length);
    seen.set(value, copy);
    for (let i = 0; i < value.length; i++) copy[i] = cloneJson(value[i], seen);
    return copy as T;
  }
  const copy: Record<string, unknown> = Object.getPrototypeOf(value) === null ? Object.create(null) : {};
  seen.set(value, copy);
  for (const key of Object.keys(value)) copy[key] = cloneJson((value as Record<string, unknown>)[key], seen);
  return copy as T;
}

/** Whether two JSON values are equal as JSON (an `undefined` property counts as absent). */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const other = b as unknown[];
    if (a.length !== other.length) return false;
    for (let i = 0; i < a.length; i++) if (!jsonEqual(a[i], other[i])) return false;
    return true;
  }
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const leftKeys = Object.keys(left).filter((k) => left[k] !== undefined);
  const rightKeys = Object.keys(right).filter((k) => right[k] !== undefined);
  if (leftKeys.length !== rightKeys.length) return false;
  for (const key of leftKeys) if (!jsonEqual(left[key], right[key])) return false;
  return true;
}

/** Freezes a value and everything inside it; returns it. */
export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}
