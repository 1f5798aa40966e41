import { InvalidArgumentError } from '../../../core/errors.js';

/** What `uploadFlowJson` and `createFlow({ flow_json })` accept as Flow JSON. */
export type FlowJsonInput = File | Blob | ArrayBuffer | ArrayBufferView | string | Record<string, unknown>;

/** Meta's limit for a Flow JSON file (flows-platform §1.3.5). */
export const MAX_FLOW_JSON_BYTES = 10 * 1024 * 1024;

export interface FlowJsonText {
  /** The exact text that will be sent. */
  text: string;
  /** The parsed document. */
  value: Record<string, unknown>;
}

/**
 * Turns any accepted input into the JSON text to send, checking locally that it is a JSON object of at
 * most 10 MB. Strings and bytes are sent as given (so Meta's line/column numbers match the user's file);
 * plain objects are serialised with two-space indentation so those numbers stay useful.
 */
export async function readFlowJson(input: unknown, what = 'Flow JSON'): Promise<FlowJsonText> {
  const text = await toText(input, what);
  const size = new TextEncoder().encode(text).byteLength;
  if (size > MAX_FLOW_JSON_BYTES) {
    throw new InvalidArgumentError(`${what} is ${size} bytes; Meta accepts at most ${MAX_FLOW_JSON_BYTES} bytes (10 MB).`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (cause) {
    throw new InvalidArgumentError(`${what} is not valid JSON: ${await describeSyntaxError(text, cause)}. Nothing was sent.`, { cause });
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new InvalidArgumentError(`${what} must be a JSON object (with "version" and "screens"); got ${Array.isArray(value) ? 'an array' : JSON.stringify(value)}.`);
  }
  return { text, value: value as Record<string, unknown> };
}

async function toText(input: unknown, what: string): Promise<string> {
  if (typeof input === 'string') return input;
  if (typeof Blob !== 'undefined' && input instanceof Blob) return decode(new Uint8Array(await input.arrayBuffer()), what);
  if (input instanceof ArrayBuffer) return decode(new Uint8Array(input), what);
  if (ArrayBuffer.isView(input)) return decode(new Uint8Array(input.buffer, input.byteOffset, input.byteLength), what);
  if (input !== null && typeof input === 'object' && !Array.isArray(input)) {
    try {
      return JSON.stringify(input, null, 2);
    } catch (cause) {
      throw new InvalidArgumentError(`${what} object cannot be serialised to JSON (${(cause as Error).message}).`, { cause });
    }
  }
  throw new InvalidArgumentError(
    `${what} must be a File, Blob, Buffer, JSON string or plain object; got ${input === null ? 'null' : Array.isArray(input) ? 'an array' : typeof input}.`,
  );
}

function decode(bytes: Uint8Array, what: string): string {
  try {
    // Strip a UTF-8 byte order mark, which JSON.parse would reject.
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch (cause) {
    throw new InvalidArgumentError(`${what} is not UTF-8 text.`, { cause });
  }
}

/**
 * The validator's own parser says where and why, independently of the JS engine's wording. Loaded only here, on
 * invalid JSON, so the client's bundle does not carry the parser.
 */
async function describeSyntaxError(text: string, cause: unknown): Promise<string> {
  const [{ parseStrict }, { LineIndex }] = await Promise.all([import('../../../flow-json/parse-strict.js'), import('../../../flow-json/positions.js')]);
  const problem = parseStrict(text).problems.find((p) => p.kind === 'syntax');
  if (!problem) return cause instanceof Error ? cause.message : String(cause);
  const { line, column } = new LineIndex(text).position(problem.start);
  return `${problem.message} at line ${line}, column ${column}`;
}
