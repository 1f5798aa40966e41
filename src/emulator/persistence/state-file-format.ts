import { createHash } from 'node:crypto';
import { isJsonObject } from './snapshot-json.js';
import { EmulatorDataError, type EmulatorSnapshot } from './types.js';

/**
 * The on-disk format of the emulator's state file, one JSON document:
 *
 * ```json
 * {"format":1,"seq":12,"sha256":"<hex digest of the state's JSON text>","state":{...}}
 * ```
 *
 * `seq` is the last journal record the snapshot contains (journal-format.ts; 0 or absent: none), so records
 * left in the journal by a crash during compaction are not applied twice.
 *
 * The digest covers `JSON.stringify(state)`. JSON.stringify is fully specified by ECMAScript and re-serialising
 * text it produced gives the same text back, so the reader can check the digest against the parsed state.
 */

/** The only format version this code writes and reads. */
export const STATE_FILE_FORMAT = 1;

const PREFIX = '{"format":';

/** The file's text for a snapshot already serialised with `snapshotToJson`. */
export function encodeStateFile(stateJson: string, seq = 0): string {
  return `${PREFIX}${STATE_FILE_FORMAT},"seq":${seq},"sha256":"${sha256(stateJson)}","state":${stateJson}}\n`;
}

/** Parses and verifies the file's text; throws EmulatorDataError naming `file` when it cannot be trusted. */
export function decodeStateFile(text: string, file: string): { state: EmulatorSnapshot; seq: number } {
  if (text.trim() === '') throw corrupt(file, 'is empty (a write was interrupted, or it was not written by the emulator)');

  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    const reason = (error as Error).message;
    if (text.startsWith(PREFIX) && !text.trimEnd().endsWith('}')) {
      throw corrupt(file, `is truncated: it ends in the middle of the data, as after a half-finished write (${reason})`, error);
    }
    if (text.startsWith(PREFIX)) throw corrupt(file, `is damaged: it is not valid JSON (${reason})`, error);
    throw corrupt(file, `is not an emulator state file: it is not valid JSON (${reason})`, error);
  }

  if (!isJsonObject(document) || !('format' in document)) {
    throw corrupt(file, 'is not an emulator state file: it has no "format" field');
  }
  const { format, sha256: digest, state, seq = 0 } = document as Record<string, unknown>;
  if (format !== STATE_FILE_FORMAT) {
    const newer = typeof format === 'number' && format > STATE_FILE_FORMAT ? ', probably written by a newer version of meta-cloud-api' : '';
    throw corrupt(file, `has unknown format version ${JSON.stringify(format)}${newer}; this version reads format ${STATE_FILE_FORMAT}`);
  }
  if (typeof digest !== 'string' || !/^[0-9a-f]{64}$/.test(digest)) throw corrupt(file, 'has no valid "sha256" checksum');
  if (!isJsonObject(state)) throw corrupt(file, 'has no "state" object');
  if (typeof seq !== 'number' || !Number.isSafeInteger(seq) || seq < 0) throw corrupt(file, 'has an invalid "seq" (the last journal record it contains)');
  const actual = sha256(JSON.stringify(state));
  if (actual !== digest) {
    throw corrupt(file, `fails its checksum (expected sha256 ${String(digest)}, content has ${actual}): it was edited or damaged`);
  }
  return { state: state as EmulatorSnapshot, seq };
}

function corrupt(file: string, what: string, cause?: unknown): EmulatorDataError {
  return new EmulatorDataError(`Emulator state file ${file} ${what}. ${recoveryHint(file)}`, { cause, file });
}

/** What to tell the user when the stored state cannot be used. */
export function recoveryHint(file: string): string {
  return `To start with an empty state, move it away (e.g. \`mv ${file} ${file}.bad\`) or use another --data-dir.`;
}

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
