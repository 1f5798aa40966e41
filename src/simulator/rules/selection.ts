import { isObject, type JsonObject } from '../../flow-json/values.js';
import type { InputFailure } from '../errors.js';
import { failure, numberProp, show, type FieldContext } from './context.js';

/**
 * What the client accepts in RadioButtonsGroup / Dropdown (one item id) and CheckboxGroup / ChipsSelector (item
 * ids): ids of the resolved `data-source`, of enabled items, at most `max-selected-items`; `min-selected-items`
 * is checked on submit.
 */

export interface DataSourceItem {
  id: string;
  title: string;
  enabled: boolean;
  /** The item as the Flow JSON (or data) gives it, actions unresolved. */
  node: JsonObject;
}

/** The items of a resolved `data-source` (items without a string id are skipped). */
export function dataSourceItems(props: Record<string, unknown>): DataSourceItem[] {
  const list = props['data-source'];
  if (!Array.isArray(list)) return [];
  return list.filter(isObject).flatMap((node) =>
    typeof node.id === 'string' ? [{ id: node.id, title: typeof node.title === 'string' ? node.title : node.id, enabled: node.enabled !== false, node }] : [],
  );
}

/** Every rule a single selection breaks. */
export function checkSingle(ctx: FieldContext, id: unknown): InputFailure[] {
  if (typeof id !== 'string') return [failure(ctx, 'value-type', `expects the id of one item (a string); got ${show(id)}`)];
  return checkIds(ctx, [id]);
}

/** Every rule a multiple selection breaks; `final` adds `min-selected-items` (submit). */
export function checkMulti(ctx: FieldContext, ids: unknown, final: boolean): InputFailure[] {
  if (!Array.isArray(ids) || ids.some((i) => typeof i !== 'string')) return [failure(ctx, 'value-type', `expects an array of item ids; got ${show(ids)}`)];
  const out = checkIds(ctx, ids as string[]);
  if (new Set(ids).size !== ids.length) out.push(failure(ctx, 'value-type', `the same item is selected twice: ${show(ids)}`));
  const max = numberProp(ctx.props, 'max-selected-items');
  const min = numberProp(ctx.props, 'min-selected-items');
  if (max !== undefined && ids.length > max) out.push(failure(ctx, 'max-selected-items', `${ids.length} items selected; at most ${max} are allowed`));
  if (final && min !== undefined && ids.length > 0 && ids.length < min) out.push(failure(ctx, 'min-selected-items', `${ids.length} items selected; at least ${min} are needed`));
  return out;
}

function checkIds(ctx: FieldContext, ids: string[]): InputFailure[] {
  const items = dataSourceItems(ctx.props);
  const out: InputFailure[] = [];
  for (const id of ids) {
    const item = items.find((i) => i.id === id);
    if (!item) out.push(failure(ctx, 'data-source', `${show(id)} is not an item id; the items are ${show(items.map((i) => i.id))}`));
    else if (!item.enabled) out.push(failure(ctx, 'item-disabled', `item ${show(id)} is disabled`));
  }
  return out;
}
