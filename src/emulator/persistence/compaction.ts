/**
 * When a store folds its change journal into a new snapshot (file.ts, memory.ts): once the journal holds more
 * than `factor` × the snapshot's size and more than `minBytes`. Writes then cost at most (1 + 1/factor) × their
 * change, amortised, and a load replays at most `factor` × the snapshot. Not a Meta rule.
 */
export interface CompactionPolicy {
  factor: number;
  minBytes: number;
}

export const DEFAULT_COMPACTION: CompactionPolicy = { factor: 2, minBytes: 4 * 1024 * 1024 };

export function compactionDue(policy: CompactionPolicy, journalBytes: number, snapshotBytes: number): boolean {
  return journalBytes > policy.minBytes && journalBytes > policy.factor * snapshotBytes;
}
