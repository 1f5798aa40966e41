/**
 * The journal file's record format (Node-only consumer: file.ts). One record per acknowledged change:
 *
 * ```
 * J <seq> <byte length> <sha256 of the body, 16 hex>\n<body: the change's JSON>\n
 * ```
 *
 * `seq` counts changes since the data directory was created; the snapshot file names the last `seq` it contains
 * (state-file-format.ts), so records it already holds are skipped. A record is written with one append and
 * fsynced before the change is acknowledged. A crash during that append leaves a torn last record: too short for
 * its length, or failing its checksum. The reader keeps the valid prefix and reports the torn tail, which was
 * never acknowledged. A damaged record followed by more records is not a torn write: the journal is refused.
 */
import { createHash } from 'node:crypto';

export interface JournalRecord {
  seq: number;
  body: string;
}

export interface JournalScan {
  records: JournalRecord[];
  /** Bytes of the valid prefix (where the next record goes). */
  validBytes: number;
  /** Why the bytes after the valid prefix were ignored (a torn last write), when there were any. */
  tornTail?: string;
}

const HEADER = /^J (\d{1,15}) (\d{1,12}) ([0-9a-f]{16})$/;

/** The bytes of one record. */
export function encodeJournalRecord(seq: number, body: string): Buffer {
  const bytes = Buffer.from(body, 'utf8');
  return Buffer.concat([Buffer.from(`J ${seq} ${bytes.length} ${digest(bytes)}\n`, 'latin1'), bytes, Buffer.from('\n')]);
}

/** Reads every record; throws Error(reason) when a record that is not the last one is damaged. */
export function scanJournal(data: Buffer): JournalScan {
  const records: JournalRecord[] = [];
  let at = 0;
  while (at < data.length) {
    const newline = data.indexOf(0x0a, at);
    if (newline < 0) return { records, validBytes: at, tornTail: `a record header is cut short at byte ${at}` };
    const header = HEADER.exec(data.toString('latin1', at, newline));
    if (!header) {
      if (data.length - newline <= 1) return { records, validBytes: at, tornTail: `the last record header at byte ${at} is incomplete` };
      throw new Error(`the record at byte ${at} has no valid header`);
    }
    const length = Number(header[2]);
    const start = newline + 1;
    const end = start + length;
    if (end + 1 > data.length) return { records, validBytes: at, tornTail: `the last record (seq ${header[1]}) is cut short` };
    const body = data.subarray(start, end);
    if (data[end] !== 0x0a || digest(body) !== header[3]) {
      if (end + 1 === data.length) return { records, validBytes: at, tornTail: `the last record (seq ${header[1]}) fails its checksum` };
      throw new Error(`the record at byte ${at} (seq ${header[1]}) fails its checksum`);
    }
    records.push({ seq: Number(header[1]), body: body.toString('utf8') });
    at = end + 1;
  }
  return { records, validBytes: at };
}

function digest(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex').slice(0, 16);
}
