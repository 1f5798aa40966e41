import { isObject, type JsonObject } from '../flow-json/values.js';
import { SimulatorProtocolError } from './errors.js';
import type { FlowDefinition } from './flow.js';

/**
 * The client's checks of an endpoint answer (flows-platform §3.5), reported with Meta's error names:
 * - `invalid-screen-transition`: the screen is not in the Flow JSON, or the routing model does not allow it from
 *   the current screen (a data_exchange may also answer with the current screen; a BACK answers with a screen
 *   under the current one);
 * - `payload-schema-error`: not `{ screen, data }`, data not matching the screen's data model (every declared
 *   field present, of its type; no null anywhere), or a `SUCCESS` without `data.extension_message_response.params`.
 */
export type CheckedResponse =
  | { kind: 'screen'; screen: string; data: Record<string, unknown> }
  | { kind: 'success'; params: Record<string, unknown> };

export interface RequestContext {
  action: 'INIT' | 'BACK' | 'data_exchange';
  /** The screen the request was sent from (undefined for INIT). */
  screen: string | undefined;
  /** Screens under the current one (BACK may go to one of them). */
  stack: readonly string[];
}

export function checkResponse(flow: FlowDefinition, request: RequestContext, response: unknown): CheckedResponse {
  const fail = (error: string, message: string): never => {
    throw new SimulatorProtocolError(error, `${request.action}${request.screen ? ` on ${request.screen}` : ''}: ${message}`, request.screen ? { screen: request.screen } : {});
  };
  if (!isObject(response) || typeof response.screen !== 'string' || !isObject(response.data)) {
    return fail('payload-schema-error', `the answer must be { "screen": "<SCREEN_ID>", "data": { ... } }; got ${JSON.stringify(response)}.`);
  }
  const { screen, data } = response;
  if (screen === 'SUCCESS') {
    const params = isObject(data.extension_message_response) ? data.extension_message_response.params : undefined;
    if (!isObject(params)) return fail('payload-schema-error', 'a SUCCESS answer needs data.extension_message_response.params (an object with the flow_token).');
    return { kind: 'success', params };
  }
  const target = flow.screens.get(screen);
  if (!target) return fail('invalid-screen-transition', `screen ${JSON.stringify(screen)} is not in the Flow JSON.`);
  if (request.action === 'data_exchange' && request.screen !== undefined && screen !== request.screen) {
    const allowed = [...(flow.routes.get(request.screen) ?? [])];
    if (!allowed.includes(screen)) fail('invalid-screen-transition', `the routing model allows ${request.screen} → [${allowed.join(', ')}], not ${screen}.`);
  }
  if (request.action === 'BACK' && !request.stack.includes(screen)) {
    fail('invalid-screen-transition', `a BACK answer must name a previous screen ([${request.stack.join(', ')}]); got ${screen}.`);
  }
  const problems = dataProblems(target.dataModel, data);
  if (problems.length) fail('payload-schema-error', `the data does not match the data model of ${screen}: ${problems.join('; ')}.`);
  return { kind: 'screen', screen, data };
}

/** What is wrong with `data` for a data model: missing top-level fields, wrong types, nulls. */
export function dataProblems(model: JsonObject, data: Record<string, unknown>): string[] {
  const out: string[] = [];
  for (const [field, schema] of Object.entries(model)) {
    if (!isObject(schema)) continue;
    if (data[field] === undefined) out.push(`data.${field} is missing (declared ${String(schema.type)})`);
    else check(schema, data[field], `data.${field}`, out);
  }
  return out;
}

function check(schema: JsonObject, value: unknown, path: string, out: string[]): void {
  if (value === null) {
    out.push(`${path} is null (Flow JSON has no null: omit the field or send an empty value)`);
    return;
  }
  const type = schema.type;
  const actual = Array.isArray(value) ? 'array' : typeof value;
  const ok =
    type === 'integer' ? Number.isInteger(value) : type === 'object' ? actual === 'object' : typeof type !== 'string' ? true : actual === type;
  if (!ok) {
    out.push(`${path} should be ${String(type)}, got ${actual}`);
    return;
  }
  if (type === 'object' && isObject(schema.properties)) {
    for (const [key, sub] of Object.entries(schema.properties)) {
      const v = (value as Record<string, unknown>)[key];
      if (v !== undefined && isObject(sub)) check(sub, v, `${path}.${key}`, out);
    }
  }
  if (type === 'array' && isObject(schema.items)) (value as unknown[]).forEach((v, i) => check(schema.items as JsonObject, v, `${path}[${i}]`, out));
}
