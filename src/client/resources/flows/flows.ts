import type { APIPromise } from '../../../core/api-promise.js';
import { InvalidArgumentError, WhatsAppError } from '../../../core/errors.js';
import { GraphCursorPage, PagePromise, type GraphListResponse } from '../../../core/pagination.js';
import type { FlowCategory } from '../../../enums/flow-category.js';
import type { QueryValue, RequestOptions } from '../../../internal/http.js';
import { graphPath, nodeId } from '../../../internal/path.js';
import { APIResource } from '../../resource.js';
import { categoriesParam, fieldsParam, metricField, type MetricQuery } from './fields.js';
import type { FlowJsonInput } from './flow-json-input.js';

/** Reading Flow JSON from a file, Blob, buffer, text or object: loaded on first use, off a client's startup code. */
const flowJsonInput = () => import('./flow-json-input.js');
import { assertValidFlowJson } from './local-validation.js';
import type { FlowMigrateParams } from './migrate.js';
import type { Flow, FlowAsset, FlowCreateResponse, FlowMigrateResponse, FlowPreview, FlowUploadResponse, SuccessResponse } from './types.js';

export interface FlowListParams {
  /** Fields of each flow, e.g. `['id', 'name', 'status']` or `'id,name,status'`. */
  fields?: string[] | string;
  /** Page size. */
  limit?: number;
  /** Cursor from `paging.cursors.after`. */
  after?: string;
  /** Cursor from `paging.cursors.before`. */
  before?: string;
}

export interface FlowCreateParams {
  /** Unique within the WABA; not shown to users. */
  name: string;
  /** At least one. Omitted: `['OTHER']` (Meta requires one; the documented examples sometimes leave it out). */
  categories?: Array<FlowCategory | `${FlowCategory}`>;
  /** Data endpoint URL (Flow JSON 3.0 and later). */
  endpoint_uri?: string;
  /** Flow JSON as an object or a JSON string. */
  flow_json?: Record<string, unknown> | string;
  /**
   * Publish in the same call. Takes effect only with a valid `flow_json` (or a clone of valid JSON); otherwise Meta
   * creates the flow as DRAFT without an error (src/platform/lifecycle.ts `publishesOnCreate`, Meta: Flows API, Create a Flow).
   */
  publish?: boolean;
  /** Copy an existing flow. */
  clone_flow_id?: string | number;
  /** Validate `flow_json` locally first and reject with `FlowJsonValidationError`, sending nothing, if it has errors. Not sent to Meta. */
  validate?: boolean;
}

export interface FlowUploadOptions extends RequestOptions {
  /** Validate locally first and reject with `FlowJsonValidationError`, sending nothing, if the JSON has errors. */
  validate?: boolean;
}

export interface FlowGetParams {
  fields?: string[] | string;
  /**
   * Passed through to Graph (for example `U` for Unix timestamps). Only apps created before 2026-11-04 can use it:
   * since then Meta refuses date/time formatting for new apps, on every Graph version (Meta: Graph API changelog). New
   * apps should leave it out and parse the ISO-8601 timestamps (`2026-11-24T10:00:00+0000`).
   */
  date_format?: string;
}

export interface FlowUpdateMetadataParams {
  name?: string;
  categories?: Array<FlowCategory | `${FlowCategory}`>;
  endpoint_uri?: string;
  /** Meta app to connect to the flow (every endpoint flow needs one). */
  application_id?: string | number;
}

export interface FlowPreviewParams {
  /** Mint a new preview URL, invalidating the old one. Default false. */
  invalidate?: boolean;
}

export interface FlowPreviewResponse {
  id: string;
  preview: FlowPreview;
}

export interface FlowMetricResponse {
  id: string;
  metric: NonNullable<Flow['metric']>;
}

