import { InvalidArgumentError } from '../../core/errors.js';
import type { EmulatorSnapshot } from './types.js';

/**
 * Serialises a snapshot to compact JSON text, freezing its content at call time (later mutations of the object
 * do not leak into a queued save). Throws a TypeError that says why when the value is not a JSON object
 * (an array, `null`, a BigInt somewhere inside, a cycle, ...).
 */
export function snapshotToJson(snapshot: EmulatorSnapshot): string {
  if (typeof snapshot !== 'object' || snapshot === null || Array.isArray(snapshot)) {
    throw new InvalidArgumentError(`An emulator snapshot must be a JSON object, got ${describe(snapshot)}.`);
  }
  let text: string | undefined;
  try {
    text = JSON.stringify(snapshot);
  } catch (error) {
    throw new InvalidArgumentError(`The emulator snapshot cannot be stored as JSON: ${(error as Error).message}`, { cause: error });
  }
  // A toJSON() method can turn the object into something else.
  if (text === undefined || !text.startsWith('{')) {
    throw new InvalidArgumentError('An emulator snapshot must serialise to a JSON object.');
  }
  return text;
}

/** True for a value that JSON.parse produced from an object literal. */
export function isJsonObject(value: unknown): value is EmulatorSnapshot {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value;
}
