import { InvalidArgumentError } from '../../../core/errors.js';
import { GraphCursorPage, type GraphListResponse } from '../../../core/pagination.js';
import type { QueryValue, RequestOptions } from '../../../internal/http.js';
import { graphPath, nodeId } from '../../../internal/path.js';
import type { WhatsApp } from '../../client.js';
import { checkTemplateFlowButton } from '../../../platform/template-flow-buttons.js';
import { isSendableTemplateStatus } from '../../../platform/templates.js';
import { fieldsParam } from '../flows/fields.js';
import type { MessageTemplate, TemplateCreateParams, TemplateCreateResponse, TemplateDeleteParams, TemplateListParams } from './types.js';

/** The fields a template definition is read with (what a send needs: status and the buttons). */
const DEFINITION_FIELDS = 'id,name,language,status,category,components';
/** How long an APPROVED template definition is reused before it is read again. */
const DEFINITION_TTL_MS = 5 * 60_000;

/** A cached template definition: APPROVED ones are reused for DEFINITION_TTL_MS. */
export type DefinitionCache = Map<string, { at: number; template: Promise<MessageTemplate | undefined> }>;

/**
 * The requests behind `client.templates` (src/client/resources/templates/templates.ts), loaded on first use so the
 * client's startup bundle stays small.
 */
export function createTemplate(client: WhatsApp, params: TemplateCreateParams, waba: string, options: RequestOptions): Promise<TemplateCreateResponse> {
  const body = checkCreateParams(params);
  return client._request<TemplateCreateResponse>({ method: 'POST', path: graphPath(waba, 'message_templates'), json: body, retry: 'once', options });
}

export async function listTemplatesPage(client: WhatsApp, params: TemplateListParams, waba: string, options: RequestOptions): Promise<GraphCursorPage<MessageTemplate>> {
  if (!params || typeof params !== 'object') throw new InvalidArgumentError('templates.list params must be an object: { name?, status?, fields?, limit?, after? }.');
  const query: Record<string, QueryValue> = { name: params.name, status: params.status, fields: fieldsParam(params.fields), limit: params.limit, after: params.after };
  const fetchPage = (extra: Record<string, QueryValue>) =>
    client._request<GraphListResponse<MessageTemplate>>({ method: 'GET', path: graphPath(waba, 'message_templates'), query: { ...query, ...extra }, retry: 'idempotent', options });
  return new GraphCursorPage(await fetchPage({}), (after) => fetchPage({ after }));
}

export function getTemplate(client: WhatsApp, templateId: string | number, options: RequestOptions): Promise<MessageTemplate> {
  const id = nodeId('templateId', templateId);
  return client._request<MessageTemplate>({ method: 'GET', path: graphPath(id), query: { fields: DEFINITION_FIELDS }, retry: 'idempotent', options });
}

export function deleteTemplate(client: WhatsApp, params: TemplateDeleteParams, waba: string, options: RequestOptions): Promise<{ success: boolean }> {
  if (!params || typeof params.name !== 'string' || params.name === '') throw new InvalidArgumentError('templates.delete needs { name } (and optionally hsm_id, the template id).');
  const query = { name: params.name, hsm_id: params.hsm_id === undefined ? undefined : nodeId('hsm_id', params.hsm_id) };
  return client._request<{ success: boolean }>({ method: 'DELETE', path: graphPath(waba, 'message_templates'), query, retry: 'once', options });
}

/** The definition of a template as a send reads it, through `cache` (APPROVED ones kept five minutes). */
export function templateDefinition(client: WhatsApp, cache: DefinitionCache, name: string, language: string, waba: string, options?: RequestOptions): Promise<MessageTemplate | undefined> {
  const key = `${waba}\u0000${name}\u0000${language}`;
  const cached = cache.get(key);
  if (cached && Date.now() - cached.at < DEFINITION_TTL_MS) return cached.template;
  const template = (async () => {
    const page = await client.templates.list({ name, fields: DEFINITION_FIELDS, limit: 100 }, waba, options);
    for await (const t of page) if (t.name === name && t.language === language) return t;
    return undefined;
  })();
  cache.set(key, { at: Date.now(), template });
  template.then(
    (t) => {
      if (!t || !isSendableTemplateStatus(t.status)) cache.delete(key);
    },
    () => cache.delete(key),
  );
  return template;
}

function checkCreateParams(params: TemplateCreateParams): Record<string, unknown> {
  if (!params || typeof params !== 'object') throw new InvalidArgumentError('templates.create needs { name, language, category, components }.');
  if (typeof params.name !== 'string' || !/^[a-z0-9_]{1,512}$/.test(params.name)) {
    throw new InvalidArgumentError(`template name must be lowercase letters, digits and underscores; got ${JSON.stringify(params.name)}.`);
  }
  if (typeof params.language !== 'string' || params.language === '') throw new InvalidArgumentError('template language is required, e.g. "en_US".');
  if (typeof params.category !== 'string' || (params.category as string) === '') throw new InvalidArgumentError('template category is required: MARKETING, UTILITY or AUTHENTICATION.');
  if (!Array.isArray(params.components)) throw new InvalidArgumentError('template components must be an array, e.g. [{ type: "BODY", text: "..." }, { type: "BUTTONS", buttons: [...] }].');
  for (const component of params.components) {
    if (!component || typeof component !== 'object') throw new InvalidArgumentError('each template component must be an object.');
    const buttons = (component as { buttons?: unknown }).buttons;
    if (String(component.type).toUpperCase() !== 'BUTTONS' || !Array.isArray(buttons)) continue;
    for (const button of buttons as Array<Record<string, unknown>>) {
      if (String(button?.type).toUpperCase() !== 'FLOW') continue;
      // Meta's FLOW button rules (src/platform/messages.ts), the same verdict as the emulator's.
      const verdict = checkTemplateFlowButton(button);
      if (!verdict.ok) throw new InvalidArgumentError(verdict.problem);
    }
  }
  return { name: params.name, language: params.language, category: params.category, components: params.components };
}