/** `client.flows`: create, read, update, upload, publish, deprecate, delete and migrate WhatsApp Flows. */
export class Flows extends APIResource {
  /** `GET /{waba}/flows`. Await for one page, or `for await` over every flow of every page. */
  listFlows(params?: FlowListParams, options?: RequestOptions): PagePromise<Flow>;
  listFlows(wabaId?: string | number, params?: FlowListParams, options?: RequestOptions): PagePromise<Flow>;
  listFlows(wabaId?: string | number | FlowListParams, paramsOrOptions: FlowListParams | RequestOptions = {}, options?: RequestOptions): PagePromise<Flow> {
    if (typeof wabaId === 'object' && wabaId !== null) return this.listFlows(undefined, wabaId, paramsOrOptions as RequestOptions);
    const params = paramsOrOptions as FlowListParams;
    return new PagePromise(
      this._client._call(options, async (options) => {
        const waba = this._client._wabaId(wabaId);
        const query = listQuery(params);
        return this.#page<Flow>(graphPath(waba, 'flows'), query, options);
      }),
    );
  }

  /** `POST /{waba}/flows`: create (or clone) a flow, optionally with its JSON, optionally publishing it. */
  createFlow(params: FlowCreateParams, options?: RequestOptions): APIPromise<FlowCreateResponse>;
  createFlow(wabaId: string | number | undefined, params: FlowCreateParams, options?: RequestOptions): APIPromise<FlowCreateResponse>;
  createFlow(wabaId: string | number | undefined | FlowCreateParams, paramsOrOptions?: FlowCreateParams | RequestOptions, options?: RequestOptions): APIPromise<FlowCreateResponse> {
    if (typeof wabaId === 'object' && wabaId !== null) return this.createFlow(undefined, wabaId, paramsOrOptions as RequestOptions);
    return this._client._call(options, async (options) => {
      const params = paramsOrOptions as FlowCreateParams | undefined;
      const waba = this._client._wabaId(wabaId);
      if (!params || typeof params !== 'object') throw new InvalidArgumentError('createFlow(wabaId, params) needs params: { name, categories, ... }.');
      const name = requiredText('name', params.name);
      const categories = params.categories === undefined ? ['OTHER'] : categoriesParam(params.categories, true);
      const flowJson = params.flow_json === undefined ? undefined : (await (await flowJsonInput()).readFlowJson(params.flow_json, 'flow_json')).text;
      if (params.validate === true) {
        if (flowJson === undefined) throw new InvalidArgumentError('validate: true needs flow_json to validate.');
        await assertValidFlowJson(flowJson, 'flow_json');
      }
      if (params.publish !== undefined && typeof params.publish !== 'boolean') throw new InvalidArgumentError('publish must be true or false.');
      return this._client._request<FlowCreateResponse>({
        method: 'POST',
        path: graphPath(waba, 'flows'),
        // Form fields with JSON-encoded lists, as Meta's Postman collection sends them.
        form: {
          name,
          categories: JSON.stringify(categories),
          endpoint_uri: optionalUrl('endpoint_uri', params.endpoint_uri),
          flow_json: flowJson,
          publish: params.publish === undefined ? undefined : String(params.publish),
          clone_flow_id: params.clone_flow_id === undefined ? undefined : nodeId('clone_flow_id', params.clone_flow_id),
        },
        retry: 'once',
        options,
      });
    });
  }

  /**
   * `GET /{flow}`: the default fields, or those named in `fields`. `date_format` works for apps created before
   * 2026-11-04 only (Meta: Graph API changelog); new apps get a Graph error for it.
   */
  getFlow(flowId: string | number, params: FlowGetParams = {}, options?: RequestOptions): APIPromise<Flow> {
    return this._client._call(options, async (options) => {
      const id = nodeId('flowId', flowId);
      if (params.date_format !== undefined && (typeof params.date_format !== 'string' || params.date_format === '')) {
        throw new InvalidArgumentError('date_format must be a non-empty string, e.g. "U".');
      }
      return this._client._request<Flow>({
        method: 'GET',
        path: graphPath(id),
        query: { fields: fieldsParam(params.fields), date_format: params.date_format },
        retry: 'idempotent',
        options,
      });
    });
  }

