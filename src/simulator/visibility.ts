import { isObject, type JsonObject } from '../flow-json/values.js';
import { evaluateCondition } from './evaluate.js';
import { lookupFor, resolveValue, type ResolveContext } from './resolve.js';

/**
 * What a screen shows now (Meta: Flow JSON components): the branch of each `If` whose condition holds (≥ 4.0), the
 * case of each `Switch` matching its value (else its `default` case, when it has one), and no component whose
 * `visible` is false. Form, If and Switch are
 * containers: their contents appear in their place.
 */
export interface VisibleComponent {
  type: string;
  /** The component's `name`, when it has one. */
  name: string | undefined;
  /** Every property resolved (bindings and nested expressions replaced by their values); actions as written. */
  props: Record<string, unknown>;
  /** The component as the Flow JSON has it. */
  node: JsonObject;
  /** JSON pointer of the component in the Flow JSON, e.g. `/screens/0/layout/children/2`. */
  pointer: string;
  /** The `name` of the Form around it. */
  form: string | undefined;
}

/** The visible components of `ctx.screen`, depth first. */
export function visibleComponents(ctx: ResolveContext): VisibleComponent[] {
  const screen = ctx.flow.screens.get(ctx.screen);
  if (!screen) return [];
  const layout = screen.node.layout;
  const children = isObject(layout) && Array.isArray(layout.children) ? layout.children : [];
  const out: VisibleComponent[] = [];
  walk(children, `/screens/${ctx.flow.order.indexOf(ctx.screen)}/layout/children`, undefined, ctx, out);
  return out;
}

/** The screen title, resolved. */
export function screenTitle(ctx: ResolveContext): string | undefined {
  const title = ctx.flow.screens.get(ctx.screen)?.node.title;
  if (title === undefined) return undefined;
  const value = resolveValue(title, ctx);
  return value === undefined ? undefined : String(value);
}

function walk(children: unknown[], pointer: string, form: string | undefined, ctx: ResolveContext, out: VisibleComponent[]): void {
  const lookup = lookupFor(ctx);
  children.forEach((node, i) => {
    if (!isObject(node) || typeof node.type !== 'string') return;
    const here = `${pointer}/${i}`;
    if (node.type === 'Form') {
      if (Array.isArray(node.children)) walk(node.children, `${here}/children`, typeof node.name === 'string' ? node.name : undefined, ctx, out);
      return;
    }
    if (node.type === 'If') {
      const holds = typeof node.condition === 'string' && evaluateCondition(node.condition, lookup);
      const branch = holds ? 'then' : 'else';
      const list = node[branch];
      if (Array.isArray(list)) walk(list, `${here}/${branch}`, form, ctx, out);
      return;
    }
    if (node.type === 'Switch') {
      const value = resolveValue(node.value, ctx, lookup);
      const cases = isObject(node.cases) ? node.cases : {};
      let key = value === undefined || value === null ? undefined : typeof value === 'string' ? value : JSON.stringify(value);
      // No matching case: the `default` case, as Meta's Switch example uses it ("cat, dog or anything else").
      if (key === undefined || !Object.hasOwn(cases, key)) key = Object.hasOwn(cases, 'default') ? 'default' : undefined;
      const list = key === undefined ? undefined : cases[key];
      if (Array.isArray(list)) walk(list, `${here}/cases/${escapePointer(key!)}`, form, ctx, out);
      return;
    }
    const props = resolveValue(node, ctx, lookup) as Record<string, unknown>;
    if (props.visible === false || props.visible === 'false') return;
    out.push({ type: node.type, name: typeof node.name === 'string' ? node.name : undefined, props, node, pointer: here, form });
  });
}

function escapePointer(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}
