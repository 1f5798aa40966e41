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
  path: JsonPath;
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
  path: JsonPath;
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

export function buildModel(flow: unknown): FlowModel {
  const model: FlowModel = { screens: [], screensById: new Map(), components: [], actions: [] };
  if (!isObject(flow) || !Array.isArray(flow.screens)) return model;
  flow.screens.forEach((node, index) => {
    if (!isObject(node)) return;
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
    if (isObject(layout) && Array.isArray(layout.children)) {
      walkChildren(layout.children, ['screens', index, 'layout', 'children'], screen, undefined, undefined, undefined, 0);
    }
    // One by one: spreading a list of 200 000 components as arguments overflows the stack.
    for (const c of screen.components) model.components.push(c);
    for (const a of screen.actions) model.actions.push(a);
  });
  return model;
}

function walkChildren(
  children: unknown[],
  path: JsonPath,
  screen: ScreenModel,
  parent: ComponentModel | undefined,
  branch: BranchKey | undefined,
  form: ComponentModel | undefined,
  ifDepth: number,
): void {
  children.forEach((node, i) => {
    if (!isObject(node)) return;
    const type = typeof node.type === 'string' ? node.type : undefined;
    const component: ComponentModel = { node, type, path: [...path, i], screen, parent, branch, form, ifDepth };
    screen.components.push(component);
    collectActions(component);
    const here = component.path;
    if (type === 'Form' && Array.isArray(node.children)) {
      walkChildren(node.children, [...here, 'children'], screen, component, undefined, component, ifDepth);
    } else if (type === 'If') {
      if (Array.isArray(node.then)) walkChildren(node.then, [...here, 'then'], screen, component, 'then', form, ifDepth + 1);
      if (Array.isArray(node.else)) walkChildren(node.else, [...here, 'else'], screen, component, 'else', form, ifDepth + 1);
    } else if (type === 'Switch' && isObject(node.cases)) {
      for (const [key, list] of Object.entries(node.cases)) {
        if (Array.isArray(list)) walkChildren(list, [...here, 'cases', key], screen, component, `case:${key}`, form, ifDepth);
      }
    }
  });
}

function collectActions(component: ComponentModel): void {
  const { node, screen } = component;
  const add = (action: unknown, path: JsonPath, property: ActionProperty, item?: ActionModel['item']) => {
    if (!isObject(action)) return;
    const model: ActionModel = { node: action, name: typeof action.name === 'string' ? action.name : undefined, path, property, component, screen };
    if (item) model.item = item;
    screen.actions.push(model);
  };
  for (const property of ACTION_PROPERTIES) add(node[property], [...component.path, property], property);
  for (const list of ['data-source', 'list-items'] as const) {
    const items = node[list];
    if (!Array.isArray(items)) continue;
    items.forEach((item, index) => {
      if (!isObject(item)) return;
      for (const property of ACTION_PROPERTIES) add(item[property], [...component.path, list, index, property], property, { list, index });
    });
  }
}
