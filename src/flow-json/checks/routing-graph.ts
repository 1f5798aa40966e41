import type { FlowModel } from '../model.js';
import type { RuleContext } from '../rule.js';
import { isObject } from '../values.js';
import { navigateEdge } from './navigate-edges.js';

/**
 * The screen graph the routing rules check (flows-platform §2.9): the `routing_model` when the flow has one,
 * otherwise, for endpoint-less flows, the graph Meta derives from the navigate actions. Built once per document.
 */
export interface RoutingGraph {
  source: 'routing_model' | 'navigate';
  /**
   * Some edges cannot be seen: a NavigationList whose `list-items` come from data carries its navigate actions
   * in the data, not in the document. Checks that missing edges could turn into false alarms skip the graph.
   */
  incomplete: boolean;
  /** Screens the graph covers, in document order: those named in the routing model, or every screen. */
  nodes: string[];
  /** Outgoing edges between existing screens, deduplicated, self edges left out (they are reported on their own). */
  out: Map<string, string[]>;
  /** Whether the edge `from` → `to` exists (constant time). */
  hasEdge(from: string, to: string): boolean;
}

const cache = new WeakMap<FlowModel, RoutingGraph | null>();

/** The graph for this document, or undefined when there is none to check (endpoint flow without a valid model). */
export function routingGraph(ctx: RuleContext): RoutingGraph | undefined {
  let graph = cache.get(ctx.model);
  if (graph === undefined) {
    graph = build(ctx) ?? null;
    cache.set(ctx.model, graph);
  }
  return graph ?? undefined;
}

function build(ctx: RuleContext): RoutingGraph | undefined {
  const { screensById } = ctx.model;
  const out = new Map<string, string[]>();
  // One set of targets per screen keeps deduplication linear in the edges (a list scan took 16 s for 1 000 screens
  // each routing to all the others).
  const seen = new Map<string, Set<string>>();
  const addEdge = (from: string, to: string) => {
    if (from === to || !screensById.has(from) || !screensById.has(to)) return;
    const targets = seen.get(from);
    if (!targets) {
      seen.set(from, new Set([to]));
      out.set(from, [to]);
    } else if (!targets.has(to)) {
      targets.add(to);
      out.get(from)!.push(to);
    }
  };
  const hasEdge = (from: string, to: string) => seen.get(from)?.has(to) === true;
  const ids = [...screensById.keys()];
  const rm = ctx.flow.routing_model;
  if (rm !== undefined) {
    if (!isObject(rm)) return undefined;
    const named = new Set<string>();
    for (const [from, targets] of Object.entries(rm)) {
      named.add(from);
      if (!Array.isArray(targets)) continue;
      for (const to of targets) {
        if (typeof to !== 'string') continue;
        named.add(to);
        addEdge(from, to);
      }
    }
    return { source: 'routing_model', incomplete: false, nodes: ids.filter((id) => named.has(id)), out, hasEdge };
  }
  if (ctx.endpointFlow) return undefined;
  for (const action of ctx.model.actions) {
    const edge = navigateEdge(action);
    if (edge?.source !== undefined) addEdge(edge.source, edge.target);
  }
  const incomplete = ctx.model.components.some((c) => c.type === 'NavigationList' && !Array.isArray(c.node['list-items']) && c.node['on-click-action'] === undefined);
  return { source: 'navigate', incomplete, nodes: ids, out, hasEdge };
}

/** Nodes that no edge enters. */
export function entryScreens(graph: RoutingGraph): string[] {
  const entered = new Set<string>();
  for (const targets of graph.out.values()) for (const t of targets) entered.add(t);
  return graph.nodes.filter((n) => !entered.has(n));
}

/** Strongly connected components with more than one screen (the loops), members in document order. */
export function loops(graph: RoutingGraph): string[][] {
  // Tarjan's algorithm, iterative so that long chains cannot overflow the stack.
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const found: string[][] = [];
  const order = new Map(graph.nodes.map((n, k) => [n, k]));
  let counter = 0;
  for (const root of graph.nodes) {
    if (index.has(root)) continue;
    const work: Array<{ node: string; next: number }> = [{ node: root, next: 0 }];
    index.set(root, counter);
    low.set(root, counter++);
    stack.push(root);
    onStack.add(root);
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      const targets = graph.out.get(frame.node) ?? [];
      if (frame.next < targets.length) {
        const t = targets[frame.next++]!;
        if (!index.has(t)) {
          index.set(t, counter);
          low.set(t, counter++);
          stack.push(t);
          onStack.add(t);
          work.push({ node: t, next: 0 });
        } else if (onStack.has(t)) {
          low.set(frame.node, Math.min(low.get(frame.node)!, index.get(t)!));
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.node, Math.min(low.get(parent.node)!, low.get(frame.node)!));
      if (low.get(frame.node) !== index.get(frame.node)) continue;
      const members: string[] = [];
      let m: string;
      do {
        m = stack.pop()!;
        onStack.delete(m);
        members.push(m);
      } while (m !== frame.node);
      // Sorted by document position: linear overall, where filtering every node per loop was not.
      if (members.length > 1) found.push(members.sort((a, b) => order.get(a)! - order.get(b)!));
    }
  }
  return found;
}

/** Weakly connected groups of nodes, each in document order, groups ordered by their first node. */
export function connectedGroups(graph: RoutingGraph): string[][] {
  const parent = new Map<string, string>(graph.nodes.map((n) => [n, n]));
  const find = (n: string): string => {
    let r = n;
    while (parent.get(r) !== r) r = parent.get(r)!;
    while (parent.get(n) !== r) {
      const next = parent.get(n)!;
      parent.set(n, r);
      n = next;
    }
    return r;
  };
  for (const [from, targets] of graph.out) {
    for (const to of targets) {
      if (!parent.has(from) || !parent.has(to)) continue;
      const a = find(from);
      const b = find(to);
      if (a !== b) parent.set(b, a);
    }
  }
  const groups = new Map<string, string[]>();
  for (const n of graph.nodes) {
    const r = find(n);
    const g = groups.get(r);
    if (g) g.push(n);
    else groups.set(r, [n]);
  }
  return [...groups.values()];
}
