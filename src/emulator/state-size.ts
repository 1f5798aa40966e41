import { GraphError } from './graph-error.js';

/**
 * The emulator's state-size limit: the size of the state as its snapshot file holds it (JSON, UTF-8 bytes). The
 * store (store.ts) keeps that size up to date change by change (each changed entity is measured once, when it is
 * serialised for the journal), so a write never re-serialises the whole state. A snapshot is one JSON text, and a
 * JavaScript string holds at most about 2^29 characters in V8 (512 MiB of ASCII), past which JSON.stringify
 * throws; the default stays well below that; `maxStateBytes` (CLI `--max-state-bytes`) changes it. Not a Meta rule.
 */
export const DEFAULT_MAX_STATE_BYTES = 256 * 1024 * 1024;

/**
 * The state's JSON text when it fits in `maxBytes` (UTF-8 bytes); otherwise a Graph-shaped 413 (code 100) that
 * says what the limit is and how to change it. The change that would have grown the state is then dropped.
 */
export function stateJsonWithin(state: object, maxBytes: number): string {
  let text: string;
  try {
    text = JSON.stringify(state);
  } catch (error) {
    if (error instanceof RangeError) throw tooLarge(undefined, maxBytes); // beyond what a string can hold
    throw error;
  }
  const size = utf8Length(text, maxBytes);
  if (size > maxBytes) throw tooLarge(size, maxBytes);
  return text;
}

/** UTF-8 length of `text`, or a number above `limit` as soon as it is known to be above it. */
function utf8Length(text: string, limit: number): number {
  if (text.length > limit) return text.length; // each character is at least one byte
  if (text.length * 3 <= limit) return text.length; // each UTF-16 unit is at most three bytes
  return countUtf8(text, limit);
}

function countUtf8(text: string, limit: number): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c < 0xdc00 && i + 1 < text.length) {
      bytes += 4; // a surrogate pair: one 4-byte character
      i++;
    } else bytes += 3;
    if (bytes > limit) return bytes;
  }
  return bytes;
}

/** The exact UTF-8 length of `text` (ASCII, the common case, is measured by one native scan). */
export function utf8ByteLength(text: string): number {
  return NON_ASCII.test(text) ? countUtf8(text, Number.MAX_SAFE_INTEGER) : text.length;
}
const NON_ASCII = /[\u0080-\uffff]/;

/** The 413 for a change that would grow the state to `size` bytes (undefined: past what one string can hold). */
export function tooLarge(size: number | undefined, maxBytes: number): GraphError {
  const grown = size === undefined ? 'past what one JSON text can hold' : `to ${size} bytes`;
  return new GraphError({
    code: 100,
    status: 413,
    isTransient: false,
    message:
      `(#100) This change would grow the emulator's state ${grown}, over its limit of ${maxBytes} bytes (maxStateBytes; ` +
      `CLI --max-state-bytes). The change was not made and nothing was lost. Free space (delete flows, POST /_emulator/reset) ` +
      `or start the emulator with a larger maxStateBytes.`,
  });
}
