import { invalidParameter } from './graph-error.js';

/**
 * How deeply the JSON the emulator reads from a request (a JSON body, a form field holding JSON, the body of
 * `/_emulator/...` routes) may nest. Not a Meta rule (Meta documents no depth limit): an emulator limit, far above
 * any real Graph request or Flow JSON and far below the depth at which JSON.stringify and structuredClone overflow
 * the stack (a few thousand levels), so nothing the emulator accepts can fail later when it is copied or saved.
 */
export const MAX_REQUEST_JSON_DEPTH = 512;

/**
 * The deepest nesting of `[` and `{` in a JSON text, counted without parsing or recursion (brackets inside strings
 * do not count). Linear in the text; stops counting once `limit` is passed.
 */
export function jsonNestingDepth(text: string, limit = Infinity): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > deepest) {
        deepest = depth;
        if (deepest > limit) return deepest;
      }
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return deepest;
}

/**
 * Parses JSON from a request: a Graph-shaped 400 (code 100) when it is not JSON or nests deeper than
 * MAX_REQUEST_JSON_DEPTH. `what` names the input in the message ("The request body", "Param components").
 */
export function parseRequestJson(text: string, what: string): unknown {
  if (jsonNestingDepth(text, MAX_REQUEST_JSON_DEPTH) > MAX_REQUEST_JSON_DEPTH) throw tooDeep(what);
  try {
    return JSON.parse(text);
  } catch {
    throw invalidParameter(`${what} is not valid JSON.`);
  }
}

/** Like parseRequestJson, but text that is not JSON is returned as it is (parameters that may be JSON or text). */
export function parseMaybeRequestJson(text: string, what: string): unknown {
  if (jsonNestingDepth(text, MAX_REQUEST_JSON_DEPTH) > MAX_REQUEST_JSON_DEPTH) throw tooDeep(what);
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function tooDeep(what: string) {
  return invalidParameter(`${what} is nested too deeply: JSON may nest at most ${MAX_REQUEST_JSON_DEPTH} levels of objects and arrays in the emulator.`);
}
