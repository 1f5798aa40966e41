// Owns: how large and how deeply nested a data endpoint answer may be (flows-platform §3.5). Consumers:
// check.ts (the `answer-too-deep` rule, hence the endpoint's responseChecks and the simulator's checkResponse) and
// the simulator's endpoint client (src/simulator/endpoint-client.ts: the body read limit, the depth check right
// after decryption, before anything walks the answer).

/**
 * The data channel carries at most 1 MB of payload (flows-platform §3.5, "Total data-channel payload ≤ 1 MB",
 * [M-COMP] image limits). Read as 1 MiB, the generous reading of "1 MB", so the simulator never refuses an answer
 * WhatsApp would take.
 */
export const MAX_PAYLOAD_BYTES = 1024 * 1024;

/**
 * The most bytes of a response body the client reads, counted after any Content-Encoding is undone: the base64 of
 * a 1 MiB payload encrypted with AES-GCM (payload + 16-byte tag), plus 2 bytes for a trailing line break. A body
 * that passes it cannot decrypt to a payload within the limit, so reading stops there.
 */
export const MAX_RESPONSE_BODY_BYTES = Math.ceil((MAX_PAYLOAD_BYTES + 16) / 3) * 4 + 2;

/**
 * How deeply the values of an answer may nest (the answer object itself is level 1). Meta documents no number;
 * data models nest a few levels (objects in arrays in objects, §2.5), so 1000 refuses no real answer while keeping
 * every walk over the answer (the rules here, the simulator's copies and rendering) far from the call-stack limit.
 * The same bound as the validator's Flow JSON parser (src/flow-json/parse-strict.ts).
 */
export const MAX_ANSWER_DEPTH = 1000;

/** The depth of a JSON value (a scalar is 0, `{}` and `[]` are 1), counted without recursion, stopping past `max`. */
export function jsonDepth(value: unknown, max = MAX_ANSWER_DEPTH): number {
  let deepest = 0;
  const stack: Array<[unknown, number]> = [[value, 1]];
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    if (typeof node !== 'object' || node === null) continue;
    if (depth > deepest) deepest = depth;
    if (deepest > max) return deepest;
    for (const child of Array.isArray(node) ? node : Object.values(node)) {
      if (typeof child === 'object' && child !== null) stack.push([child, depth + 1]);
    }
  }
  return deepest;
}

/** Whether a decrypted answer nests deeper than WhatsApp's client is taken to read (`MAX_ANSWER_DEPTH`). */
export function answerTooDeep(value: unknown): boolean {
  return jsonDepth(value, MAX_ANSWER_DEPTH) > MAX_ANSWER_DEPTH;
}
