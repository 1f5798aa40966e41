import { snapshotToJson } from './snapshot-json.js';
import type { EmulatorPersistence, EmulatorSnapshot } from './types.js';

/**
 * Keeps the last snapshot in memory only: nothing survives a restart. Used by default and in tests.
 *
 * Snapshots go through JSON on the way in and out, like the file store, so code that works in memory does not
 * break on disk (a Date comes back as a string, `undefined` properties disappear, a BigInt is refused), and
 * neither the caller nor the reader can change the stored copy.
 */
export function memoryPersistence(): EmulatorPersistence {
  let stored: string | undefined;
  return {
    async load() {
      return stored === undefined ? undefined : (JSON.parse(stored) as EmulatorSnapshot);
    },
    async save(snapshot) {
      stored = snapshotToJson(snapshot);
    },
    async saveJson(stateJson) {
      stored = stateJson;
    },
    async close() {},
  };
}
