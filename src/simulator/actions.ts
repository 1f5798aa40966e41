import { isObject, type JsonObject } from '../flow-json/values.js';
import type { InputKind } from './inputs.js';
import { completionItem, describeFile, exchangeItem, isSimulatedFile } from './media.js';
import { resolveActionValue, type ResolveContext } from './resolve.js';
import type { DataSourceItem } from './rules/selection.js';

/**
 * Actions (flows-platform §2.8): which `on-select-action` / `on-unselect-action` a selection change fires, and
 * action payloads resolved for sending.
 *
 * Selection: selecting an item fires the item's `on-select-action` (≥ 6.0), else the component's. Unselecting
 * fires the `on-unselect-action` (item's, else component's); when there is none, the `on-select-action` handles
 * the unselect too, as Meta documents. In single-select components (RadioButtonsGroup, Dropdown) moving to
 * another item fires the previous item's explicit `on-unselect-action`, then the new item's select action.
 */

type Where = 'exchange' | 'complete' | 'navigate' | 'update';

/** The actions a change of a selection's value fires, in order. */
export function selectionActions(kind: InputKind, component: JsonObject, items: DataSourceItem[], before: unknown, after: unknown): JsonObject[] {
  const item = (id: unknown) => items.find((i) => i.id === id)?.node;
  const out: Array<unknown> = [];
  if (kind === 'single') {
    if (before === after) return [];
    if (before !== undefined) out.push(item(before)?.['on-unselect-action'] ?? component['on-unselect-action']);
    if (after !== undefined) out.push(selectAction(component, item(after)));
  } else if (kind === 'multi') {
    const was = Array.isArray(before) ? before : [];
    const now = Array.isArray(after) ? after : [];
    for (const id of was) if (!now.includes(id)) out.push(unselectAction(component, item(id)));
    for (const id of now) if (!was.includes(id)) out.push(selectAction(component, item(id)));
  } else if (kind === 'boolean') {
    if ((before === true) !== (after === true)) out.push(after === true ? selectAction(component, undefined) : unselectAction(component, undefined));
  } else if (kind === 'date' || kind === 'date-range') {
    if (JSON.stringify(before) !== JSON.stringify(after) && after !== undefined) out.push(component['on-select-action']);
  }
  return out.filter(isObject);
}

function selectAction(component: JsonObject, item: JsonObject | undefined): unknown {
  return item?.['on-select-action'] ?? component['on-select-action'];
}

function unselectAction(component: JsonObject, item: JsonObject | undefined): unknown {
  if (item && (item['on-unselect-action'] || item['on-select-action'])) return item['on-unselect-action'] ?? item['on-select-action'];
  return component['on-unselect-action'] ?? component['on-select-action'];
}

/**
 * An action's payload with every binding resolved on the current screen. Fields with no value are left out
 * (Flow JSON has no null). Picked files take the shape of `where`: data_exchange requests carry
 * `{ media_id, cdn_url, file_name, encryption_metadata }`, the completion `{ file_name, mime_type, sha256, id }`.
 */
export function resolvePayload(payload: unknown, ctx: ResolveContext, where: Where): Record<string, unknown> {
  if (!isObject(payload)) return {};
  return shape(resolveActionValue(payload, ctx), where) as Record<string, unknown>;
}

function shape(value: unknown, where: Where): unknown {
  if (isSimulatedFile(value)) return where === 'exchange' ? exchangeItem(value) : where === 'complete' ? completionItem(value) : describeFile(value);
  if (Array.isArray(value)) return value.filter((v) => v !== undefined).map((v) => shape(v, where));
  if (isObject(value)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = shape(v, where);
    return out;
  }
  return value;
}
