// `parseCompletion(flow, event)`: a completion's `response` checked against the flow's `complete` payloads and
// returned typed (`CompletionOf<F>`). A completion's `response_json` is the `complete` action's payload with
// `flow_token` (flows-platform §4.3); `complete` sits on terminal screens only (§2.8). What a `${form.x}` value is
// comes from src/platform/input-values.ts (§2.7, §3.8).
import { InvalidArgumentError } from '../core/base-errors.js';
import type { CompletionOf } from '../contract/index.js';
import type { FlowJson } from '../flow-json/types/index.js';
import { INPUT_COMPONENT_TYPES, MEDIA_INPUT_TYPES, inputValueType, type ValueTypeName } from '../platform/input-values.js';
import { WebhookPayloadError } from './errors.js';
import type { FlowCompletionEvent } from './events.js';

type Json = Record<string, unknown>;

/** One `complete` payload: each key with the value type it will have (undefined: cannot be told). */
interface ExpectedPayload {
  screen: string;
  fields: Map<string, ValueTypeName | undefined>;
}

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Checks `event.response` (the completion's `response_json` without `flow_token`) against the payloads of the
 * flow's `complete` actions and returns it typed. Throws `WebhookPayloadError` naming the first field that does not
 * match (never its value). A flow without `complete` actions (closed by its endpoint) accepts any response.
 */
export function parseCompletion<const F extends FlowJson>(flow: F, event: Pick<FlowCompletionEvent, 'response'> & Partial<Pick<FlowCompletionEvent, 'responseJsonError'>>): CompletionOf<F> {
  if (!isObject(flow) || !Array.isArray((flow as Json).screens)) throw new InvalidArgumentError('parseCompletion(flow, event) needs the Flow JSON as an object (the result of defineFlow or JSON.parse).');
  if (!isObject(event) || !isObject(event.response)) throw new InvalidArgumentError('parseCompletion(flow, event) needs a flow completion event (onFlowCompletion gives one).');
  if (event.responseJsonError !== undefined) throw new WebhookPayloadError(`The completion has no usable response_json: ${event.responseJsonError}`);
  const expected = completePayloads(flow as unknown as Json);
  if (expected.length === 0) return event.response as CompletionOf<F>;
  const problems = expected.map((payload) => mismatch(payload, event.response));
  if (problems.some((p) => p === undefined)) return event.response as CompletionOf<F>;
  throw new WebhookPayloadError(`The completion does not match the flow's complete payload: ${problems[0]!}`);
}

function mismatch(payload: ExpectedPayload, response: Json): string | undefined {
  for (const [key, type] of payload.fields) {
    if (!Object.hasOwn(response, key)) return `field '${key}' is missing (complete action on screen ${payload.screen}).`;
    const actual = typeName(response[key]);
    if (type !== undefined && actual !== type) return `field '${key}' should be ${type === 'array' ? 'an' : 'a'} ${type} but is ${actual === 'array' || actual === 'object' ? 'an' : 'a'} ${actual} (complete action on screen ${payload.screen}).`;
  }
  for (const key of Object.keys(response)) {
    if (!payload.fields.has(key)) return `field '${key}' is not in the complete payload of screen ${payload.screen}.`;
  }
  return undefined;
}

function typeName(value: unknown): string {
  if (Array.isArray(value)) return 'array';
  if (value === null) return 'null';
  return typeof value;
}

/** The `complete` payloads of the flow's screens, with the value type of each key. */
function completePayloads(flow: Json): ExpectedPayload[] {
  const screens = (flow.screens as unknown[]).filter(isObject);
  const byId = new Map(screens.map((s) => [String(s.id), s]));
  const out: ExpectedPayload[] = [];
  for (const screen of screens) {
    for (const component of components(screen)) {
      const action = component['on-click-action'];
      if (!isObject(action) || action.name !== 'complete') continue;
      const payload = isObject(action.payload) ? action.payload : {};
      const fields = new Map<string, ValueTypeName | undefined>();
      for (const [key, value] of Object.entries(payload)) fields.set(key, valueType(value, screen, byId));
      out.push({ screen: String(screen.id), fields });
    }
  }
  return out;
}

/** Every component of a screen, through Form, If and Switch. */
function components(screen: Json): Json[] {
  const out: Json[] = [];
  const walk = (list: unknown, depth: number): void => {
    if (!Array.isArray(list) || depth > 32) return;
    for (const c of list) {
      if (!isObject(c)) continue;
      out.push(c);
      walk(c.children, depth + 1);
      walk(c.then, depth + 1);
      walk(c.else, depth + 1);
      if (isObject(c.cases)) for (const branch of Object.values(c.cases)) walk(branch, depth + 1);
    }
  };
  walk(isObject(screen.layout) ? screen.layout.children : undefined, 0);
  return out;
}

const SINGLE_BINDING = /^\$\{(data|form|screen)\.([A-Za-z0-9_.-]+)\}$/;

/** The value type of a payload value once WhatsApp resolved it; undefined when it cannot be told. */
function valueType(value: unknown, screen: Json, byId: Map<string, Json>): ValueTypeName | undefined {
  if (Array.isArray(value)) return 'array';
  if (isObject(value)) return 'object';
  if (typeof value === 'number' || typeof value === 'boolean') return typeof value as ValueTypeName;
  if (typeof value !== 'string') return undefined;
  if (!value.includes('${')) return value.startsWith('`') ? undefined : 'string';
  const m = SINGLE_BINDING.exec(value);
  if (!m) return undefined;
  let [scope, path] = [m[1]!, m[2]!.split('.')];
  let target = screen;
  if (scope === 'screen') {
    const other = byId.get(path[0]!);
    if (!other || (path[1] !== 'data' && path[1] !== 'form')) return undefined;
    [target, scope, path] = [other, path[1], path.slice(2)];
  }
  if (path.length !== 1) return undefined;
  const field = path[0]!;
  if (scope === 'data') {
    const decl = isObject(target.data) ? target.data[field] : undefined;
    const type = isObject(decl) ? decl.type : undefined;
    return type === 'integer' ? 'number' : typeof type === 'string' ? (type as ValueTypeName) : undefined;
  }
  const input = components(target).find((c) => c.name === field && typeof c.type === 'string' && INPUT_COMPONENT_TYPES.has(c.type));
  if (!input) return undefined;
  return MEDIA_INPUT_TYPES.has(input.type as string) ? 'array' : inputValueType(input.type as string, input);
}
