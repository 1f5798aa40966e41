import { ACTION_PROPERTIES, type ComponentModel, type FlowModel, type ScreenModel } from '../model.js';
import type { JsonPath } from '../parse.js';
import { isNestedExpression, type Reference } from './binding-syntax.js';
import { isObject, type JsonObject } from '../values.js';
import { scanReferences } from './reference-scan.js';
import { IntBuffer } from '../span-table.js';

/**
 * The strings of each screen that may hold dynamic references or expressions (flows-platform §2.6): the screen
 * `title` and every string inside a component's own properties (action payloads included, child components
 * excluded: they are components of their own in the model). Built once per model and shared by the data rules,
 * so the document is walked once however many rules read it. The data model itself (`data`, `__example__`) is
 * not walked: its strings are sample values, not bindings.
 *
 * Stored compactly (issue 10: 400 000 strings of one payload took 473 MB as one object, one path and one reference
 * list each): one table of columns for the whole document (typed arrays for the component, flags, action and path
 * of each string; paths below a component as a tree of segments shared by the strings under them), and a
 * `ScreenString` view made for each string as a rule reads it. References are scanned when read (by the view: a
 * few rules read them; keeping them for every string was most of that memory, and kept objects make V8 allocate
 * their kind in the old generation). Consumers: the data rules (`rules/data/`: data-, form- and global-reference,
 * nested-expression, binding-mixed-with-text) through `screenStrings`.
 */

export interface ScreenString {
  readonly text: string;
  /** The string's path in the document (computed when read). */
  readonly path: JsonPath;
  readonly screen: ScreenModel;
  /** `title` of the screen, a component property, or a value inside an action `payload`. */
  readonly where: 'title' | 'component' | 'payload';
  readonly component: ComponentModel | undefined;
  /** The component property the string sits under (`text`, `visible`, `on-click-action`, …; `title` for titles). */
  readonly property: string;
  /** The string is the property's own value (not inside an array/object under it). */
  readonly direct: boolean;
  /** The action the string sits in, if any. */
  readonly action: JsonObject | undefined;
  /** Read only. */
  readonly references: readonly Reference[];
  /**
   * False when the string certainly holds no reference of this kind (`screen`: `${screen.…}`), so that a rule can
   * skip it without scanning its references.
   */
  mayReference(kind: 'data' | 'form' | 'screen'): boolean;
}

export interface ScreenStrings {
  /** A view is made for each string as it is read: read them in a loop, do not keep them. */
  strings: Iterable<ScreenString>;
  /** `name`s of the screen's components other than Form (inputs, in any Form/If/Switch branch). */
  inputNames: ReadonlySet<string>;
  /** `name`s of the screen's Form components. */
  formNames: ReadonlySet<string>;
}

const WHERE: ReadonlyArray<ScreenString['where']> = ['title', 'component', 'payload'];
const DIRECT = 4;
/** Flags: the text contains `data`, `form` or `screen` (a reference of that kind needs the word). */
const KIND_FLAGS = { data: 8, form: 16, screen: 32 } as const;

function kindFlags(text: string): number {
  return (text.includes('data') ? KIND_FLAGS.data : 0) | (text.includes('form') ? KIND_FLAGS.form : 0) | (text.includes('screen') ? KIND_FLAGS.screen : 0);
}
const NO_NAMES: ReadonlySet<string> = new Set();

/** Every relevant string of a document, one row each, screen by screen. */
class StringTable {
  readonly texts: string[] = [];
  /** Index in its screen's `components`, -1 for a title. */
  readonly component = new IntBuffer(16);
  /** WHERE index | DIRECT. */
  readonly flags = new IntBuffer(16);
  /** Index in `actions`, -1 outside actions. */
  readonly action = new IntBuffer(16);
  readonly actions: JsonObject[] = [];
  /** Path below the component (below the screen for a title): a node of the segment tree. */
  readonly node = new IntBuffer(16);
  /** The segment tree: each node's parent (-1 at the top) and segment. */
  readonly parent = new IntBuffer(16);
  readonly segment: Array<string | number> = [];
  /** `base` followed by the segments from the top of the tree down to `node`, in one new array. */
  pathOf(base: JsonPath, node: number): JsonPath {
    let depth = 0;
    for (let n = node; n >= 0; n = this.parent.at(n)) depth++;
    const out: Array<string | number> = new Array(base.length + depth);
    for (let k = 0; k < base.length; k++) out[k] = base[k]!;
    for (let n = node, k = out.length - 1; n >= 0; n = this.parent.at(n), k--) out[k] = this.segment[n]!;
    return out;
  }

