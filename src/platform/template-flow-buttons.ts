// Owns: a message template's FLOW button, at template creation (flows-platform §4.2, §6.4: text, exactly one flow
// source, flow_action, navigate_screen, icon) and the button component a template message carries at send time
// (§4.2: index, flow_token, flow_action_data).
// Consumers: client.templates (src/client/resources/templates/requests.ts), the template message builder
// (src/client/resources/messages/template.ts), flows-as-code config checks (src/deploy/config-check.ts) and the
// emulator's template handlers. Kept apart from messages.ts so a client's startup code carries only this part.
import { DEFAULT_FLOW_TOKEN, FLOW_ACTIONS, isObject, isText, refuse, show, type Verdict } from './message-basics.js';

/** §4.2: the text of a template FLOW button has at most 25 characters. */
export const FLOW_BUTTON_TEXT_MAX = 25;
/** §6.4: a template FLOW button's optional `icon`. */
export const FLOW_BUTTON_ICONS = ['DOCUMENT', 'PROMOTION', 'REVIEW'] as const;

/** A template's FLOW button at creation, with defaults made explicit (§4.2, §6.4). */
export interface FlowButtonSettings {
  source: 'flow_id' | 'flow_name' | 'flow_json';
  flowAction: 'navigate' | 'data_exchange';
  /** Absent: the first entry screen (§4.2 DISAGREE: "optional, default FIRST_ENTRY_SCREEN" wins; Meta accepts it). */
  navigateScreen?: string;
}

/** A `{ type: "FLOW", ... }` button of a template's BUTTONS component (§4.2, §6.4). */
export function checkTemplateFlowButton(button: unknown): Verdict<{ settings: FlowButtonSettings }> {
  if (!isObject(button)) return refuse('A FLOW button must be an object: { type: "FLOW", text, flow_id | flow_name | flow_json }.');
  if (!isText(button.text)) return refuse('A FLOW button needs text (at most 25 characters).');
  if (button.text.length > FLOW_BUTTON_TEXT_MAX) return refuse(`The text of a FLOW button can have at most ${FLOW_BUTTON_TEXT_MAX} characters; "${button.text}" has ${button.text.length}.`);
  const sources = (['flow_id', 'flow_name', 'flow_json'] as const).filter((k) => button[k] !== undefined && button[k] !== null);
  if (sources.length !== 1) return refuse('A FLOW button needs exactly one of flow_id, flow_name and flow_json.');
  const flowAction = button.flow_action ?? 'navigate';
  if (!(FLOW_ACTIONS as readonly unknown[]).includes(flowAction)) return refuse(`flow_action must be "navigate" or "data_exchange"; got ${show(button.flow_action)}.`);
  if (button.icon !== undefined && !(FLOW_BUTTON_ICONS as readonly unknown[]).includes(button.icon)) {
    return refuse(`icon must be one of ${FLOW_BUTTON_ICONS.join(', ')}; got ${show(button.icon)}.`);
  }
  const settings: FlowButtonSettings = { source: sources[0]!, flowAction: flowAction as FlowButtonSettings['flowAction'] };
  if (button.navigate_screen !== undefined) {
    if (!isText(button.navigate_screen)) return refuse('navigate_screen must be a non-empty screen id (omit it to open the first entry screen).');
    // With data_exchange the endpoint picks the first screen; Meta documents no error for a navigate_screen there.
    if (flowAction === 'navigate') settings.navigateScreen = button.navigate_screen;
  }
  return { ok: true, settings };
}

/** What a template message's FLOW button component carries at send time (§4.2). */
export interface FlowButtonParameterSettings {
  index: number;
  flowToken: string;
  flowActionData?: Record<string, unknown>;
}

/**
 * `{ type: "button", sub_type: "flow", index: "0", parameters: [{ type: "action", action: { flow_token?, flow_action_data? } }] }`
 * (§4.2). Button indexes run from 0 to 9 (a template has at most 10 buttons).
 */
export function checkFlowButtonComponent(component: unknown): Verdict<{ settings: FlowButtonParameterSettings }> {
  if (!isObject(component)) return refuse('A template button component must be an object.');
  const index = typeof component.index === 'string' && /^\d+$/.test(component.index) ? Number(component.index) : component.index;
  if (typeof index !== 'number' || !Number.isInteger(index) || index < 0 || index > 9) return refuse(`The FLOW button's index must be an integer from 0 to 9; got ${show(component.index)}.`);
  const parameters = component.parameters;
  const first = Array.isArray(parameters) ? (parameters[0] as unknown) : undefined;
  if (parameters !== undefined && (!Array.isArray(parameters) || (parameters.length > 0 && !(isObject(first) && first.type === 'action')))) {
    return refuse('The FLOW button\'s parameters must be [{ type: "action", action: { flow_token?, flow_action_data? } }].');
  }
  const action = isObject(first) ? first.action : undefined;
  if (action !== undefined && !isObject(action)) return refuse('The FLOW button\'s action must be an object: { flow_token?, flow_action_data? }.');
  const settings: FlowButtonParameterSettings = { index, flowToken: DEFAULT_FLOW_TOKEN };
  if (action?.flow_token !== undefined) {
    if (!isText(action.flow_token)) return refuse('The FLOW button\'s flow_token must be a non-empty string (omit it for Meta\'s default "unused").');
    settings.flowToken = action.flow_token;
  }
  if (action?.flow_action_data !== undefined) {
    if (!isObject(action.flow_action_data)) return refuse('The FLOW button\'s flow_action_data must be an object (the first screen\'s data).');
    settings.flowActionData = action.flow_action_data;
  }
  return { ok: true, settings };
}
