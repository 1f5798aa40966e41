/**
 * What `pull` makes of a remote message template: a `templates` entry when the config can express it (a BODY text
 * without variables and, at most, one button, a FLOW button opening a flow of the lock; no header or footer), or the
 * reason it is left out. Templates are created, never edited (Meta reviews each one), so an adopted template is
 * found again by name and language and the next plan shows no change.
 */
import type { MessageTemplate } from '../client/resources/templates/types.js';
import { isObject } from '../flow-json/values.js';
import type { DeployTemplate, DeployTemplateFlowButton } from './types.js';

const CATEGORIES: ReadonlyArray<DeployTemplate['category']> = ['MARKETING', 'UTILITY', 'AUTHENTICATION'];
const ICONS: ReadonlyArray<NonNullable<DeployTemplateFlowButton['icon']>> = ['DOCUMENT', 'PROMOTION', 'REVIEW'];

/** The config entry for `template`, or why the config cannot hold it. `flowKey` maps a flow id to its config key. */
export function templateEntry(template: MessageTemplate, flowKey: (flowId: string) => string | undefined): DeployTemplate | string {
  const category = String(template.category).toUpperCase() as DeployTemplate['category'];
  if (!CATEGORIES.includes(category)) return `its category ${template.category} is not one the config takes (${CATEGORIES.join(', ')})`;
  let body: string | undefined;
  let flowButton: DeployTemplateFlowButton | undefined;
  for (const component of template.components ?? []) {
    const type = String(component.type).toUpperCase();
    if (type === 'BODY' && typeof component.text === 'string') body = component.text;
    else if (type === 'BUTTONS' && Array.isArray(component.buttons) && component.buttons.length === 1 && isObject(component.buttons[0])) {
      const button = component.buttons[0];
      if (String(button.type).toUpperCase() !== 'FLOW') return `its button is ${String(button.type)}; the config holds a FLOW button only`;
      const key = typeof button.flow_id === 'string' || typeof button.flow_id === 'number' ? flowKey(String(button.flow_id)) : undefined;
      if (key === undefined) return `its FLOW button opens flow ${String(button.flow_id ?? button.flow_name)}, which is not in the lock (pull adopts a template with the flow it opens)`;
      flowButton = { text: String(button.text), flow: key };
      if (typeof button.navigate_screen === 'string') flowButton.screen = button.navigate_screen;
      if (button.flow_action === 'data_exchange') flowButton.action = 'data_exchange';
      if (ICONS.includes(button.icon as never)) flowButton.icon = button.icon as DeployTemplateFlowButton['icon'];
    } else return `it has a ${type} component${type === 'BUTTONS' ? ' with several buttons' : ''}; the config holds a body and one FLOW button`;
  }
  if (body === undefined) return 'it has no BODY text';
  if (/\{\{[^}]*\}\}/.test(body)) return 'its body has variables ({{1}}), whose examples the config cannot hold';
  const entry: DeployTemplate = { language: template.language, category, body };
  if (flowButton) entry.flowButton = flowButton;
  return entry;
}