  /** The top segment above `node`: the component property. */
  top(node: number): string {
    let n = node;
    while (this.parent.at(n) >= 0) n = this.parent.at(n);
    return String(this.segment[n]);
  }
}

/**
 * What a rule reads of one row. One view per loop, moved from row to row (a view for every string read by every
 * rule was most of the garbage on large documents): rules read a string's fields inside the loop and keep none.
 */
class StringView implements ScreenString {
  row = -1;
  #references: readonly Reference[] | undefined;

  constructor(
    private readonly table: StringTable,
    readonly screen: ScreenModel,
  ) {}

  moveTo(row: number): void {
    this.row = row;
    this.#references = undefined;
  }

  get text(): string {
    return this.table.texts[this.row]!;
  }

  get path(): JsonPath {
    const c = this.component;
    return this.table.pathOf(c ? c.path : this.screen.path, this.table.node.at(this.row));
  }

  get where(): ScreenString['where'] {
    return WHERE[this.table.flags.at(this.row) & 3]!;
  }

  get component(): ComponentModel | undefined {
    const index = this.table.component.at(this.row);
    return index < 0 ? undefined : this.screen.components[index];
  }

  get property(): string {
    return this.table.top(this.table.node.at(this.row));
  }

  get direct(): boolean {
    return (this.table.flags.at(this.row) & DIRECT) !== 0;
  }

  get action(): JsonObject | undefined {
    const index = this.table.action.at(this.row);
    return index < 0 ? undefined : this.table.actions[index];
  }

  get references(): readonly Reference[] {
    return (this.#references ??= scanReferences(this.text));
  }

  mayReference(kind: 'data' | 'form' | 'screen'): boolean {
    return (this.table.flags.at(this.row) & KIND_FLAGS[kind]) !== 0;
  }
}

/** The rows of one screen. */
class ScreenRows implements Iterable<ScreenString> {
  constructor(
    private readonly table: StringTable,
    private readonly screen: ScreenModel,
    private readonly from: number,
    private readonly to: number,
  ) {}

