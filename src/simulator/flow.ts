import { MAX_JSON_DEPTH } from '../internal/json-depth.js';
import { parseVersion, compareVersions } from '../platform/versions.js';
import { isObject, type JsonObject } from '../flow-json/values.js';
import { jsonDepth, routingModel, walkComponents } from '../platform/endpoint-response/index.js';
import { SimulatorFlowError } from './errors.js';

export { walkComponents };

/**
 * A Flow JSON document indexed for the simulator: screens by id, every input component of each screen (all
 * If/Switch branches, for typing `${screen.ID.form.x}`), the routing model (declared, or derived from the
 * navigate actions as Meta does for endpoint-less flows, Meta: Flow JSON reference, Routing model) and the entry screen.
 */
export interface ScreenDefinition {
  id: string;
  node: JsonObject;
  terminal: boolean;
  refreshOnBack: boolean;
  /** The screen's data model (`data`), `{}` when absent. */
  dataModel: JsonObject;
  /** Every component with a `name` (inputs, NavigationList), in every branch, by name. */
  named: Map<string, JsonObject>;
}

export interface FlowDefinition {
  json: JsonObject;
  version: string;
  /** `data_api_version` when the flow is endpoint-powered. */
  dataApiVersion: string | undefined;
  screens: Map<string, ScreenDefinition>;
  /** Screen ids in document order. */
  order: string[];
  /** screen → screens it may go to (declared routing_model, else derived from navigate actions). */
  routes: Map<string, Set<string>>;
  /** Whether `routing_model` was declared. */
  declaredRoutes: boolean;
  /** The screen a message without `flow_action_payload.screen` opens (FIRST_ENTRY_SCREEN). */
  entry: string;
}

/**
 * How deeply a Flow JSON may nest (objects and arrays) to be simulated: the SDK's one JSON depth bound, the one the
 * validator uses, so `validate: false` (the emulator) refuses what validation would, with a SimulatorFlowError
 * instead of a RangeError from the walks over the layout. Message data and input values get the same bound.
 */
export const MAX_FLOW_DEPTH = MAX_JSON_DEPTH;

/** Whether a Flow JSON, or a value given to the simulator (message data, an input value), nests past MAX_FLOW_DEPTH. */
export function nestedTooDeeply(value: unknown): boolean {
  return jsonDepth(value, MAX_FLOW_DEPTH) > MAX_FLOW_DEPTH;
}

/** Parses (when text) and indexes a flow. @throws SimulatorFlowError when it is not a Flow JSON object. */
export function loadFlow(flowJson: unknown): FlowDefinition {
  let json: unknown = flowJson;
  if (typeof flowJson === 'string') {
    try {
      json = JSON.parse(flowJson);
    } catch (error) {
      throw new SimulatorFlowError(`The Flow JSON is not JSON: ${(error as Error).message}`);
    }
  }
  if (nestedTooDeeply(json)) {
    throw new SimulatorFlowError(`The Flow JSON is nested too deeply: more than ${MAX_FLOW_DEPTH} levels of objects and arrays (If/Switch branches nest a few).`);
  }
  if (!isObject(json) || !Array.isArray(json.screens) || json.screens.length === 0) {
    throw new SimulatorFlowError('The Flow JSON must be an object with a non-empty `screens` array.');
  }
  if (!parseVersion(json.version)) throw new SimulatorFlowError(`The Flow JSON has no valid \`version\`; got ${JSON.stringify(json.version)}.`);
  const screens = new Map<string, ScreenDefinition>();
  const order: string[] = [];
  for (const node of json.screens) {
    if (!isObject(node) || typeof node.id !== 'string') throw new SimulatorFlowError('Every screen needs a string `id`.');
    const layout = isObject(node.layout) && Array.isArray(node.layout.children) ? node.layout.children : [];
    const named = new Map<string, JsonObject>();
    walkComponents(layout, (c) => {
      if (typeof c.name === 'string' && c.type !== 'Form' && !named.has(c.name)) named.set(c.name, c);
    });
    screens.set(node.id, {
      id: node.id,
      node,
      terminal: node.terminal === true,
      refreshOnBack: node.refresh_on_back === true,
      dataModel: isObject(node.data) ? node.data : {},
      named,
    });
    order.push(node.id);
  }
  const declaredRoutes = isObject(json.routing_model);
  const routes = routingModel(json, [...screens.values()].map((s) => s.node));
  return {
    json,
    version: json.version as string,
    dataApiVersion: typeof json.data_api_version === 'string' ? json.data_api_version : undefined,
    screens,
    order,
    routes,
    declaredRoutes,
    entry: entryScreen(order, routes),
  };
}

/** Whether the flow's version is at least `version`. */
export function atLeast(flow: Pick<FlowDefinition, 'version'>, version: string): boolean {
  return compareVersions(flow.version, version) >= 0;
}

/** The `__example__` of every top-level field of a data model: what the Flow Builder preview shows. */
export function exampleData(model: JsonObject): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [field, schema] of Object.entries(model)) {
    if (isObject(schema) && '__example__' in schema) out[field] = structuredClone(schema.__example__);
  }
  return out;
}

/** The first screen (document order) that no route leads to; the first screen when every one has a way in. */
function entryScreen(order: string[], routes: Map<string, Set<string>>): string {
  const targets = new Set<string>();
  for (const [from, to] of routes) for (const t of to) if (t !== from) targets.add(t);
  return order.find((id) => !targets.has(id)) ?? order[0]!;
}
