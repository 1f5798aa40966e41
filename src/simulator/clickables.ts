import { isObject, type JsonObject } from '../flow-json/values.js';
import { SimulatorInputError } from './errors.js';
import type { FlowRuntime } from './runtime.js';
import type { VisibleComponent } from './visibility.js';

/**
 * The action `sim.click(target, item?)` means on the visible components, `'footer'` for the Footer, or undefined
 * when nothing matches: an EmbeddedLink by text, an OptIn's "read more" by name or label, the Footer by label, a
 * NavigationList item by `(listName, itemId)` or by its id or title alone.
 */
export function findClickable(components: VisibleComponent[], target: string, item?: string): JsonObject | 'footer' | undefined {
  for (const c of components) {
    const p = c.props;
    if (item === undefined && c.type === 'EmbeddedLink' && p.text === target) return c.node['on-click-action'] as JsonObject;
    if (item === undefined && c.type === 'OptIn' && (c.name === target || p.label === target) && isObject(c.node['on-click-action'])) return c.node['on-click-action'];
    if (item === undefined && c.type === 'Footer' && p.label === target) return 'footer';
    if (c.type !== 'NavigationList' || (item !== undefined && c.name !== target)) continue;
    const items = Array.isArray(p['list-items']) ? p['list-items'].filter(isObject) : [];
    const key = item ?? target;
    const hit = items.find((i) => i.id === key || (isObject(i['main-content']) && i['main-content'].title === key));
    if (hit) return (isObject(hit['on-click-action']) ? hit['on-click-action'] : c.node['on-click-action']) as JsonObject;
  }
  return undefined;
}

/** The value of `field` after selecting (`on`) or unselecting item `id`. @throws SimulatorInputError for a single selection's unselect */
export function toggled(runtime: FlowRuntime, field: string, id: string | undefined, on: boolean): unknown {
  const { type } = runtime.input(field);
  const current = runtime.form()[field];
  if (type === 'OptIn') return on;
  if (type === 'CheckboxGroup' || type === 'ChipsSelector') {
    const list = Array.isArray(current) ? current : [];
    return on ? (list.includes(id) ? list : [...list, id]) : list.filter((v) => v !== id);
  }
  if (on) return id;
  throw new SimulatorInputError([{ screen: runtime.screen!, field, component: type, rule: 'value-type', message: 'a single selection cannot be unselected: select another item' }]);
}
