/**
 * Checks a loaded state field by field before the emulator uses it: a state file can carry a valid checksum and
 * still hold `"flows": null` (written by hand, by another version, or by a custom persistence). The first field that
 * is not what the emulator writes is named in the answer, e.g. `flows must be an object (flows by id), got null`.
 */
import { FLOW_STATUSES } from '../platform/lifecycle.js';
import { PUBLISHED_IS_JSON } from './state-codec.js';

type Check = (value: unknown, path: string) => string | undefined;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'string') return `the string ${JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}...` : v)}`;
  return typeof v === 'object' ? 'an object' : `${typeof v} ${String(v)}`;
}

const fail = (path: string, expected: string, v: unknown) => `${path} must be ${expected}, got ${describe(v)}`;

const str: Check = (v, p) => (typeof v === 'string' ? undefined : fail(p, 'a string', v));
const oneOf =
  (values: readonly string[]): Check =>
  (v, p) =>
    typeof v === 'string' && values.includes(v) ? undefined : fail(p, `one of ${values.join(', ')}`, v);
const anyObject: Check = (v, p) => (isObject(v) ? undefined : fail(p, 'an object', v));
const optional =
  (check: Check): Check =>
  (v, p) =>
    v === undefined ? undefined : check(v, p);
const arrayOf =
  (check: Check): Check =>
  (v, p) => {
    if (!Array.isArray(v)) return fail(p, 'an array', v);
    for (let i = 0; i < v.length; i++) {
      const problem = check(v[i], `${p}[${i}]`);
      if (problem) return problem;
    }
    return undefined;
  };
const shape =
  (fields: Record<string, Check>, what = 'an object'): Check =>
  (v, p) => {
    if (!isObject(v)) return fail(p, what, v);
    for (const [name, check] of Object.entries(fields)) {
      const problem = check(v[name], `${p}.${name}`);
      if (problem) return problem;
    }
    return undefined;
  };
/** A map by id: every value has the shape and its `id` equals its key. */
const byId =
  (record: Check, what: string): Check =>
  (v, p) => {
    if (!isObject(v)) return fail(p, `an object (${what} by id)`, v);
    for (const [key, item] of Object.entries(v)) {
      const at = `${p}[${JSON.stringify(key)}]`;
      const problem = record(item, at);
      if (problem) return problem;
      if ((item as { id: unknown }).id !== key) return `${at}.id must equal its key ${JSON.stringify(key)}, got ${describe((item as { id: unknown }).id)}`;
    }
    return undefined;
  };

const jsonVersion = shape({ text: str, assetId: str, downloadToken: optional(str), version: optional(str), dataApiVersion: optional(str), validationErrors: arrayOf(anyObject), uploadedAt: str });

const flow = shape({
  id: str,
  wabaId: str,
  name: str,
  categories: arrayOf(str),
  status: oneOf(FLOW_STATUSES),
  endpointUri: optional(str),
  applicationId: optional(str),
  json: optional(jsonVersion),
  // `"json"`: the published version is the current JSON, stored once (state-codec.ts).
  published: optional((v, p) => (v === PUBLISHED_IS_JSON ? undefined : jsonVersion(v, p))),
  history: optional(arrayOf(jsonVersion)),
  preview: optional(shape({ token: str, expiresAt: str })),
  throttledSends: optional(arrayOf(str)),
  createdAt: str,
  updatedAt: str,
});

const template = shape({
  id: str,
  wabaId: str,
  name: str,
  language: str,
  category: str,
  status: oneOf(['APPROVED', 'PENDING', 'REJECTED']),
  approvesAt: optional(str),
  rejectedReason: optional(str),
  components: arrayOf(() => undefined),
  createdAt: str,
});

const message = shape({
  id: str,
  phoneNumberId: str,
  to: str,
  recipient: optional(str),
  type: str,
  body: anyObject,
  flow: optional(
    shape({ id: str, mode: oneOf(['draft', 'published']), token: str, action: str, screen: optional(str), jsonVersion: optional(str), assetId: optional(str) }),
  ),
  sentAt: str,
});

const nextId: Check = (v, p) => (typeof v === 'number' && Number.isSafeInteger(v) && v >= 1 ? undefined : fail(p, 'a whole number, 1 or more', v));

const emulatorState = shape({
  nextId,
  wabas: byId(shape({ id: str, createdAt: str }), 'WABAs'),
  phones: byId(shape({ id: str, publicKey: optional(str), createdAt: str }), 'phone numbers'),
  flows: byId(flow, 'flows'),
  templates: byId(template, 'message templates'),
  messages: arrayOf(message),
});

/**
 * What is wrong with a loaded state (the first problem, naming the field as `state.flows["1"].status`), or
 * undefined when it has the shape the emulator writes (format 1).
 */
export function stateProblem(value: unknown): string | undefined {
  if (!isObject(value)) return fail('state', 'an object', value);
  if (value.format !== 1) return `state.format must be 1 (this version's state format), got ${describe(value.format)}`;
  return emulatorState(value, 'state');
}
