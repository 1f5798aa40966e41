import type { TemplateFlowButton } from '../messages/template.js';
import type { TemplateStatus } from '../../../platform/templates.js';

export type { TemplateStatus } from '../../../platform/templates.js';

/** A component of a message template as Meta takes it (`HEADER`, `BODY`, `FOOTER`, `BUTTONS`). */
export type TemplateComponent =
  | { type: 'BUTTONS' | 'buttons'; buttons: Array<TemplateFlowButton | Record<string, unknown>> }
  | { type: string; [key: string]: unknown };

/** `POST /{waba}/message_templates` (Meta: message templates; the FLOW button as in Meta: Sending a Flow, template with a Flow button). */
export interface TemplateCreateParams {
  /** Lowercase letters, digits and underscores. */
  name: string;
  /** e.g. `en_US`. */
  language: string;
  category: 'MARKETING' | 'UTILITY' | 'AUTHENTICATION';
  components: TemplateComponent[];
}

export interface TemplateCreateResponse {
  id: string;
  /** New templates are usually `PENDING` review. */
  status: TemplateStatus | (string & {});
  category: string;
}

/** A message template node. */
export interface MessageTemplate {
  id: string;
  name: string;
  language: string;
  status: TemplateStatus | (string & {});
  category: string;
  components: Array<Record<string, unknown>>;
}

export interface TemplateListParams {
  /** Only templates with this name. */
  name?: string;
  /** Only templates in this review state. */
  status?: TemplateStatus;
  fields?: string[] | string;
  limit?: number;
  after?: string;
}

export interface TemplateDeleteParams {
  /** The template's name: without `hsm_id`, every language of it is deleted. */
  name: string;
  /** Only this template id (one language). */
  hsm_id?: string;
}
