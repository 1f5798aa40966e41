// Owns: a template message's `flow_action_data` against the data model of the screen its FLOW button opens
// (flows-platform §2.5 type checking, §4.2 "first-screen data"), and which screen that is (`navigate_screen`, else the
// first entry screen, §4.2, §2.9). Consumers: the client's `messages.template({ flow })` pre-flight
// (src/client/resources/messages/template-preflight.ts). Pure functions.
import type { JsonObject } from '../flow-json/values.js';
import { dataFindings, responseFlowModel } from './endpoint-response/index.js';

/** One problem with `flow_action_data`: errors make the send fail, warnings say what WhatsApp will do. */
export interface FlowActionDataFinding {
  severity: 'error' | 'warning';
  message: string;
}

/**
 * The screen a FLOW button opens: its `navigate_screen`, else the first entry screen (§4.2: "default
 * FIRST_ENTRY_SCREEN"): the first screen in document order that no route leads to (§2.9).
 */
export function openedScreen(flowJson: unknown, navigateScreen?: string): string | undefined {
  const model = responseFlowModel(flowJson);
  if (navigateScreen !== undefined) return model.screens.has(navigateScreen) ? navigateScreen : undefined;
  const targets = new Set<string>();
  for (const [from, to] of model.routes) for (const t of to) if (t !== from) targets.add(t);
  const order = [...model.screens.keys()];
  return order.find((id) => !targets.has(id)) ?? order[0];
}

/**
 * `flow_action_data` against the data model of the screen the button opens (§2.5, §4.2): a value of the wrong
 * type or `null` is an error (WhatsApp type-checks screen data, §2.5); a field the screen does not declare is a
 * warning (the screen cannot read it); a declared field left out is a warning (the screen shows it empty).
 */
export function flowActionDataFindings(flowJson: unknown, screen: string, data: JsonObject): FlowActionDataFinding[] {
  const model = responseFlowModel(flowJson).screens.get(screen)?.dataModel ?? {};
  const out: FlowActionDataFinding[] = [];
  for (const key of Object.keys(data)) {
    if (!(key in model)) out.push({ severity: 'warning', message: `flow_action_data.${key} is not declared in the data model of screen ${screen}: the screen cannot read it.` });
  }
  for (const f of dataFindings(screen, model, data)) {
    if (f.rule === 'data-field-omitted') {
      out.push({ severity: 'warning', message: `flow_action_data leaves out ${f.field ?? 'a field'}, declared on screen ${screen}: the screen gets no value for it.` });
    } else if (f.rule === 'data-wrong-type' || f.rule === 'data-null') {
      out.push({ severity: 'error', message: `flow_action_data does not fit screen ${screen}: ${f.message.replace(/^data\./, '')}` });
    }
  }
  return out;
}
