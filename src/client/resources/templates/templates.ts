import type { APIPromise } from '../../../core/api-promise.js';
import { InvalidArgumentError } from '../../../core/errors.js';
import { GraphCursorPage, PagePromise, type GraphListResponse } from '../../../core/pagination.js';
import type { QueryValue, RequestOptions } from '../../../internal/http.js';
import { graphPath, nodeId } from '../../../internal/path.js';
import { checkTemplateFlowButton } from '../../../platform/messages.js';
import { isSendableTemplateStatus } from '../../../platform/templates.js';
import { APIResource } from '../../resource.js';
import { fieldsParam } from '../flows/fields.js';
import type { MessageTemplate, TemplateCreateParams, TemplateCreateResponse, TemplateDeleteParams, TemplateListParams } from './types.js';

/** The fields a template definition is read with (what a send needs: status and the buttons). */
const DEFINITION_FIELDS = 'id,name,language,status,category,components';
/** How long an APPROVED template definition is reused before it is read again. */
const DEFINITION_TTL_MS = 5 * 60_000;

/** `client.templates`: message templates, with FLOW buttons (Meta: Sending a Flow, template with a Flow button; Flows changelog, button icon). */
export class Templates extends APIResource {
  readonly #definitions = new Map<string, { at: number; template: Promise<MessageTemplate | undefined> }>();

  /**
   * `POST /{waba}/message_templates`. FLOW buttons are checked first by Meta's rules (src/platform/messages.ts):
   * text of at most 25 characters, exactly one of `flow_id`, `flow_name` and `flow_json`, `flow_action`, `icon`.
   */
  create(params: TemplateCreateParams, wabaId?: string | number, options?: RequestOptions): APIPromise<TemplateCreateResponse> {
    return this._client._call(options, async (options) => {
      const waba = this._client._wabaId(wabaId);
      const body = checkCreateParams(params);
      this.#definitions.clear();
      return this._client._request<TemplateCreateResponse>({ method: 'POST', path: graphPath(waba, 'message_templates'), json: body, retry: 'once', options });
    });
  }

  /** `GET /{waba}/message_templates`: await one page, or `for await` over all. */
  list(params: TemplateListParams = {}, wabaId?: string | number, options?: RequestOptions): PagePromise<MessageTemplate> {
    return new PagePromise(
      this._client._call(options, async (options) => {
        const waba = this._client._wabaId(wabaId);
        if (!params || typeof params !== 'object') throw new InvalidArgumentError('templates.list params must be an object: { name?, status?, fields?, limit?, after? }.');
        const query: Record<string, QueryValue> = { name: params.name, status: params.status, fields: fieldsParam(params.fields), limit: params.limit, after: params.after };
        const fetchPage = (extra: Record<string, QueryValue>) =>
          this._client._request<GraphListResponse<MessageTemplate>>({ method: 'GET', path: graphPath(waba, 'message_templates'), query: { ...query, ...extra }, retry: 'idempotent', options });
        return new GraphCursorPage(await fetchPage({}), (after) => fetchPage({ after }));
      }),
    );
  }

  /** `GET /{template_id}`. */
  get(templateId: string | number, options?: RequestOptions): APIPromise<MessageTemplate> {
    return this._client._call(options, async (options) => {
      const id = nodeId('templateId', templateId);
      return this._client._request<MessageTemplate>({ method: 'GET', path: graphPath(id), query: { fields: DEFINITION_FIELDS }, retry: 'idempotent', options });
    });
  }

  /** `DELETE /{waba}/message_templates?name=...[&hsm_id=...]`: by name (every language), or one template by id. */
  delete(params: TemplateDeleteParams, wabaId?: string | number, options?: RequestOptions): APIPromise<{ success: boolean }> {
    return this._client._call(options, async (options) => {
      const waba = this._client._wabaId(wabaId);
      if (!params || typeof params.name !== 'string' || params.name === '') throw new InvalidArgumentError('templates.delete needs { name } (and optionally hsm_id, the template id).');
      const query = { name: params.name, hsm_id: params.hsm_id === undefined ? undefined : nodeId('hsm_id', params.hsm_id) };
      this.#definitions.clear();
      return this._client._request<{ success: boolean }>({ method: 'DELETE', path: graphPath(waba, 'message_templates'), query, retry: 'once', options });
    });
  }

  /**
   * The definition of the template `name` in `language` (undefined when there is none), as a send reads it.
   * APPROVED definitions are kept for five minutes; others are read again each time (a review may end).
   */
  definition(name: string, language: string, wabaId?: string | number, options?: RequestOptions): Promise<MessageTemplate | undefined> {
    const waba = this._client._wabaId(wabaId);
    const key = `${waba}\u0000${name}\u0000${language}`;
    const cached = this.#definitions.get(key);
    if (cached && Date.now() - cached.at < DEFINITION_TTL_MS) return cached.template;
    const template = (async () => {
      const page = await this.list({ name, fields: DEFINITION_FIELDS, limit: 100 }, waba, options);
      for await (const t of page) if (t.name === name && t.language === language) return t;
      return undefined;
    })();
    this.#definitions.set(key, { at: Date.now(), template });
    template.then(
      (t) => {
        if (!t || !isSendableTemplateStatus(t.status)) this.#definitions.delete(key);
      },
      () => this.#definitions.delete(key),
    );
    return template;
  }
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
