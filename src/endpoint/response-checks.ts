import type { FlowRequest, FlowResponse } from './types.js';

export interface ResponseCheckOptions {
  /** The flow's Flow JSON (object or text). */
  flowJson: object | string;
  /** `warn` (default) calls `warn`; `throw` makes the endpoint answer 500 and report through `onError`. */
  mode?: 'warn' | 'throw';
  /** Where warnings go (default console.warn). */
  warn?: (message: string) => void;
}

/**
 * Development checks of every response against the Flow JSON, before it is encrypted: a next screen the routing
 * model does not allow, or data that does not match the screen's data model, are what WhatsApp would report later
 * as `invalid-screen-transition` and `payload-schema-error` (flows-platform §3.5, §1.9). Pass the result as the
 * endpoint's `checkResponse` option.
 */
export function responseChecks(options: ResponseCheckOptions): (request: FlowRequest, response: FlowResponse) => void {
  const flow = (typeof options.flowJson === 'string' ? JSON.parse(options.flowJson) : options.flowJson) as {
    routing_model?: Record<string, string[]>;
    screens?: Array<{ id?: string; data?: Record<string, { type?: string }> }>;
  };
  const screens = new Map((flow.screens ?? []).filter((s) => typeof s.id === 'string').map((s) => [s.id!, s]));
  const routes = flow.routing_model ?? {};
  const warn = options.warn ?? ((m: string) => console.warn(m));
  return (request, response) => {
    const problems = [...routeProblems(request, response, routes, screens), ...dataProblems(response, screens)];
    if (problems.length === 0) return;
    const message = `Flow endpoint response to ${request.action}${request.screen ? ` on ${request.screen}` : ''}: ${problems.join(' ')}`;
    if (options.mode === 'throw') throw new Error(message);
    warn(message);
  };
}

function routeProblems(request: FlowRequest, response: FlowResponse, routes: Record<string, string[]>, screens: Map<string, unknown>): string[] {
  if (response.screen === 'SUCCESS') {
    const params = (response.data.extension_message_response as { params?: { flow_token?: unknown } } | undefined)?.params;
    return params && typeof params === 'object' ? [] : ['payload-schema-error: a SUCCESS response needs data.extension_message_response.params (use closeFlow).'];
  }
  if (!screens.has(response.screen)) return [`invalid-screen-transition: screen '${response.screen}' is not in the Flow JSON.`];
  const from = request.screen;
  if (request.action !== 'data_exchange' || !from || from === response.screen) return [];
  const allowed = routes[from] ?? [];
  return allowed.includes(response.screen) ? [] : [`invalid-screen-transition: the routing model allows ${from} → [${allowed.join(', ')}], not ${response.screen}.`];
}

function dataProblems(response: FlowResponse, screens: Map<string, { data?: Record<string, { type?: string }> }>): string[] {
  const model = screens.get(response.screen)?.data;
  if (!model) return [];
  const out: string[] = [];
  for (const [field, schema] of Object.entries(model)) {
    const value = response.data[field];
    if (value === undefined) out.push(`payload-schema-error: data.${field} is missing (declared as ${schema?.type} on ${response.screen}).`);
    else if (schema?.type && !matches(schema.type, value)) out.push(`payload-schema-error: data.${field} should be ${schema.type}, got ${Array.isArray(value) ? 'array' : value === null ? 'null' : typeof value}.`);
  }
  return out;
}

function matches(type: string, value: unknown): boolean {
  if (value === null) return false;
  if (type === 'array') return Array.isArray(value);
  if (type === 'object') return typeof value === 'object' && !Array.isArray(value);
  if (type === 'integer') return Number.isInteger(value);
  return typeof value === type;
}
