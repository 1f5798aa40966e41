import { applyDocumentChange, type DocumentChange } from './document-change.js';
import { compactionDue, DEFAULT_COMPACTION } from './compaction.js';
import { snapshotToJson } from './snapshot-json.js';
import type { EmulatorPersistence, EmulatorSnapshot } from './types.js';

/**
 * Keeps the state in memory only: nothing survives a restart. Used by default and in tests.
 *
 * Like the file store it keeps a snapshot plus the changes since (`saveChange`, one JSON text per change, compacted
 * into a new snapshot when they outgrow it), so a write costs the size of its change, not of the state. Everything
 * goes through JSON on the way in and out, like the file store, so code that works in memory does not break on
 * disk (a Date comes back as a string, `undefined` properties disappear, a BigInt is refused), and neither the
 * caller nor the reader can change the stored copy.
 */
export function memoryPersistence(): EmulatorPersistence {
  let snapshot: string | undefined;
  let changes: string[] = [];
  let changeChars = 0;
  const replace = (text: string): void => {
    snapshot = text;
    changes = [];
    changeChars = 0;
  };
  return {
    async load() {
      if (snapshot === undefined) return undefined;
      const state = JSON.parse(snapshot) as EmulatorSnapshot;
      for (const change of changes) applyDocumentChange(state, JSON.parse(change) as DocumentChange);
      return state;
    },
    async save(value) {
      replace(snapshotToJson(value));
    },
    async saveJson(stateJson) {
      replace(stateJson);
    },
    async saveChange(changeJson, current) {
      const due = snapshot === undefined || compactionDue(DEFAULT_COMPACTION, changeChars, snapshot.length);
      if (due) replace(current());
      changes.push(changeJson);
      changeChars += changeJson.length;
    },
    async close() {},
  };
}