  /** `POST /{flow}`: change name, categories, endpoint or app. On a published flow this returns it to DRAFT. */
  updateFlowMetadata(flowId: string | number, params: FlowUpdateMetadataParams, options?: RequestOptions): APIPromise<SuccessResponse> {
    return this._client._call(options, async (options) => {
      const id = nodeId('flowId', flowId);
      if (!params || typeof params !== 'object') throw new InvalidArgumentError('updateFlowMetadata(flowId, params) needs params.');
      const form = {
        name: params.name === undefined ? undefined : requiredText('name', params.name),
        categories: params.categories === undefined ? undefined : JSON.stringify(categoriesParam(params.categories, true)),
        endpoint_uri: optionalUrl('endpoint_uri', params.endpoint_uri),
        application_id: params.application_id === undefined ? undefined : nodeId('application_id', params.application_id),
      };
      if (Object.values(form).every((v) => v === undefined)) {
        throw new InvalidArgumentError('updateFlowMetadata needs at least one of name, categories, endpoint_uri, application_id.');
      }
      return this._client._request<SuccessResponse>({ method: 'POST', path: graphPath(id), form, retry: 'idempotent', options });
    });
  }

  /**
   * `POST /{flow}/assets`: upload the Flow JSON as multipart `file` + `name=flow.json` + `asset_type=FLOW_JSON`.
   * Text that is not a JSON object fails here, before any request. Meta answers `success: true` even when the
   * JSON has validation errors; they are in `validation_errors` and block publishing.
   */
  uploadFlowJson(flowId: string | number, file: FlowJsonInput, options?: FlowUploadOptions): APIPromise<FlowUploadResponse> {
    return this._client._call(options, async (options) => {
      const id = nodeId('flowId', flowId);
      const { text } = await (await flowJsonInput()).readFlowJson(file);
      const { validate, ...requestOptions } = options ?? {};
      if (validate === true) await assertValidFlowJson(text, 'Flow JSON');
      const blob = new Blob([text], { type: 'application/json' });
      return this._client._request<FlowUploadResponse>({
        method: 'POST',
        path: graphPath(id, 'assets'),
        form: { file: { file: blob, filename: 'flow.json' }, name: 'flow.json', asset_type: 'FLOW_JSON' },
        retry: 'idempotent',
        options: requestOptions,
      });
    });
  }

  /** `GET /{flow}/assets`: the uploaded files, each with a `download_url`. */
  getFlowAssets(flowId: string | number, options?: RequestOptions): PagePromise<FlowAsset> {
    return new PagePromise(
      this._client._call(options, async (options) => {
        const id = nodeId('flowId', flowId);
        return this.#page<FlowAsset>(graphPath(id, 'assets'), {}, options);
      }),
    );
  }

  /** Fetches the current Flow JSON through the asset's `download_url` and parses it. */
  downloadFlowJson(flowId: string | number, options?: RequestOptions): APIPromise<Record<string, unknown>> {
    return this._client._call(options, async (options) => {
      const id = nodeId('flowId', flowId);
      const assets = await this.getFlowAssets(id, options);
      const asset = assets.data.find((a) => a.asset_type === 'FLOW_JSON');
      if (!asset?.download_url) throw new WhatsAppError(`Flow ${id} has no Flow JSON asset yet: upload one with uploadFlowJson first.`);
      // Meta caps a Flow JSON at 10 MB (flows-platform §1.3.5, §2.1), so the download may be that large and no larger.
      const text = await this._client._fetchText(asset.download_url, options, (await flowJsonInput()).MAX_FLOW_JSON_BYTES);
      try {
        return JSON.parse(text) as Record<string, unknown>;
      } catch (cause) {
        throw new WhatsAppError(`The Flow JSON downloaded for flow ${id} is not valid JSON.`, { cause });
      }
    });
  }

  /** `POST /{flow}/publish`. Irreversible: afterwards the flow can only be edited back to DRAFT or deprecated. */
  publishFlow(flowId: string | number, options?: RequestOptions): APIPromise<SuccessResponse> {
    return this._client._call(options, async (options) => {
      return this.#action(flowId, 'publish', options);
    });
  }

  /** `POST /{flow}/deprecate`: only published flows. Deprecated flows can no longer be sent. */
  deprecateFlow(flowId: string | number, options?: RequestOptions): APIPromise<SuccessResponse> {
    return this._client._call(options, async (options) => {
      return this.#action(flowId, 'deprecate', options);
    });
  }

  /** `DELETE /{flow}`: only draft flows. */
  deleteFlow(flowId: string | number, options?: RequestOptions): APIPromise<SuccessResponse> {
    return this._client._call(options, async (options) => {
      const id = nodeId('flowId', flowId);
      return this._client._request<SuccessResponse>({ method: 'DELETE', path: graphPath(id), retry: 'once', options });
    });
  }