  [Symbol.iterator](): Iterator<ScreenString> {
    const view = new StringView(this.table, this.screen);
    const result = { done: false, value: view as ScreenString };
    const done: IteratorResult<ScreenString> = { done: true, value: undefined };
    let row = this.from;
    const to = this.to;
    return {
      next: () => {
        if (row >= to) return done;
        view.moveTo(row++);
        return result;
      },
    };
  }
}

/** What one walk shares: the current component, property and action, mutated and restored as it goes. */
interface Walk {
  table: StringTable;
  componentIndex: number;
  component: ComponentModel;
  property: string;
  action: JsonObject | undefined;
  inPayload: boolean;
  /** The path below the component, and the segment-tree node of each step (-1 until a string below needs it). */
  stack: Array<string | number>;
  nodes: number[];
}

const cache = new WeakMap<FlowModel, Map<ScreenModel, ScreenStrings>>();

/** The strings of every screen, computed once per model. */
export function screenStrings(model: FlowModel): Map<ScreenModel, ScreenStrings> {
  let out = cache.get(model);
  if (!out) {
    out = new Map();
    const table = new StringTable();
    for (const screen of model.screens) out.set(screen, collect(screen, table));
    cache.set(model, out);
  }
  return out;
}

/** Strings that can matter to the data rules: bindings and expressions. */
function relevant(text: string): boolean {
  return text.includes('${') || isNestedExpression(text);
}

function collect(screen: ScreenModel, table: StringTable): ScreenStrings {
  const from = table.texts.length;
  let inputNames: Set<string> | undefined;
  let formNames: Set<string> | undefined;
  const title = screen.node.title;
  if (typeof title === 'string' && relevant(title)) {
    table.parent.push(-1);
    table.segment.push('title');
    addRow(table, title, -1, 0 | DIRECT | kindFlags(title), -1, table.segment.length - 1);
  }
  const walk: Walk = { table, componentIndex: 0, component: undefined as never, property: '', action: undefined, inPayload: false, stack: [], nodes: [] };
  const components = screen.components;
  for (let index = 0; index < components.length; index++) {
    const component = components[index]!;
    const { node, type } = component;
    if (typeof node.name === 'string') {
      if (type === 'Form') (formNames ??= new Set()).add(node.name);
      else (inputNames ??= new Set()).add(node.name);
    }
    walk.componentIndex = index;
    walk.component = component;
    for (const key in node) {
      const value = node[key];
      if (typeof value === 'number' || typeof value === 'boolean' || isChildList(type, key)) continue;
      walk.property = key;
      walk.action = isActionProperty(key) && isObject(value) ? value : undefined;
      walk.inPayload = false;
      walk.stack.push(key);
      walk.nodes.push(-1);
      visit(value, walk, true);
      walk.stack.pop();
      walk.nodes.pop();
    }
  }
  return { strings: new ScreenRows(table, screen, from, table.texts.length), inputNames: inputNames ?? NO_NAMES, formNames: formNames ?? NO_NAMES };
}

function addRow(table: StringTable, text: string, component: number, flags: number, action: number, node: number): void {
  table.texts.push(text);
  table.component.push(component);
  table.flags.push(flags);
  table.action.push(action);
  table.node.push(node);
}

function isActionProperty(key: string): boolean {
  return (ACTION_PROPERTIES as readonly string[]).includes(key);
}

function isChildList(type: string | undefined, key: string): boolean {
  return (type === 'Form' && key === 'children') || (type === 'If' && (key === 'then' || key === 'else')) || (type === 'Switch' && key === 'cases');
}

function record(text: string, walk: Walk, direct: boolean): void {
  const { table, stack, nodes } = walk;
  // The segment-tree nodes of the path, made now for the steps no earlier string needed.
  for (let k = 0; k < stack.length; k++) {
    if (nodes[k]! >= 0) continue;
    table.parent.push(k === 0 ? -1 : nodes[k - 1]!);
    table.segment.push(stack[k]!);
    nodes[k] = table.segment.length - 1;
  }
  let action = -1;
  if (walk.action) {
    if (table.actions.at(-1) !== walk.action) table.actions.push(walk.action);
    action = table.actions.length - 1;
  }
  const where = walk.inPayload ? 2 : 1;
  addRow(table, text, walk.componentIndex, where | (direct ? DIRECT : 0) | kindFlags(text), action, nodes[stack.length - 1]!);
}

function visit(value: unknown, walk: Walk, direct: boolean): void {
  if (typeof value === 'string') {
    // If conditions are expressions even without a reference (`true`), so they are always kept.
    if (relevant(value) || (direct && walk.component.type === 'If' && walk.property === 'condition')) record(value, walk, direct);
  } else if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      if (item === null || typeof item === 'number' || typeof item === 'boolean' || (typeof item === 'string' && !relevant(item))) continue;
      walk.stack.push(i);
      walk.nodes.push(-1);
      visit(item, walk, false);
      walk.stack.pop();
      walk.nodes.pop();
    }
  } else if (isObject(value)) {
    for (const key in value) {
      const child = value[key];
      if (child === null || typeof child === 'number' || typeof child === 'boolean' || (typeof child === 'string' && !relevant(child))) continue;
      const { action, inPayload } = walk;
      if (isActionProperty(key) && isObject(child)) {
        walk.action = child;
        walk.inPayload = false;
      } else if (key === 'payload' && action === value) {
        walk.inPayload = true;
      }
      walk.stack.push(key);
      walk.nodes.push(-1);
      visit(child, walk, false);
      walk.stack.pop();
      walk.nodes.pop();
      walk.action = action;
      walk.inPayload = inPayload;
    }
  }
}

/** The last property name in a path (`text` for `…/text/0`), as Meta's "(propertyName)" placeholders use. */
export function propertyName(path: JsonPath): string {
  for (let i = path.length - 1; i >= 0; i--) if (typeof path[i] === 'string') return path[i] as string;
  return '';
}

/** The same `${…}` text already occurs earlier in the string (report each reference once per value). */
export function isRepeated(references: readonly Reference[], index: number): boolean {
  const text = references[index]!.text;
  for (let k = 0; k < index; k++) if (references[k]!.text === text) return true;
  return false;
}
