import type { ActionModel } from '../flow-json/model.js';

/**
 * Owns: which actions each site of a Flow JSON accepts, per version. Consumers: the validator's action rules
 * (src/flow-json/rules/actions/action-name.ts, action-properties.ts).
 *
 * Which actions each site accepts (flows-platform §2.8 table, §2.10 component rows, §2.2 version notes).
 * A site is a component type, an action property and, for list items, the list. Sites this table does not
 * know (a property the component does not have, or not in this version) answer `undefined`: the components
 * family reports the property itself, so the action rules stay silent there.
 */

export const ACTION_NAMES = ['navigate', 'data_exchange', 'complete', 'update_data', 'open_url'] as const;
export type ActionName = (typeof ACTION_NAMES)[number];

export function isActionName(name: unknown): name is ActionName {
  return typeof name === 'string' && (ACTION_NAMES as readonly string[]).includes(name);
}

type AtLeast = (version: string) => boolean;

const SELECTION = new Set(['CheckboxGroup', 'RadioButtonsGroup', 'Dropdown']);

/** The action names allowed at the action's site, sorted as Meta lists them, or undefined for an unknown site. */
export function allowedActionNames(action: ActionModel, atLeast: AtLeast): readonly string[] | undefined {
  const names = allowedAt(action, atLeast);
  return names && [...names].sort();
}

function allowedAt(action: ActionModel, atLeast: AtLeast): string[] | undefined {
  const type = action.component.type;
  const property = action.property;
  if (type === undefined) return undefined;

  if (action.item?.list === 'list-items') {
    return type === 'NavigationList' && property === 'on-click-action' ? ['navigate', 'data_exchange'] : undefined;
  }
  if (action.item?.list === 'data-source') {
    // Items of selection components: update_data only (≥ 6.0; ChipsSelector items ≥ 7.1).
    if (property === 'on-click-action') return undefined;
    if (SELECTION.has(type) && atLeast('6.0')) return ['update_data'];
    if (type === 'ChipsSelector' && atLeast('7.1')) return ['update_data'];
    return undefined;
  }

  switch (property) {
    case 'on-click-action':
      if (type === 'Footer') return ['navigate', 'data_exchange', 'complete'];
      if (type === 'EmbeddedLink' || type === 'OptIn') {
        return atLeast('6.0') ? ['navigate', 'data_exchange', 'open_url'] : ['navigate', 'data_exchange'];
      }
      if (type === 'NavigationList') return ['navigate', 'data_exchange'];
      return undefined;
    case 'on-select-action':
      if (SELECTION.has(type)) return atLeast('6.0') ? ['data_exchange', 'update_data'] : ['data_exchange'];
      if (type === 'DatePicker' || type === 'CalendarPicker') return ['data_exchange'];
      if (type === 'ChipsSelector') return atLeast('7.1') ? ['data_exchange', 'update_data'] : ['data_exchange'];
      if (type === 'OptIn' && atLeast('6.0')) return ['update_data'];
      return undefined;
    case 'on-unselect-action':
      if ((SELECTION.has(type) || type === 'OptIn') && atLeast('6.0')) return ['update_data'];
      if (type === 'ChipsSelector' && atLeast('7.1')) return ['update_data'];
      return undefined;
  }
}
