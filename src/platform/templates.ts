// Owns: what a template message must carry when its template has a FLOW button (flows-platform §4.2), decided
// from the stored template and the send: the `button`/`flow` component at the FLOW button's index (without it
// Meta refuses the whole send with 131009 "Parameter value is not valid", Meta: Cloud API error codes; issue 17).
// Also: the template review states (§4.2; Meta: message template statuses) and which may be sent.
// `flow_action_data` against the opened screen is template-flow-data.ts (it needs the endpoint-response model).
// Consumers: the client's `messages.template({ flow })` pre-flight (src/client/resources/messages/template-preflight.ts) and
// the emulator's template send (src/emulator/handlers/templates.ts). Pure functions; nothing here reads state.
import { isObject, type JsonObject } from '../flow-json/values.js';

/** Cloud API code of a template send whose parameters do not fit the template (Meta: Cloud API error codes). */
export const TEMPLATE_PARAMETER_ERROR_CODE = 131009;

/**
 * Review states of a message template (Meta: message template statuses). New templates are `PENDING`; only
 * `APPROVED` ones can be sent.
 */
export const TEMPLATE_STATUSES = ['PENDING', 'APPROVED', 'REJECTED', 'PAUSED', 'DISABLED'] as const;
export type TemplateStatus = (typeof TEMPLATE_STATUSES)[number];

export function isSendableTemplateStatus(status: string): boolean {
  return status === 'APPROVED';
}

/** The FLOW button of a template: its index among the template's buttons, and the button itself. */
export interface TemplateFlowButtonAt {
  index: number;
  button: JsonObject;
}

/** Finds the FLOW button of a template's components (the BUTTONS component's `buttons`, counted from 0). */
export function templateFlowButton(components: readonly unknown[]): TemplateFlowButtonAt | undefined {
  for (const component of components) {
    if (!isObject(component) || String(component.type).toUpperCase() !== 'BUTTONS' || !Array.isArray(component.buttons)) continue;
    const index = component.buttons.findIndex((b) => isObject(b) && String(b.type).toUpperCase() === 'FLOW');
    if (index !== -1) return { index, button: component.buttons[index] as JsonObject };
  }
  return undefined;
}

/** The `button`/`flow` components of a send (`{ type: "button", sub_type: "flow", index }`). */
export function sentFlowButtonComponents(components: readonly unknown[]): JsonObject[] {
  return components.filter((c): c is JsonObject => isObject(c) && c.type === 'button' && c.sub_type === 'flow');
}

/**
 * Whether a send's components fit the template's FLOW button: a template with a FLOW button needs exactly one
 * `button`/`flow` component, at the button's index; a template without one takes none. Returns the problem as
 * Meta's 131009 would mean it, with how to fix it; undefined when the send fits.
 */
export function flowButtonSendProblem(templateComponents: readonly unknown[], sendComponents: readonly unknown[]): string | undefined {
  const at = templateFlowButton(templateComponents);
  const sent = sentFlowButtonComponents(sendComponents);
  if (!at) {
    return sent.length === 0 ? undefined : 'This template has no FLOW button, but the message carries a button component with sub_type "flow": remove it.';
  }
  if (sent.length === 0) {
    return `The template has a FLOW button at index ${at.index}, and the message has no { type: "button", sub_type: "flow", index: "${at.index}" } component: Meta refuses the send (131009). Add it (client.messages.template({ flow: {} }) adds it for you).`;
  }
  if (sent.length > 1) return 'The message carries more than one button component with sub_type "flow"; the template has one FLOW button.';
  if (String(sent[0]!.index) !== String(at.index)) {
    return `The template's FLOW button is at index ${at.index}, but the message's flow button component has index ${String(sent[0]!.index)}.`;
  }
  return undefined;
}
