import type { JsonPath } from './parse.js';
import { isObject, type JsonObject } from './values.js';

export type { JsonObject };

/**
 * A read-only map of a Flow JSON document that rules share: every screen, every component (nested ones included,
 * with the Form, If and Switch around them) and every action, each with its path. Built once per validation.
 * Nothing here judges validity: malformed parts are skipped, and the rules that own them report them.
 */

export interface ScreenModel {
  index: number;
  /** The `id` when it is a string. */
  id: string | undefined;
  path: JsonPath;
  node: JsonObject;
  terminal: boolean;
  /** The screen's `data` declarations when it is an object. */
  data: JsonObject | undefined;
  /** Every component of the screen, depth first, nested ones included. */
  components: ComponentModel[];
  actions: ActionModel[];
}

export type BranchKey = 'then' | 'else' | `case:${string}`;

export interface ComponentModel {
  node: JsonObject;
  /** `type` when it is a string. */
  type: string | undefined;
  /** Its path (built when first read). */
  readonly path: JsonPath;
  screen: ScreenModel;
  /** The Form, If or Switch directly around it. */
  parent: ComponentModel | undefined;
  /** Which branch of the parent If/Switch it is in. */
  branch: BranchKey | undefined;
  /** The enclosing Form, if any. */
  form: ComponentModel | undefined;
  /** How many If components enclose it. */
  ifDepth: number;
}

export type ActionProperty = 'on-click-action' | 'on-select-action' | 'on-unselect-action';

export interface ActionModel {
  node: JsonObject;
  /** `name` when it is a string. */
  name: string | undefined;
  /** Its path (built when first read). */
  readonly path: JsonPath;
  property: ActionProperty;
  component: ComponentModel;
  screen: ScreenModel;
  /** Set when the action sits on an item of `data-source` or `list-items`. */
  item?: { list: 'data-source' | 'list-items'; index: number };
}

export interface FlowModel {
  screens: ScreenModel[];
  /** Screens by id (the first one when ids repeat). */
  screensById: Map<string, ScreenModel>;
  components: ComponentModel[];
  actions: ActionModel[];
}

export const ACTION_PROPERTIES: readonly ActionProperty[] = ['on-click-action', 'on-select-action', 'on-unselect-action'];

/**
 * A component of the model. Its path is built when first read: most rules read it only for a finding, and building
 * one array per component (and per possible action) was a large share of the validator's time and garbage on large
 * flows (issue 13).
 */
class Component implements ComponentModel {
  #path: JsonPath | undefined;

  constructor(
    readonly node: JsonObject,
    readonly type: string | undefined,
    readonly screen: ScreenModel,
    readonly parent: ComponentModel | undefined,
    readonly branch: BranchKey | undefined,
    readonly form: ComponentModel | undefined,
    readonly ifDepth: number,
    /** Its index in the list that holds it. */
    private readonly index: number,
  ) {}

  get path(): JsonPath {
    return (this.#path ??= listPath(this.screen, this.parent, this.branch, this.index));
  }
}

/** `…/layout/children/i`, `…/children/i` (Form), `…/then/i`, `…/else/i` or `…/cases/<key>/i`. */
function listPath(screen: ScreenModel, parent: ComponentModel | undefined, branch: BranchKey | undefined, index: number): JsonPath {
  if (!parent) return [...screen.path, 'layout', 'children', index];
  if (branch === undefined) return [...parent.path, 'children', index];
  if (branch === 'then' || branch === 'else') return [...parent.path, branch, index];
  return [...parent.path, 'cases', branch.slice('case:'.length), index];
}

/** An action of the model, its path built when first read (see Component). */
class Action implements ActionModel {
  #path: JsonPath | undefined;
  readonly name: string | undefined;
  readonly screen: ScreenModel;
  declare item?: ActionModel['item'];

  constructor(
    readonly node: JsonObject,
    readonly property: ActionProperty,
    readonly component: ComponentModel,
  ) {
    this.name = typeof node.name === 'string' ? node.name : undefined;
    this.screen = component.screen;
  }

  get path(): JsonPath {
    const item = this.item;
    return (this.#path ??= item ? [...this.component.path, item.list, item.index, this.property] : [...this.component.path, this.property]);
  }
}

export function buildModel(flow: unknown): FlowModel {
  const model: FlowModel = { screens: [], screensById: new Map(), components: [], actions: [] };
  if (!isObject(flow) || !Array.isArray(flow.screens)) return model;
  const screens = flow.screens as unknown[];
  for (let index = 0; index < screens.length; index++) {
    const node = screens[index];
    if (!isObject(node)) continue;
    const screen: ScreenModel = {
      index,
      id: typeof node.id === 'string' ? node.id : undefined,
      path: ['screens', index],
      node,
      terminal: node.terminal === true,
      data: isObject(node.data) ? node.data : undefined,
      components: [],
      actions: [],
    };
    model.screens.push(screen);
    if (screen.id !== undefined && !model.screensById.has(screen.id)) model.screensById.set(screen.id, screen);
    const layout = node.layout;
    if (isObject(layout) && Array.isArray(layout.children)) walkChildren(layout.children, screen, undefined, undefined, undefined, 0);
    // One by one: spreading a list of 200 000 components as arguments overflows the stack.
    for (const c of screen.components) model.components.push(c);
    for (const a of screen.actions) model.actions.push(a);
  }
  return model;
}

function walkChildren(
  children: unknown[],
  screen: ScreenModel,
  parent: ComponentModel | undefined,
  branch: BranchKey | undefined,
  form: ComponentModel | undefined,
  ifDepth: number,
): void {
  for (let i = 0; i < children.length; i++) {
    const node = children[i];
    if (!isObject(node)) continue;
    const type = typeof node.type === 'string' ? node.type : undefined;
    const component = new Component(node, type, screen, parent, branch, form, ifDepth, i);
    screen.components.push(component);
    collectActions(component);
    if (type === 'Form') {
      if (Array.isArray(node.children)) walkChildren(node.children, screen, component, undefined, component, ifDepth);
    } else if (type === 'If') {
      if (Array.isArray(node.then)) walkChildren(node.then, screen, component, 'then', form, ifDepth + 1);
      if (Array.isArray(node.else)) walkChildren(node.else, screen, component, 'else', form, ifDepth + 1);
    } else if (type === 'Switch' && isObject(node.cases)) {
      const cases = node.cases;
      for (const key in cases) {
        const list = cases[key];
        if (Array.isArray(list)) walkChildren(list, screen, component, `case:${key}`, form, ifDepth);
      }
    }
  }
}

function collectActions(component: ComponentModel): void {
  const { node, screen } = component;
  for (const property of ACTION_PROPERTIES) {
    const action = node[property];
    if (isObject(action)) screen.actions.push(new Action(action, property, component));
  }
  for (const list of ITEM_LISTS) {
    const items = node[list];
    if (!Array.isArray(items)) continue;
    for (let index = 0; index < items.length; index++) {
      const item: unknown = items[index];
      if (!isObject(item)) continue;
      for (const property of ACTION_PROPERTIES) {
        const action = item[property];
        if (!isObject(action)) continue;
        const model = new Action(action, property, component);
        model.item = { list, index };
        screen.actions.push(model);
      }
    }
  }
}

const ITEM_LISTS = ['data-source', 'list-items'] as const;
