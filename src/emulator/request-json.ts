import { jsonTextDepth, MAX_JSON_DEPTH } from '../internal/json-depth.js';
import { invalidParameter } from './graph-error.js';

/**
 * How deeply the JSON the emulator reads from a request (a JSON body, a form field holding JSON, the body of
 * `/_emulator/...` routes) may nest. Not a Meta rule (Meta documents no depth limit): an emulator limit, far above
 * any real Graph request or Flow JSON and far below the depth at which JSON.stringify and structuredClone overflow
 * the stack (a few thousand levels), so nothing the emulator accepts can fail later when it is copied or saved.
 */
export const MAX_REQUEST_JSON_DEPTH = MAX_JSON_DEPTH;

export { jsonTextDepth as jsonNestingDepth };

/**
 * Parses JSON from a request: a Graph-shaped 400 (code 100) when it is not JSON or nests deeper than
 * MAX_REQUEST_JSON_DEPTH. `what` names the input in the message ("The request body", "Param components").
 */
export function parseRequestJson(text: string, what: string): unknown {
  if (jsonTextDepth(text, MAX_REQUEST_JSON_DEPTH) > MAX_REQUEST_JSON_DEPTH) throw tooDeep(what);
  try {
    return JSON.parse(text);
  } catch {
    throw invalidParameter(`${what} is not valid JSON.`);
  }
}

/** Like parseRequestJson, but text that is not JSON is returned as it is (parameters that may be JSON or text). */
export function parseMaybeRequestJson(text: string, what: string): unknown {
  if (jsonTextDepth(text, MAX_REQUEST_JSON_DEPTH) > MAX_REQUEST_JSON_DEPTH) throw tooDeep(what);
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function tooDeep(what: string) {
  return invalidParameter(`${what} is nested too deeply: JSON may nest at most ${MAX_REQUEST_JSON_DEPTH} levels of objects and arrays in the emulator.`);
}
