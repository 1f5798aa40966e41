import { InvalidArgumentError } from '../../../core/errors.js';
import { checkFlowButtonComponent, type FLOW_BUTTON_ICONS } from '../../../platform/template-flow-buttons.js';

/**
 * A template's FLOW button as `POST /{WABA}/message_templates` takes it (Meta: Sending a Flow, template with a Flow button; Flows changelog, template Flow button icon), for building
 * templates; checked by the same rule the emulator applies (`checkTemplateFlowButton` in src/platform/messages.ts).
 */
export interface TemplateFlowButton {
  type: 'FLOW';
  /** At most 25 characters. */
  text: string;
  /** Exactly one of `flow_id`, `flow_name` and `flow_json`. */
  flow_id?: string;
  flow_name?: string;
  flow_json?: string;
  /** Default `navigate`. */
  flow_action?: 'navigate' | 'data_exchange';
  /** The first screen (navigate); default the flow's first entry screen. */
  navigate_screen?: string;
  /** §6.4: the button's icon. */
  icon?: (typeof FLOW_BUTTON_ICONS)[number];
}

/** The action parameter of a template's FLOW button (Meta: Sending a Flow, template with a Flow button). */
export interface FlowButtonOptions {
  /** Position of the FLOW button among the template's buttons. Default 0. */
  index?: number;
  /** Token for this send (Meta's default is `unused`). */
  flow_token?: string;
  /** Data for the first screen. */
  flow_action_data?: Record<string, unknown>;
}

/** `client.messages.template(...)`'s template fields (with `to` or `recipient`: see `MessageRecipient`). */
export interface TemplateMessageParams {
  /** Template name. */
  name: string;
  /** `'en_US'` or `{ code: 'en_US' }`. */
  language: string | { code: string; policy?: 'deterministic' };
  /** Template components (header/body parameters, buttons...), sent as given. */
  components?: Array<Record<string, unknown>>;
  /** Adds the `button`/`flow` component for the template's FLOW button, at the index you give. */
  flowButton?: FlowButtonOptions;
  /**
   * Fills the template's FLOW button: the SDK reads the template's definition (cached), adds the `button`/`flow`
   * component at the FLOW button's index, checks `data` against the screen the button opens, and refuses locally a
   * send Meta would refuse (131009, 132001). `token` is the flow token (Meta's default `unused`).
   */
  flow?: { token?: string; data?: Record<string, unknown> };
  /** The WABA that owns the template (read with `flow`); default the client's `businessAcctId`. Not sent. */
  wabaId?: string | number;
}

/** The component that fills a template's FLOW button: `{ type: 'button', sub_type: 'flow', index, parameters }`. */
export function flowButtonComponent(options: FlowButtonOptions = {}): Record<string, unknown> {
  if (!options || typeof options !== 'object') throw new InvalidArgumentError('flowButton must be an object: { index?, flow_token?, flow_action_data? }.');
  const action: Record<string, unknown> = {};
  if (options.flow_token !== undefined) action.flow_token = options.flow_token;
  if (options.flow_action_data !== undefined) action.flow_action_data = options.flow_action_data;
  const index = options.index ?? 0;
  const component = { type: 'button', sub_type: 'flow', index: typeof index === 'number' ? String(index) : index, parameters: [{ type: 'action', action }] };
  // Meta's rule for the component (src/platform/messages.ts, flows-platform §4.2), as the emulator applies it.
  const verdict = checkFlowButtonComponent(component);
  if (!verdict.ok) throw new InvalidArgumentError(verdict.problem);
  return component;
}

export function templateBody(params: TemplateMessageParams): Record<string, unknown> {
  if (typeof params.name !== 'string' || params.name.trim() === '') throw new InvalidArgumentError('template name is required.');
  const language = typeof params.language === 'string' ? { code: params.language } : params.language;
  if (!language || typeof language.code !== 'string' || language.code.trim() === '') {
    throw new InvalidArgumentError('template language is required, e.g. "en_US" or { code: "en_US" }.');
  }
  if (params.components !== undefined && !Array.isArray(params.components)) throw new InvalidArgumentError('template components must be an array.');
  const components = [...(params.components ?? [])];
  if (params.flowButton !== undefined) components.push(flowButtonComponent(params.flowButton));
  const template: Record<string, unknown> = { name: params.name, language };
  if (components.length) template.components = components;
  return template;
}
