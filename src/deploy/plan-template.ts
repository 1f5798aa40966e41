import type { MessageTemplate } from '../client/resources/templates/types.js';
import { templateFlowButton } from '../platform/templates.js';
import type { DeployTemplate, PlanMessage, TemplateLock, TemplatePlan } from './types.js';

export interface TemplatePlanInput {
  key: string;
  config: DeployTemplate;
  lock: TemplateLock | undefined;
  /** The remote template with this name and language. */
  remote: MessageTemplate | undefined;
  /** The flow id the FLOW button should carry (undefined: the flow is created by this apply). */
  flowId: string | undefined;
}

/**
 * What to do for one template: create it when it is missing. An existing template is left as it is (Meta reviews
 * every change): a difference is reported, with how to replace it.
 */
export function planTemplate(input: TemplatePlanInput): TemplatePlan {
  const { config, remote } = input;
  const name = config.name ?? input.key;
  const messages: PlanMessage[] = [];
  const plan: TemplatePlan = { key: input.key, name, language: config.language, steps: [], messages };
  if (!remote) {
    if (input.lock) messages.push({ severity: 'warning', message: `Template ${input.lock.id} of the lock is gone: it will be created again.` });
    plan.steps.push({ kind: 'create' });
    return plan;
  }
  plan.id = remote.id;
  plan.status = remote.status;
  if (remote.status === 'REJECTED') messages.push({ severity: 'warning', message: `Template "${name}" (${config.language}) was REJECTED in review: fix it, delete it (client.templates.delete) and apply again.` });
  else if (remote.status !== 'APPROVED') messages.push({ severity: 'info', message: `Template "${name}" (${config.language}) is ${remote.status}: it can be sent once APPROVED.` });
  const body = remote.components?.find((c) => String(c.type).toUpperCase() === 'BODY');
  const button = templateFlowButton(remote.components ?? [])?.button;
  const differs =
    (body?.text ?? undefined) !== config.body ||
    (config.flowButton === undefined) !== (button === undefined) ||
    (config.flowButton !== undefined && button !== undefined && (button.text !== config.flowButton.text || (input.flowId !== undefined && button.flow_id !== input.flowId)));
  if (differs) {
    messages.push({
      severity: 'warning',
      message: `Template "${name}" (${config.language}) differs from the config; templates are not changed in place (Meta reviews each one): delete it (client.templates.delete) and apply again to recreate it.`,
    });
  }
  return plan;
}

/** The components a template is created with: its BODY and, with a flowButton, a BUTTONS component (§4.2, §6.4). */
export function templateComponents(config: DeployTemplate, flowId: string): Array<Record<string, unknown>> {
  const components: Array<Record<string, unknown>> = [{ type: 'BODY', text: config.body }];
  const b = config.flowButton;
  if (b) {
    const button: Record<string, unknown> = { type: 'FLOW', text: b.text, flow_id: flowId, flow_action: b.action ?? 'navigate' };
    if (b.screen !== undefined) button.navigate_screen = b.screen;
    if (b.icon !== undefined) button.icon = b.icon;
    components.push({ type: 'BUTTONS', buttons: [button] });
  }
  return components;
}