  /**
   * `POST /{destination}/migrate_flows`: copy flows between WABAs of one business.
   * Meta's form `{ source_waba_id, source_flow_names? }`, or the documented `{ flow_ids }`, for which the SDK
   * looks up each flow's name and WABA and then calls Meta's `migrate_flows` once per source WABA.
   */
  migrateFlows(destinationWabaId: string | number, params: FlowMigrateParams, options?: RequestOptions): APIPromise<FlowMigrateResponse> {
    return this._client._call(options, async (options) => {
      const destination = nodeId('destinationWabaId', destinationWabaId);
      const { migrateFlows } = await import('./migrate.js'); // loaded on first use: keeps the client's bundle small
      return migrateFlows(this._client, destination, params, options);
    });
  }

  /** The web preview URL (`fields=preview.invalidate(...)`). */
  getFlowPreview(flowId: string | number, params: FlowPreviewParams = {}, options?: RequestOptions): APIPromise<FlowPreviewResponse> {
    return this._client._call(options, async (options) => {
      if (params.invalidate !== undefined && typeof params.invalidate !== 'boolean') throw new InvalidArgumentError('invalidate must be true or false.');
      return this.getFlow(flowId, { fields: `preview.invalidate(${params.invalidate === true})` }, options) as Promise<FlowPreviewResponse>;
    });
  }

  /**
   * Endpoint metrics (`fields=metric.name(...).granularity(...)`). Meta errors with 139006 below 250 requests.
   *
   * @deprecated Meta deprecated the Flows Metrics API on 2026-04-30 (Meta: Flows Metrics API) and names no replacement;
   * it may stop answering at any time. Measure the endpoint itself: `createFlowEndpoint({ onMetrics })` reports the
   * series this call returned (request count, errors by kind, latency in Meta's buckets, availability). Kept for
   * apps that still get answers.
   */
  getFlowMetrics(flowId: string | number, params: MetricQuery, options?: RequestOptions): APIPromise<FlowMetricResponse> {
    return this._client._call(options, async (options) => {
      return this.getFlow(flowId, { fields: metricField(params) }, options) as Promise<FlowMetricResponse>;
    });
  }

  async #action(flowId: string | number, action: 'publish' | 'deprecate', options?: RequestOptions): Promise<SuccessResponse> {
    const id = nodeId('flowId', flowId);
    return this._client._request<SuccessResponse>({ method: 'POST', path: graphPath(id, action), retry: 'once', options });
  }

  async #page<T>(path: string, query: Record<string, QueryValue>, options?: RequestOptions): Promise<GraphCursorPage<T>> {
    const fetchPage = (extra: Record<string, QueryValue>) =>
      this._client._request<GraphListResponse<T>>({ method: 'GET', path, query: { ...query, ...extra }, retry: 'idempotent', options });
    const next = (after: string) => fetchPage({ after, before: undefined });
    return new GraphCursorPage(await fetchPage({}), next);
  }
}

function listQuery(params: FlowListParams): Record<string, QueryValue> {
  if (params === null || typeof params !== 'object') throw new InvalidArgumentError('listFlows params must be an object: { fields?, limit?, after?, before? }.');
  if (params.limit !== undefined && (!Number.isInteger(params.limit) || params.limit < 1)) {
    throw new InvalidArgumentError(`limit must be a positive integer; got ${JSON.stringify(params.limit)}.`);
  }
  for (const key of ['after', 'before'] as const) {
    if (params[key] !== undefined && (typeof params[key] !== 'string' || params[key] === '')) {
      throw new InvalidArgumentError(`${key} must be a cursor string from paging.cursors.${key}.`);
    }
  }
  return { fields: fieldsParam(params.fields), limit: params.limit, after: params.after, before: params.before };
}

function requiredText(name: string, value: unknown): string {
  if (typeof value !== 'string' || value.trim() === '') throw new InvalidArgumentError(`${name} is required and must be a non-empty string.`);
  return value;
}

function optionalUrl(name: string, value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw new InvalidArgumentError(`${name} must be a URL string.`);
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new InvalidArgumentError(`${name} ${JSON.stringify(value)} is not a valid URL (Meta needs an https URL, e.g. https://example.com/flow).`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new InvalidArgumentError(`${name} must be an https URL.`);
  return value;
}
