import { InvalidArgumentError } from '../../core/errors.js';
// Owns: what of a Flow JSON the endpoint response rules read — each screen's data model and the routing model
// (declared, or derived from navigate actions; flows-platform §2.5, §2.9). Consumers: check.ts, the endpoint's
// responseChecks, the simulator's loadFlow (src/simulator/flow.ts).
import { isObject, type JsonObject } from '../../flow-json/values.js';

/**
 * What the endpoint response rules need to know about a flow: each screen's data model and the routing model
 * (flows-platform §2.5, §2.9). Owned here so that the endpoint's `responseChecks` and the simulator
 * (`loadFlow`) index a Flow JSON the same way.
 *
 * The routing model is the declared `routing_model`, or, when there is none, derived from the `navigate`
 * actions, as Meta does for endpoint-less flows (flows-platform §2.9: "Needed only for endpoint flows;
 * otherwise derived from navigate actions").
 */
export interface ResponseFlowModel {
  /** Screen id → its data model (`data`, `{}` when absent). */
  readonly screens: ReadonlyMap<string, { readonly dataModel: JsonObject }>;
  /** Screen id → the screens it may go to. */
  readonly routes: ReadonlyMap<string, ReadonlySet<string>>;
}

/**
 * Indexes a parsed Flow JSON for the response rules.
 * @throws TypeError when `json` is not an object with a `screens` array.
 */
export function responseFlowModel(json: unknown): ResponseFlowModel {
  if (!isObject(json) || !Array.isArray(json.screens)) throw new InvalidArgumentError('The Flow JSON must be an object with a `screens` array.');
  const screens = new Map<string, { dataModel: JsonObject; node: JsonObject }>();
  for (const node of json.screens) {
    if (isObject(node) && typeof node.id === 'string') screens.set(node.id, { node, dataModel: isObject(node.data) ? node.data : {} });
  }
  return { screens, routes: routingModel(json, [...screens.values()].map((s) => s.node)) };
}

/** The flow's routing model: `routing_model` when declared, else the navigate targets of each screen (§2.9). */
export function routingModel(json: JsonObject, screens: readonly JsonObject[]): Map<string, Set<string>> {
  const routes = new Map<string, Set<string>>();
  if (isObject(json.routing_model)) {
    for (const [from, to] of Object.entries(json.routing_model)) routes.set(from, new Set(Array.isArray(to) ? to.filter((s): s is string => typeof s === 'string') : []));
    return routes;
  }
  for (const screen of screens) {
    if (typeof screen.id !== 'string') continue;
    const to = new Set<string>();
    const layout = screen.layout;
    walkComponents(isObject(layout) && Array.isArray(layout.children) ? layout.children : [], (c) => {
      const items = Array.isArray(c['list-items']) ? c['list-items'].map((i) => (isObject(i) ? i['on-click-action'] : undefined)) : [];
      for (const action of [c['on-click-action'], ...items]) {
        if (isObject(action) && action.name === 'navigate' && isObject(action.next) && typeof action.next.name === 'string') to.add(action.next.name);
      }
    });
    routes.set(screen.id, to);
  }
  return routes;
}

/** Calls `visit` for every component below `children`: Form children and every If/Switch branch included. */
export function walkComponents(children: unknown[], visit: (component: JsonObject) => void): void {
  // Depth first, in document order, without recursion: a layout nested 100 000 deep must not overflow the stack.
  const pending: unknown[] = [...children].reverse();
  while (pending.length) {
    const c = pending.pop();
    if (!isObject(c)) continue;
    visit(c);
    const nested: unknown[] = [];
    if (Array.isArray(c.children)) nested.push(...c.children);
    if (Array.isArray(c.then)) nested.push(...c.then);
    if (Array.isArray(c.else)) nested.push(...c.else);
    if (isObject(c.cases)) for (const list of Object.values(c.cases)) if (Array.isArray(list)) nested.push(...list);
    for (let i = nested.length - 1; i >= 0; i--) pending.push(nested[i]);
  }
}

/**
 * Whether `screen` can be under `current` on the back stack: the routing model leads from it to `current`.
 * Every forward step of a session follows a route (navigate targets are routes, §2.9; endpoint answers must
 * follow them, §3.5), so every screen on the stack is such an ancestor. The routing model has no loops (§2.9),
 * so `current` is never its own ancestor.
 */
export function canBeUnder(routes: ResponseFlowModel['routes'], screen: string, current: string): boolean {
  const seen = new Set<string>();
  const queue = [screen];
  while (queue.length) {
    const from = queue.shift()!;
    for (const to of routes.get(from) ?? []) {
      if (to === current) return true;
      if (!seen.has(to)) {
        seen.add(to);
        queue.push(to);
      }
    }
  }
  return false;
}
