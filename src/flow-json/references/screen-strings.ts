import { ACTION_PROPERTIES, type ComponentModel, type FlowModel, type ScreenModel } from '../model.js';
import type { JsonPath } from '../parse.js';
import { isNestedExpression, type Reference } from './binding-syntax.js';
import { isObject, type JsonObject } from '../values.js';
import { scanReferences } from './reference-scan.js';

/**
 * The strings of each screen that may hold dynamic references or expressions (flows-platform §2.6): the screen
 * `title` and every string inside a component's own properties (action payloads included, child components
 * excluded: they are components of their own in the model). Built once per model and shared by the data rules,
 * so the document is walked once however many rules read it. The data model itself (`data`, `__example__`) is
 * not walked: its strings are sample values, not bindings.
 *
 * Written to allocate little (this runs right after parsing, while the parse tree is young, so every allocation
 * costs garbage-collection time): one object per relevant string, paths built only when read, and one
 * reference list per distinct string.
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
  /** Shared between equal strings: read only. */
  readonly references: readonly Reference[];
}

export interface ScreenStrings {
  strings: ScreenString[];
  /** `name`s of the screen's components other than Form (inputs, in any Form/If/Switch branch). */
  inputNames: Set<string>;
  /** `name`s of the screen's Form components. */
  formNames: Set<string>;
}

class Entry implements ScreenString {
  constructor(
    readonly text: string,
    private readonly base: JsonPath,
    private readonly rel: JsonPath,
    readonly screen: ScreenModel,
    readonly where: ScreenString['where'],
    readonly component: ComponentModel | undefined,
    readonly property: string,
    readonly direct: boolean,
    readonly action: JsonObject | undefined,
    readonly references: readonly Reference[],
  ) {}

  get path(): JsonPath {
    return [...this.base, ...this.rel];
  }
}

/** What one walk shares: the current component, property and action, mutated and restored as it goes. */
interface Walk {
  screen: ScreenModel;
  component: ComponentModel;
  property: string;
  action: JsonObject | undefined;
  inPayload: boolean;
  /** The path below the component. */
  stack: Array<string | number>;
  out: ScreenString[];
  /** References per distinct string text, and one-key paths per key. */
  refs: Map<string, readonly Reference[]>;
  keys: Map<string, JsonPath>;
}

const cache = new WeakMap<FlowModel, Map<ScreenModel, ScreenStrings>>();

/** The strings of every screen, computed once per model. */
export function screenStrings(model: FlowModel): Map<ScreenModel, ScreenStrings> {
  let out = cache.get(model);
  if (!out) {
    out = new Map();
    const refs = new Map<string, readonly Reference[]>();
    const keys = new Map<string, JsonPath>();
    for (const screen of model.screens) out.set(screen, collect(screen, refs, keys));
    cache.set(model, out);
  }
  return out;
}

/** Strings that can matter to the data rules: bindings and expressions. */
function relevant(text: string): boolean {
  return text.includes('${') || isNestedExpression(text);
}

function collect(screen: ScreenModel, refs: Walk['refs'], keys: Walk['keys']): ScreenStrings {
  const result: ScreenStrings = { strings: [], inputNames: new Set(), formNames: new Set() };
  const title = screen.node.title;
  if (typeof title === 'string' && relevant(title)) {
    result.strings.push(new Entry(title, screen.path, ['title'], screen, 'title', undefined, 'title', true, undefined, scanReferences(title)));
  }
  const walk: Walk = { screen, component: undefined as never, property: '', action: undefined, inPayload: false, stack: [], out: result.strings, refs, keys };
  for (const component of screen.components) {
    const { node, type } = component;
    if (typeof node.name === 'string') (type === 'Form' ? result.formNames : result.inputNames).add(node.name);
    walk.component = component;
    for (const key in node) {
      const value = node[key];
      if (typeof value === 'number' || typeof value === 'boolean' || isChildList(type, key)) continue;
      walk.property = key;
      walk.action = isActionProperty(key) && isObject(value) ? value : undefined;
      walk.inPayload = false;
      walk.stack.push(key);
      visit(value, walk, true);
      walk.stack.pop();
    }
  }
  return result;
}

function isActionProperty(key: string): boolean {
  return (ACTION_PROPERTIES as readonly string[]).includes(key);
}

function isChildList(type: string | undefined, key: string): boolean {
  return (type === 'Form' && key === 'children') || (type === 'If' && (key === 'then' || key === 'else')) || (type === 'Switch' && key === 'cases');
}

function record(text: string, walk: Walk, direct: boolean): void {
  const { stack, keys, refs, component } = walk;
  let rel: JsonPath;
  if (stack.length === 1) {
    const key = stack[0] as string;
    rel = keys.get(key) ?? [key];
    keys.set(key, rel);
  } else {
    rel = stack.slice();
  }
  let references = refs.get(text);
  if (!references) refs.set(text, (references = scanReferences(text)));
  const where = walk.inPayload ? 'payload' : 'component';
  walk.out.push(new Entry(text, component.path, rel, walk.screen, where, component, walk.property, direct, walk.action, references));
}

function visit(value: unknown, walk: Walk, direct: boolean): void {
  if (typeof value === 'string') {
    // If conditions are expressions even without a reference (`true`), so they are always kept.
    if (relevant(value) || (direct && walk.component.type === 'If' && walk.property === 'condition')) record(value, walk, direct);
  } else if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const item = value[i];
      if (item === null || typeof item === 'number' || typeof item === 'boolean' || (typeof item === 'string' && !relevant(item))) continue;
      walk.stack.push(i);
      visit(item, walk, false);
      walk.stack.pop();
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
      visit(child, walk, false);
      walk.stack.pop();
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
