import type { APIPromise } from '../../../core/api-promise.js';
import { PagePromise } from '../../../core/pagination.js';
import type { RequestOptions } from '../../../internal/http.js';
import { APIResource } from '../../resource.js';
import type { DefinitionCache } from './requests.js';
import type { MessageTemplate, TemplateCreateParams, TemplateCreateResponse, TemplateDeleteParams, TemplateListParams } from './types.js';

/** The requests, loaded on first use: keeps the client's startup bundle small (bench/bundle-size.mjs). */
const requests = () => import('./requests.js');

/** `client.templates`: message templates, with FLOW buttons (Meta: Sending a Flow, template with a Flow button; Flows changelog, button icon). */
export class Templates extends APIResource {
  readonly #definitions: DefinitionCache = new Map();

  /**
   * `POST /{waba}/message_templates`. FLOW buttons are checked first by Meta's rules (src/platform/messages.ts):
   * text of at most 25 characters, exactly one of `flow_id`, `flow_name` and `flow_json`, `flow_action`, `icon`.
   */
  create(params: TemplateCreateParams, wabaId?: string | number, options?: RequestOptions): APIPromise<TemplateCreateResponse> {
    return this._client._call(options, async (options) => {
      const waba = this._client._wabaId(wabaId);
      this.#definitions.clear();
      return (await requests()).createTemplate(this._client, params, waba, options);
    });
  }

  /** `GET /{waba}/message_templates`: await one page, or `for await` over all. */
  list(params: TemplateListParams = {}, wabaId?: string | number, options?: RequestOptions): PagePromise<MessageTemplate> {
    return new PagePromise(this._client._call(options, async (options) => (await requests()).listTemplatesPage(this._client, params, this._client._wabaId(wabaId), options)));
  }

  /** `GET /{template_id}`. */
  get(templateId: string | number, options?: RequestOptions): APIPromise<MessageTemplate> {
    return this._client._call(options, async (options) => (await requests()).getTemplate(this._client, templateId, options));
  }

  /** `DELETE /{waba}/message_templates?name=...[&hsm_id=...]`: by name (every language), or one template by id. */
  delete(params: TemplateDeleteParams, wabaId?: string | number, options?: RequestOptions): APIPromise<{ success: boolean }> {
    return this._client._call(options, async (options) => {
      const waba = this._client._wabaId(wabaId);
      this.#definitions.clear();
      return (await requests()).deleteTemplate(this._client, params, waba, options);
    });
  }

  /**
   * The definition of the template `name` in `language` (undefined when there is none), as a send reads it.
   * APPROVED definitions are kept for five minutes; others are read again each time (a review may end).
   */
  async definition(name: string, language: string, wabaId?: string | number, options?: RequestOptions): Promise<MessageTemplate | undefined> {
    const waba = this._client._wabaId(wabaId);
    return (await requests()).templateDefinition(this._client, this.#definitions, name, language, waba, options);
  }
}
