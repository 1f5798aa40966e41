/**
 * How deep a JSON text nests, found by one linear scan of its bytes (strings skipped), before it is parsed and
 * walked. `JSON.parse` itself copes with any depth, but every recursive walk after it (de-duplication ids,
 * re-serialising, user code) overflows the stack somewhere past a few thousand levels. Used by the webhook handler
 * (`webhooks/handler.ts`), which answers 400 past its limit instead of a 500 that Meta would retry forever, and
 * (text form) by the emulator's request parsing (`emulator/request-json.ts`).
 */

/**
 * The SDK's one bound on how deep JSON may nest (objects and arrays inside one another), used by the validator
 * (Flow JSON), the simulator (flows, data, values), the webhook handler and the emulator (request JSON). Not a Meta
 * rule (Meta documents no depth limit): 512 is the default `depth` of PHP's and Hack's `json_decode`
 * (php.net/json_decode), the decoder family Graph API servers are built on, far above any real payload (a flow nests
 * about 30 levels, a webhook about ten) and far below the few thousand levels at which recursive walks, JSON.stringify
 * and structuredClone overflow the stack.
 */
export const MAX_JSON_DEPTH = 512;

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

/**
 * The deepest nesting of `[` and `{` in a JSON text, counted without parsing or recursion (brackets inside strings
 * do not count). Linear in the text; stops counting once `limit` is passed (then it answers limit + 1).
 */
export function jsonTextDepth(text: string, limit = Infinity): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === BACKSLASH) i++;
      else if (c === QUOTE) inString = false;
    } else if (c === QUOTE) inString = true;
    else if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
      if (++depth > deepest) {
        deepest = depth;
        if (deepest > limit) return deepest;
      }
    } else if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) depth--;
  }
  return deepest;
}
