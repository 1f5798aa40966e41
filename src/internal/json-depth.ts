/**
 * How deep a JSON text nests, found by one linear scan of its bytes (strings skipped), before it is parsed and
 * walked. `JSON.parse` itself copes with any depth, but every recursive walk after it (de-duplication ids,
 * re-serialising, user code) overflows the stack somewhere past a few thousand levels. Used by the webhook handler
 * (`webhooks/handler.ts`), which answers 400 past its limit instead of a 500 that Meta would retry forever.
 */

const OPEN_OBJECT = 0x7b; // {
const OPEN_ARRAY = 0x5b; // [
const CLOSE_OBJECT = 0x7d; // }
const CLOSE_ARRAY = 0x5d; // ]
const QUOTE = 0x22; // "
const BACKSLASH = 0x5c; // \

/**
 * Whether the JSON in `bytes` (UTF-8) opens more than `limit` objects/arrays inside one another. Linear, no
 * allocation, stops at the first level past the limit. Malformed JSON is scanned all the same (the parser reports it).
 */
export function jsonNestsDeeperThan(bytes: Uint8Array, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (inString) {
      if (b === BACKSLASH) i++;
      else if (b === QUOTE) inString = false;
    } else if (b === QUOTE) inString = true;
    else if (b === OPEN_OBJECT || b === OPEN_ARRAY) {
      if (++depth > limit) return true;
    } else if (b === CLOSE_OBJECT || b === CLOSE_ARRAY) depth--;
  }
  return false;
}
