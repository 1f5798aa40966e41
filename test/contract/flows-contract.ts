/**
 * The contract between the SDK and the Graph API, as a list of steps run in order against two targets
 * (contract.test.ts): a recording server answering with Meta's documented responses (`canned`), and the same
 * recording server forwarding every request to the emulator. Each step's `check` must hold against both, so the
 * SDK's tests and the emulator cannot drift apart.
 *
 * `canned` replies are Meta's shapes from /work/shared/reference/flows-platform.md (§1 management API, §4 sending),
 * not copies of what the emulator answers. Where Meta's shape is UNVERIFIED or documented two ways (DISAGREE),
 * `check` only asserts what both agree on.
 */
import { generateKeyPairSync } from 'node:crypto';
import { expect } from 'vitest';
import WhatsApp, {
  FlowCategoryEnum,
  FlowMetricGranularityEnum,
  FlowMetricNameEnum,
  GraphApiError,
  type BusinessPublicKey,
  type Flow,
  type FlowAsset,
  type FlowCreateResponse,
  type FlowMigrateResponse,
  type FlowPreviewResponse,
  type FlowUploadResponse,
  type FlowValidationError,
  type GraphCursorPage,
  type MessageSendResponse,
  type SuccessResponse,
} from '../../src/index.js';
import { baseFlow } from '../flow-json/helpers.js';
import type { RecordedRequest } from '../helpers/graph-server.js';

// ---------------------------------------------------------------------------------------------------------------
// Types

/** A request as it crossed the wire, with the answer the target gave it. */
export type Exchange = RecordedRequest & { reply: { status: number; body: string } };

/** One answer Meta would give. `when` pins it to a request (for requests the SDK sends concurrently). */
export interface CannedReply {
  when?: { method?: string; path?: string };
  status?: number;
  json?: unknown;
  /** Raw body (e.g. the Flow JSON file on Meta's CDN). */
  body?: string;
  headers?: Record<string, string>;
}

/** What the steps share, in order. Ids come from the target's answers (canned or emulator). */
export interface ContractContext {
  /** Origin the client talks to (the recording server). */
  baseUrl: string;
  apiVersion: string;
  token: string;
  wabaId: string;
  destWabaId: string;
  phoneId: string;
  flows: { main?: string; published?: string; clone?: string };
  names: { main: string; published: string; clone: string; renamed: string };
  downloadUrl?: string;
  previewUrl?: string;
  publicKeyPem?: string;
  templateName: string;
}

export interface ContractStep<R = unknown> {
  name: string;
  /** Calls the SDK (and only the SDK, except where Meta's API has no SDK method); returns what it returned or threw. */
  run(client: WhatsApp, ctx: ContractContext): Promise<R>;
  /** Meta's answers to the requests of this step, in order (or pinned with `when`). */
  canned(ctx: ContractContext): CannedReply[];
  /** Holds against both targets: on the requests the SDK sent and on what it returned. */
  check(result: R, requests: Exchange[], ctx: ContractContext): void | Promise<void>;
}

function step<R>(s: ContractStep<R>): ContractStep<any> {
  return s as ContractStep<any>;
}

// ---------------------------------------------------------------------------------------------------------------
// Fixed inputs

export const CONTRACT_TOKEN = 'EAAcontract-token-0123456789';
export const CONTRACT_API_VERSION = 'v25.0';
const WABA_ID = '102290129340398';
const DEST_WABA_ID = '104996122399160';
const PHONE_ID = '106540352242922';
const RECIPIENT = '15551234567';
/** A flow id nobody has. */
const UNKNOWN_FLOW_ID = '1999999999999999';
const ENDPOINT_URI = 'https://flows.example.com/endpoint';

/** Ids in the canned answers (Meta's ids are strings of 15-16 digits). */
const META = {
  main: '1152462762797815',
  published: '1187392848470305',
  clone: '1216543079321984',
  migratedPublished: '1243098651170022',
  migratedClone: '1243098651170023',
  migratedMain: '1268812209930411',
  template: '572279198452421',
  wamid: 'wamid.HBgLMTU1NTEyMzQ1NjcVAgARGBI5QTNDQTVCM0Q0Q0Q2RTY3RTcA',
};

export function newContractContext(baseUrl: string): ContractContext {
  return {
    baseUrl,
    apiVersion: CONTRACT_API_VERSION,
    token: CONTRACT_TOKEN,
    wabaId: WABA_ID,
    destWabaId: DEST_WABA_ID,
    phoneId: PHONE_ID,
    flows: {},
    names: { main: 'contract_survey', renamed: 'contract_survey_v2', published: 'contract_published', clone: 'contract_clone' },
    templateName: 'contract_flow_template',
  };
}

/** Flows-platform Appendix C: endpoint-less, two screens, navigate + complete (the shared test flow). */
export const VALID_FLOW = baseFlow();

export const VALID_FLOW_TEXT = JSON.stringify(VALID_FLOW, null, 4) + '\n';
/** Valid JSON, invalid Flow JSON: an unknown component type (Meta's documented INVALID_PROPERTY_VALUE sample). */
export const BROKEN_FLOW_TEXT = VALID_FLOW_TEXT.replace('"type": "TextInput"', '"type": "TextInputt"');
const BROKEN_TOKEN = '"TextInputt"';
/** 1-based line and column of the broken value. */
const BROKEN_AT = (() => {
  const lines = BROKEN_FLOW_TEXT.split('\n');
  const index = lines.findIndex((l) => l.includes(BROKEN_TOKEN));
  return { line: index + 1, column: lines[index]!.indexOf(BROKEN_TOKEN) + 1, lineText: lines[index]! };
})();

// ---------------------------------------------------------------------------------------------------------------
// Helpers

const FLOW_STATUSES = ['DRAFT', 'PUBLISHED', 'DEPRECATED', 'BLOCKED', 'THROTTLED'];
const ISO_META = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+0000$/;
const DIGITS = /^\d+$/;

function need<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`contract: ${what} is not known yet (an earlier step failed)`);
  return value;
}

/** `/v25.0/<segments>` */
function v(ctx: ContractContext, ...segments: string[]): string {
  return `/${ctx.apiVersion}/${segments.join('/')}`;
}

/** A Graph error body (flows-platform §1.2). */
function graphErrorBody(code: number, message: string, extra: Record<string, unknown> = {}): { error: Record<string, unknown> } {
  return { error: { message, type: 'OAuthException', code, ...extra, fbtrace_id: 'AZ4mB2xYc8P-WcQ1fT0nQkq' } };
}

/** Meta's answer for an id that does not exist (flows-platform §1.2). */
function unknownObjectBody(id: string, method: string) {
  return graphErrorBody(
    100,
    `Unsupported ${method} request. Object with ID '${id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation. Please read the Graph API documentation at https://developers.facebook.com/docs/graph-api`,
    { type: 'GraphMethodException', error_subcode: 33 },
  );
}

/** Meta's Flows error (flows-platform §1.9; HTTP 400 assumed, Appendix B). */
function flowErrorBody(code: number, title: string) {
  return graphErrorBody(code, title, { is_transient: false, error_user_title: title, error_user_msg: title });
}

async function caught(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('contract: expected the call to fail, but it succeeded');
}

function expectRequest(req: Exchange | undefined, method: string, path: string): Exchange {
  expect(req, `a ${method} ${path} request`).toBeDefined();
  expect(`${req!.method} ${req!.path}`).toBe(`${method} ${path}`);
  expect(req!.headers.authorization).toBe(`Bearer ${CONTRACT_TOKEN}`);
  return req!;
}

async function multipart(req: Exchange): Promise<FormData> {
  expect(req.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
  return req.form();
}

function jsonBody(req: Exchange): any {
  expect(req.headers['content-type']).toMatch(/^application\/json/);
  return req.json();
}

/** A Graph error as the SDK reports it: the documented code, 4xx, and Meta's error object fields. */
function expectGraphError(error: unknown, code: number): GraphApiError {
  expect(error).toBeInstanceOf(GraphApiError);
  const e = error as GraphApiError;
  expect(e.code).toBe(code);
  expect(e.status).toBeGreaterThanOrEqual(400);
  expect(e.status).toBeLessThan(500);
  expect(typeof e.error.message).toBe('string');
  expect(e.error.message.length).toBeGreaterThan(0);
  expect(typeof e.type).toBe('string');
  expect(typeof e.fbtraceId).toBe('string');
  return e;
}

function expectValidationItem(item: FlowValidationError): void {
  for (const key of ['error', 'error_type', 'message'] as const) {
    expect(typeof item[key], key).toBe('string');
    expect(item[key].length, key).toBeGreaterThan(0);
  }
  for (const key of ['line_start', 'line_end', 'column_start', 'column_end'] as const) {
    expect(Number.isInteger(item[key]) && item[key] >= 1, `${key} is a 1-based integer`).toBe(true);
  }
  expect(item.line_end).toBeGreaterThanOrEqual(item.line_start);
  for (const p of item.pointers ?? []) {
    expect(typeof p.path).toBe('string');
    expect(p.line_start).toBeGreaterThanOrEqual(1);
    expect(p.column_start).toBeGreaterThanOrEqual(1);
  }
}

/** The fields of a flow that Meta returns by default (flows-platform §1.3.2, §1.3.3). */
function expectDefaultFlowFields(flow: Flow): void {
  expect(flow.id).toMatch(DIGITS);
  expect(typeof flow.name).toBe('string');
  expect(FLOW_STATUSES).toContain(flow.status);
  expect(Array.isArray(flow.categories)).toBe(true);
  expect(flow.categories!.length).toBeGreaterThan(0);
  expect(Array.isArray(flow.validation_errors)).toBe(true);
}

function expectMessageSent(result: MessageSendResponse): void {
  expect(result.messaging_product).toBe('whatsapp');
  expect(result.contacts).toHaveLength(1);
  expect(result.contacts[0]!.input).toBe(RECIPIENT);
  expect(result.contacts[0]!.wa_id).toBe(RECIPIENT);
  expect(result.messages).toHaveLength(1);
  expect(result.messages[0]!.id).toMatch(/^wamid\./);
}

/** Meta's Cloud API answer to a send (flows-platform §4.1). */
const messageSent = { json: { messaging_product: 'whatsapp', contacts: [{ input: RECIPIENT, wa_id: RECIPIENT }], messages: [{ id: META.wamid }] } };

function flowItem(id: string, name: string, status: string, categories: string[]) {
  return { id, name, status, categories, validation_errors: [] };
}

/** The flows the WABA holds when the list steps run: main (published), published, clone (draft). */
function wabaFlows(ctx: ContractContext) {
  return [
    flowItem(need(ctx.flows.clone, 'clone id'), ctx.names.clone, 'DRAFT', ['OTHER']),
    flowItem(need(ctx.flows.published, 'published id'), ctx.names.published, 'PUBLISHED', ['LEAD_GENERATION']),
    flowItem(need(ctx.flows.main, 'main id'), ctx.names.renamed, 'PUBLISHED', ['SURVEY', 'CUSTOMER_SUPPORT']),
  ];
}

const CURSORS = { first: 'QVFIUmxUZAi1xWjBfa0RFdm1pN3ZA3', second: 'QVFIUjBtSzVfdG5jUkRBN0VOSWpN' };

// ---------------------------------------------------------------------------------------------------------------
// The steps

export const flowsContract: ContractStep<any>[] = [
  step<FlowCreateResponse>({
    name: 'createFlow: a draft without flow_json or publish',
    run: async (client, ctx) => {
      const res = await client.flows.createFlow(ctx.wabaId, { name: ctx.names.main, categories: [FlowCategoryEnum.Survey], endpoint_uri: ENDPOINT_URI });
      ctx.flows.main = res.id;
      return res;
    },
    canned: () => [{ json: { id: META.main, success: true } }],
    check: async (res, requests, ctx) => {
      expect(requests).toHaveLength(1);
      const form = await multipart(expectRequest(requests[0], 'POST', v(ctx, ctx.wabaId, 'flows')));
      expect(form.get('name')).toBe(ctx.names.main);
      expect(form.get('categories')).toBe('["SURVEY"]');
      expect(form.get('endpoint_uri')).toBe(ENDPOINT_URI);
      expect(form.has('flow_json')).toBe(false);
      expect(form.has('publish')).toBe(false);
      expect(form.has('clone_flow_id')).toBe(false);
      expect(res.id).toMatch(DIGITS);
      expect(res.success).toBe(true);
      // validation_errors only come with Flow JSON that has problems (flows-platform §1.3.1).
      expect(res.validation_errors ?? []).toEqual([]);
    },
  }),

  step<FlowUploadResponse>({
    name: 'uploadFlowJson: Flow JSON with an error gives validation_errors at 1-based lines',
    run: (client, ctx) => client.flows.uploadFlowJson(need(ctx.flows.main, 'main id'), BROKEN_FLOW_TEXT),
    canned: () => [
      {
        // Meta's documented sample: HTTP 200, success true, the error in validation_errors (flows-platform §1.3.5).
        json: {
          success: true,
          validation_errors: [
            {
              error: 'INVALID_PROPERTY_VALUE',
              error_type: 'FLOW_JSON_ERROR',
              // The catalogue's template (flows-platform §2, "Invalid value found for property (propertyName) at (errorPath).").
              message: 'Invalid value found for property type at $root/screens/0/layout/children/0.',
              line_start: BROKEN_AT.line,
              line_end: BROKEN_AT.line,
              column_start: BROKEN_AT.column,
              column_end: BROKEN_AT.column + BROKEN_TOKEN.length,
              pointers: [
                {
                  line_start: BROKEN_AT.line,
                  line_end: BROKEN_AT.line,
                  column_start: BROKEN_AT.column,
                  column_end: BROKEN_AT.column + BROKEN_TOKEN.length,
                  path: 'screens[0].layout.children[0].type',
                },
              ],
            },
          ],
        },
      },
    ],
    check: async (res, requests, ctx) => {
      expect(requests).toHaveLength(1);
      const form = await multipart(expectRequest(requests[0], 'POST', v(ctx, need(ctx.flows.main, 'main id'), 'assets')));
      expect(form.get('name')).toBe('flow.json');
      expect(form.get('asset_type')).toBe('FLOW_JSON');
      const file = form.get('file') as File;
      expect(file).toBeInstanceOf(File);
      expect(file.name).toBe('flow.json');
      expect(file.type).toBe('application/json');
      expect(await file.text()).toBe(BROKEN_FLOW_TEXT);

      expect(requests[0]!.reply.status).toBe(200);
      expect(res.success).toBe(true);
      const errors = res.validation_errors ?? [];
      expect(errors.length).toBeGreaterThan(0);
      errors.forEach(expectValidationItem);
      // The error points at the broken value, in 1-based lines and columns of the uploaded text.
      const hit = errors.find((e) => e.line_start === BROKEN_AT.line);
      expect(hit, `an error starting on line ${BROKEN_AT.line}: ${BROKEN_AT.lineText.trim()}`).toBeDefined();
      expect(hit!.error).toBe('INVALID_PROPERTY_VALUE');
      // It starts at the property's key or at its value (which one Meta marks is not documented).
      const keyColumn = BROKEN_AT.lineText.indexOf('"type"') + 1;
      expect(hit!.column_start).toBeGreaterThanOrEqual(keyColumn);
      expect(hit!.column_start).toBeLessThanOrEqual(BROKEN_AT.column);
      expect(hit!.column_end).toBeGreaterThan(hit!.column_start);
      if (hit!.pointers?.length) expect(hit!.pointers.map((p) => p.path)).toContain('screens[0].layout.children[0].type');
    },
  }),

  step<FlowUploadResponse>({
    name: 'uploadFlowJson: valid Flow JSON has no validation_errors',
    run: (client, ctx) => client.flows.uploadFlowJson(need(ctx.flows.main, 'main id'), new File([VALID_FLOW_TEXT], 'survey.json', { type: 'application/json' })),
    canned: () => [{ json: { success: true, validation_errors: [] } }],
    check: async (res, requests, ctx) => {
      expect(requests).toHaveLength(1);
      const form = await multipart(expectRequest(requests[0], 'POST', v(ctx, need(ctx.flows.main, 'main id'), 'assets')));
      expect(form.get('name')).toBe('flow.json');
      expect(form.get('asset_type')).toBe('FLOW_JSON');
      const file = form.get('file') as File;
      expect(file.name).toBe('flow.json');
      expect(await file.text()).toBe(VALID_FLOW_TEXT);
      expect(res.success).toBe(true);
      expect(res.validation_errors ?? []).toEqual([]);
    },
  }),

  step<Flow>({
    name: 'getFlow: default fields',
    run: (client, ctx) => client.flows.getFlow(need(ctx.flows.main, 'main id')),
    canned: (ctx) => [{ json: flowItem(need(ctx.flows.main, 'main id'), ctx.names.main, 'DRAFT', ['SURVEY']) }],
    check: (flow, requests, ctx) => {
      expect(requests).toHaveLength(1);
      const req = expectRequest(requests[0], 'GET', v(ctx, need(ctx.flows.main, 'main id')));
      expect([...req.query.keys()]).toEqual([]);
      expectDefaultFlowFields(flow);
      expect(flow).toMatchObject({ id: ctx.flows.main, name: ctx.names.main, status: 'DRAFT', categories: ['SURVEY'], validation_errors: [] });
    },
  }),

  step<Flow>({
    name: 'getFlow: fields',
    run: (client, ctx) =>
      client.flows.getFlow(need(ctx.flows.main, 'main id'), { fields: ['id', 'name', 'status', 'json_version', 'endpoint_uri', 'whatsapp_business_account'] }),
    canned: (ctx) => [
      {
        json: {
          id: need(ctx.flows.main, 'main id'),
          name: ctx.names.main,
          status: 'DRAFT',
          json_version: '7.3',
          endpoint_uri: ENDPOINT_URI,
          whatsapp_business_account: { id: ctx.wabaId, name: 'Contract Test Business', currency: 'USD', timezone_id: '1', message_template_namespace: 'a1b2c3d4_e5f6_7a8b_9c0d_e1f2a3b4c5d6' },
        },
      },
    ],
    check: (flow, requests, ctx) => {
      expect(requests).toHaveLength(1);
      const req = expectRequest(requests[0], 'GET', v(ctx, need(ctx.flows.main, 'main id')));
      expect(req.query.get('fields')).toBe('id,name,status,json_version,endpoint_uri,whatsapp_business_account');
      expect(flow).toMatchObject({ id: ctx.flows.main, name: ctx.names.main, status: 'DRAFT', json_version: '7.3', endpoint_uri: ENDPOINT_URI });
      expect(flow.whatsapp_business_account?.id).toBe(ctx.wabaId);
    },
  }),

  step<SuccessResponse>({
    name: 'updateFlowMetadata: name and categories',
    run: (client, ctx) =>
      client.flows.updateFlowMetadata(need(ctx.flows.main, 'main id'), { name: ctx.names.renamed, categories: [FlowCategoryEnum.Survey, FlowCategoryEnum.CustomerSupport] }),
    canned: () => [{ json: { success: true } }],
    check: async (res, requests, ctx) => {
      expect(requests).toHaveLength(1);
      const form = await multipart(expectRequest(requests[0], 'POST', v(ctx, need(ctx.flows.main, 'main id'))));
      expect(form.get('name')).toBe(ctx.names.renamed);
      expect(form.get('categories')).toBe('["SURVEY","CUSTOMER_SUPPORT"]');
      expect(form.has('endpoint_uri')).toBe(false);
      expect(form.has('application_id')).toBe(false);
      expect(res).toEqual({ success: true });
    },
  }),

  step<GraphCursorPage<FlowAsset>>({
    name: 'getFlowAssets: the FLOW_JSON asset with a download_url',
    run: async (client, ctx) => {
      const page = await client.flows.getFlowAssets(need(ctx.flows.main, 'main id'));
      ctx.downloadUrl = page.data[0]?.download_url;
      return page;
    },
    // Meta's download_url is on its CDN (scontent.xx.fbcdn.net); here the recording server stands in for it.
    canned: (ctx) => [
      {
        json: {
          data: [
            {
              name: 'flow.json',
              asset_type: 'FLOW_JSON',
              download_url: `${ctx.baseUrl}/m1/v/t0.57323-24/An_contract_flow_json?ccb=10-5&oh=00_AfA1xQ&oe=6651C1C3&_nc_sid=5d3a6f`,
            },
          ],
          paging: { cursors: { before: 'QVFIUnlCb0tZAa', after: 'QVFIUnlCb0tZAa' } },
        },
      },
    ],
    check: (page, requests, ctx) => {
      expect(requests).toHaveLength(1);
      const req = expectRequest(requests[0], 'GET', v(ctx, need(ctx.flows.main, 'main id'), 'assets'));
      expect([...req.query.keys()]).toEqual([]);
      expect(page.data).toHaveLength(1);
      expect(page.data[0]).toMatchObject({ name: 'flow.json', asset_type: 'FLOW_JSON' });
      expect(() => new URL(page.data[0]!.download_url)).not.toThrow();
      expect(page.hasNextPage()).toBe(false);
    },
  }),

  step<Record<string, unknown>>({
    name: 'downloadFlowJson: the same bytes as uploaded',
    run: (client, ctx) => client.flows.downloadFlowJson(need(ctx.flows.main, 'main id')),
    canned: (ctx) => [
      {
        when: { method: 'GET', path: v(ctx, need(ctx.flows.main, 'main id'), 'assets') },
        json: { data: [{ name: 'flow.json', asset_type: 'FLOW_JSON', download_url: need(ctx.downloadUrl, 'download_url') }], paging: { cursors: { before: 'QVFIUnlCb0tZAa', after: 'QVFIUnlCb0tZAa' } } },
      },
      { when: { method: 'GET', path: new URL(need(ctx.downloadUrl, 'download_url')).pathname }, body: VALID_FLOW_TEXT, headers: { 'content-type': 'application/json' } },
    ],
    check: (json, requests, ctx) => {
      expect(requests).toHaveLength(2);
      expectRequest(requests[0], 'GET', v(ctx, need(ctx.flows.main, 'main id'), 'assets'));
      const assets = JSON.parse(requests[0]!.reply.body) as { data: FlowAsset[] };
      const url = new URL(assets.data[0]!.download_url);
      const download = requests[1]!;
      expect(`${download.method} ${download.path}`).toBe(`GET ${url.pathname}`);
      // The token goes only to the configured Graph origin, never to a CDN.
      expect(download.headers.authorization).toBe(url.origin === ctx.baseUrl ? `Bearer ${CONTRACT_TOKEN}` : undefined);
      expect(download.reply.status).toBe(200);
      expect(download.reply.body).toBe(VALID_FLOW_TEXT);
      expect(json).toEqual(VALID_FLOW);
    },
  }),

  step<[FlowPreviewResponse, FlowPreviewResponse]>({
    name: 'getFlowPreview: a preview URL; invalidate(true) mints a new one',
    run: async (client, ctx) => {
      const id = need(ctx.flows.main, 'main id');
      const first = await client.flows.getFlowPreview(id);
      const second = await client.flows.getFlowPreview(id, { invalidate: true });
      ctx.previewUrl = second.preview.preview_url;
      return [first, second];
    },
    canned: (ctx) => {
      const id = need(ctx.flows.main, 'main id');
      const preview = (token: string) => ({
        preview: { preview_url: `https://business.facebook.com/wa/manage/flows/${id}/preview/?token=${token}`, expires_at: '2026-12-24T10:00:00+0000' },
        id,
      });
      return [{ json: preview('b9d6b2d1-3d3a-4bd1-9f52-6cc7e30a7a40') }, { json: preview('0a6b0c3e-5c1f-4f0e-8a6f-3a2b1c0d9e8f') }];
    },
    check: ([first, second], requests, ctx) => {
      const id = need(ctx.flows.main, 'main id');
      expect(requests).toHaveLength(2);
      expect(expectRequest(requests[0], 'GET', v(ctx, id)).query.get('fields')).toBe('preview.invalidate(false)');
      expect(expectRequest(requests[1], 'GET', v(ctx, id)).query.get('fields')).toBe('preview.invalidate(true)');
      for (const res of [first, second]) {
        expect(res.id).toBe(id);
        expect(() => new URL(res.preview.preview_url)).not.toThrow();
        expect(res.preview.expires_at).toMatch(ISO_META);
      }
      expect(second.preview.preview_url).not.toBe(first.preview.preview_url);
    },
  }),

  step<unknown>({
    name: 'getFlowMetrics: GraphApiError 139006 below 250 endpoint requests',
    run: (client, ctx) =>
      caught(
        client.flows.getFlowMetrics(need(ctx.flows.main, 'main id'), {
          name: FlowMetricNameEnum.EndpointRequestCount,
          granularity: FlowMetricGranularityEnum.Day,
          since: '2024-01-28',
          until: '2024-01-30',
        }),
      ),
    canned: () => [{ status: 400, json: flowErrorBody(139006, 'Metrics threshold is not reached') }],
    check: (error, requests, ctx) => {
      expect(requests).toHaveLength(1);
      const req = expectRequest(requests[0], 'GET', v(ctx, need(ctx.flows.main, 'main id')));
      expect(req.query.get('fields')).toBe('metric.name(ENDPOINT_REQUEST_COUNT).granularity(DAY).since(2024-01-28).until(2024-01-30)');
      expectGraphError(error, 139006);
    },
  }),

  step<MessageSendResponse>({
    name: 'messages.flow: the draft, with mode draft',
    run: (client, ctx) =>
      client.messages.flow({
        to: RECIPIENT,
        flowId: need(ctx.flows.main, 'main id'),
        cta: 'Start survey',
        body: 'Tell us how we did',
        header: 'Survey',
        footer: 'Takes a minute',
        token: 'contract-token-1',
        screen: 'ASK',
        mode: 'draft',
      }),
    canned: () => [messageSent],
    check: (res, requests, ctx) => {
      expect(requests).toHaveLength(1);
      const body = jsonBody(expectRequest(requests[0], 'POST', v(ctx, ctx.phoneId, 'messages')));
      expect(body).toEqual({
        messaging_product: 'whatsapp',
        to: RECIPIENT,
        type: 'interactive',
        interactive: {
          type: 'flow',
          header: { type: 'text', text: 'Survey' },
          body: { text: 'Tell us how we did' },
          footer: { text: 'Takes a minute' },
          action: {
            name: 'flow',
            parameters: {
              flow_message_version: '3',
              flow_id: ctx.flows.main,
              flow_cta: 'Start survey',
              flow_token: 'contract-token-1',
              mode: 'draft',
              flow_action_payload: { screen: 'ASK' },
            },
          },
        },
      });
      expectMessageSent(res);
    },
  }),

  step<[SuccessResponse, Flow]>({
    name: 'publishFlow: DRAFT becomes PUBLISHED',
    run: async (client, ctx) => {
      const id = need(ctx.flows.main, 'main id');
      const res = await client.flows.publishFlow(id);
      return [res, await client.flows.getFlow(id, { fields: ['status'] })];
    },
    canned: (ctx) => [{ json: { success: true } }, { json: { status: 'PUBLISHED', id: need(ctx.flows.main, 'main id') } }],
    check: ([res, flow], requests, ctx) => {
      const id = need(ctx.flows.main, 'main id');
      expect(requests).toHaveLength(2);
      const req = expectRequest(requests[0], 'POST', v(ctx, id, 'publish'));
      expect(req.body.length).toBe(0);
      expect([...req.query.keys()]).toEqual([]);
      expect(res).toEqual({ success: true });
      expect(expectRequest(requests[1], 'GET', v(ctx, id)).query.get('fields')).toBe('status');
      expect(flow).toEqual({ id, status: 'PUBLISHED' });
    },
  }),

  step<MessageSendResponse>({
    name: 'messages.interactive: the documented shape, published flow, navigate with data',
    run: (client, ctx) =>
      client.messages.interactive({
        to: RECIPIENT,
        type: 'flow',
        body: { text: 'Please confirm your name' },
        action: {
          name: 'flow',
          parameters: {
            flow_id: need(ctx.flows.main, 'main id'),
            flow_cta: 'Confirm',
            flow_token: 'contract-token-2',
            flow_action: 'navigate',
            flow_action_payload: { screen: 'CONFIRM', data: { first_name: 'Ana' } },
          },
        },
      }),
    canned: () => [messageSent],
    check: (res, requests, ctx) => {
      expect(requests).toHaveLength(1);
      const body = jsonBody(expectRequest(requests[0], 'POST', v(ctx, ctx.phoneId, 'messages')));
      expect(body).toEqual({
        messaging_product: 'whatsapp',
        to: RECIPIENT,
        type: 'interactive',
        interactive: {
          type: 'flow',
          body: { text: 'Please confirm your name' },
          action: {
            name: 'flow',
            parameters: {
              flow_message_version: '3',
              flow_id: ctx.flows.main,
              flow_cta: 'Confirm',
              flow_token: 'contract-token-2',
              flow_action: 'navigate',
              flow_action_payload: { screen: 'CONFIRM', data: { first_name: 'Ana' } },
            },
          },
        },
      });
      expectMessageSent(res);
    },
  }),

  step<MessageSendResponse>({
    // flows-platform §4.1: the screen defaults to the first entry screen, so data alone is accepted by both.
    name: 'messages.flow: data without a screen (the first entry screen gets it)',
    run: (client, ctx) => client.messages.flow({ to: RECIPIENT, flowId: need(ctx.flows.main, 'main id'), cta: 'Open', body: 'Hi', data: { first_name: 'Ana' } }),
    canned: () => [messageSent],
    check: (res, requests, ctx) => {
      expect(requests).toHaveLength(1);
      const body = jsonBody(expectRequest(requests[0], 'POST', v(ctx, ctx.phoneId, 'messages'))) as { interactive: { action: { parameters: Record<string, unknown> } } };
      expect(body.interactive.action.parameters.flow_action_payload).toEqual({ data: { first_name: 'Ana' } });
      expectMessageSent(res);
    },
  }),

  step<{ status: number; body: unknown }>({
    // flows-platform §6.5: Meta's samples mark every incoming message as read; the answer is {"success":true}.
    name: 'mark as read (a raw POST: the SDK has no method for it)',
    run: async (_client, ctx) => {
      const res = await fetch(`${ctx.baseUrl}${v(ctx, ctx.phoneId, 'messages')}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${ctx.token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ messaging_product: 'whatsapp', status: 'read', message_id: 'wamid.HBgLMTU1NTAwMDExMTEVAgASGBQz' }),
      });
      return { status: res.status, body: (await res.json()) as unknown };
    },
    canned: () => [{ json: { success: true } }],
    check: (res, requests, ctx) => {
      expect(requests).toHaveLength(1);
      expectRequest(requests[0], 'POST', v(ctx, ctx.phoneId, 'messages'));
      expect(res).toEqual({ status: 200, body: { success: true } });
    },
  }),

  step<MessageSendResponse>({
    name: "messages.interactive: Meta's own body, by flow_name",
    run: (client, ctx) =>
      client.messages.interactive({
        to: RECIPIENT,
        type: 'interactive',
        interactive: {
          type: 'flow',
          header: { type: 'text', text: 'Survey' },
          body: { text: 'Tell us how we did' },
          action: { name: 'flow', parameters: { flow_message_version: '3', flow_name: ctx.names.renamed, flow_cta: 'Start', mode: 'published' } },
        },
      }),
    canned: () => [messageSent],
    check: (res, requests, ctx) => {
      expect(requests).toHaveLength(1);
      const body = jsonBody(expectRequest(requests[0], 'POST', v(ctx, ctx.phoneId, 'messages')));
      expect(body).toEqual({
        messaging_product: 'whatsapp',
        to: RECIPIENT,
        type: 'interactive',
        interactive: {
          type: 'flow',
          header: { type: 'text', text: 'Survey' },
          body: { text: 'Tell us how we did' },
          action: { name: 'flow', parameters: { flow_message_version: '3', flow_name: ctx.names.renamed, flow_cta: 'Start', mode: 'published' } },
        },
      });
      expectMessageSent(res);
    },
  }),

  step<[unknown, MessageSendResponse]>({
    name: 'messages.template: a template with a FLOW button (created with a raw POST)',
    run: async (client, ctx) => {
      // The SDK has no template management: create the template as Meta documents it (flows-platform §4.2).
      const created = await fetch(`${ctx.baseUrl}${v(ctx, ctx.wabaId, 'message_templates')}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${ctx.token}`, 'content-type': 'application/json' },
        body: JSON.stringify(templateCreateBody(ctx)),
      });
      const template = (await created.json()) as unknown;
      if (!created.ok) throw new Error(`contract: template creation failed: ${created.status} ${JSON.stringify(template)}`);
      const sent = await client.messages.template({
        to: RECIPIENT,
        name: ctx.templateName,
        language: 'en_US',
        flowButton: { flow_token: 'contract-token-3', flow_action_data: { first_name: 'Ana' } },
      });
      return [template, sent];
    },
    canned: () => [{ json: { id: META.template, status: 'PENDING', category: 'MARKETING' } }, messageSent],
    check: ([template, res], requests, ctx) => {
      expect(requests).toHaveLength(2);
      expect(jsonBody(expectRequest(requests[0], 'POST', v(ctx, ctx.wabaId, 'message_templates')))).toEqual(templateCreateBody(ctx));
      // Meta answers { id, status, category }; a new template is usually PENDING review.
      expect(template).toMatchObject({ id: expect.stringMatching(DIGITS), category: 'MARKETING' });
      expect(['PENDING', 'APPROVED', 'REJECTED']).toContain((template as { status: string }).status);

      const body = jsonBody(expectRequest(requests[1], 'POST', v(ctx, ctx.phoneId, 'messages')));
      expect(body).toEqual({
        messaging_product: 'whatsapp',
        to: RECIPIENT,
        type: 'template',
        template: {
          name: ctx.templateName,
          language: { code: 'en_US' },
          components: [
            { type: 'button', sub_type: 'flow', index: '0', parameters: [{ type: 'action', action: { flow_token: 'contract-token-3', flow_action_data: { first_name: 'Ana' } } }] },
          ],
        },
      });
      expectMessageSent(res);
    },
  }),

  step<{ success: boolean }>({
    name: 'encryption.setBusinessPublicKey: a 2048-bit RSA key, urlencoded',
    run: (client, ctx) => {
      const { publicKey } = generateKeyPairSync('rsa', {
        modulusLength: 2048,
        publicKeyEncoding: { type: 'spki', format: 'pem' },
        privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
      });
      ctx.publicKeyPem = publicKey;
      return client.encryption.setBusinessPublicKey(publicKey);
    },
    canned: () => [{ json: { success: true } }],
    check: (res, requests, ctx) => {
      expect(requests).toHaveLength(1);
      const req = expectRequest(requests[0], 'POST', v(ctx, ctx.phoneId, 'whatsapp_business_encryption'));
      expect(req.headers['content-type']).toMatch(/^application\/x-www-form-urlencoded/);
      const sent = new URLSearchParams(req.text).get('business_public_key');
      // Byte for byte, line feeds included (multipart would turn them into CRLF).
      expect(sent).toBe(need(ctx.publicKeyPem, 'public key').trim());
      expect(sent).toMatch(/^-----BEGIN PUBLIC KEY-----\n[\s\S]+\n-----END PUBLIC KEY-----$/);
      expect(res).toEqual({ success: true });
    },
  }),

  step<BusinessPublicKey>({
    name: 'encryption.getBusinessPublicKey',
    run: (client) => client.encryption.getBusinessPublicKey(),
    // DISAGREE (flows-platform §1.3.11): the guide shows a flat object, the v23.0 reference `{ data: [...] }`.
    // The canned answer is the guide's; the SDK returns the flat object for both.
    canned: (ctx) => [{ json: { business_public_key: need(ctx.publicKeyPem, 'public key').trim(), business_public_key_signature_status: 'VALID' } }],
    check: (res, requests, ctx) => {
      expect(requests).toHaveLength(1);
      const req = expectRequest(requests[0], 'GET', v(ctx, ctx.phoneId, 'whatsapp_business_encryption'));
      expect(req.body.length).toBe(0);
      expect(res.business_public_key?.trim()).toBe(need(ctx.publicKeyPem, 'public key').trim());
      expect(['VALID', 'MISMATCH']).toContain(res.business_public_key_signature_status);
    },
  }),

  step<[FlowCreateResponse, Flow]>({
    name: 'createFlow: with flow_json and publish: true',
    run: async (client, ctx) => {
      const res = await client.flows.createFlow(ctx.wabaId, {
        name: ctx.names.published,
        categories: [FlowCategoryEnum.LeadGeneration],
        flow_json: VALID_FLOW,
        publish: true,
      });
      ctx.flows.published = res.id;
      return [res, await client.flows.getFlow(res.id, { fields: 'status,json_version' })];
    },
    canned: () => [{ json: { id: META.published, success: true } }, { json: { status: 'PUBLISHED', json_version: '7.3', id: META.published } }],
    check: async ([res, flow], requests, ctx) => {
      expect(requests).toHaveLength(2);
      const form = await multipart(expectRequest(requests[0], 'POST', v(ctx, ctx.wabaId, 'flows')));
      expect(form.get('name')).toBe(ctx.names.published);
      expect(form.get('categories')).toBe('["LEAD_GENERATION"]');
      expect(JSON.parse(String(form.get('flow_json')))).toEqual(VALID_FLOW);
      expect(form.get('publish')).toBe('true');
      expect(form.has('endpoint_uri')).toBe(false);
      expect(res.id).toMatch(DIGITS);
      expect(res.id).not.toBe(ctx.flows.main);
      expect(res.success).toBe(true);
      expect(res.validation_errors ?? []).toEqual([]);
      expect(expectRequest(requests[1], 'GET', v(ctx, res.id)).query.get('fields')).toBe('status,json_version');
      expect(flow).toEqual({ id: res.id, status: 'PUBLISHED', json_version: '7.3' });
    },
  }),

  step<FlowCreateResponse>({
    name: 'createFlow: clone_flow_id',
    run: async (client, ctx) => {
      const res = await client.flows.createFlow(ctx.wabaId, { name: ctx.names.clone, clone_flow_id: need(ctx.flows.published, 'published id') });
      ctx.flows.clone = res.id;
      return res;
    },
    canned: () => [{ json: { id: META.clone, success: true } }],
    check: async (res, requests, ctx) => {
      expect(requests).toHaveLength(1);
      const form = await multipart(expectRequest(requests[0], 'POST', v(ctx, ctx.wabaId, 'flows')));
      expect(form.get('name')).toBe(ctx.names.clone);
      expect(form.get('clone_flow_id')).toBe(ctx.flows.published);
      // Meta requires a category; the SDK sends OTHER when none is given.
      expect(form.get('categories')).toBe('["OTHER"]');
      expect(form.has('flow_json')).toBe(false);
      expect(res.id).toMatch(DIGITS);
      expect([ctx.flows.main, ctx.flows.published]).not.toContain(res.id);
      expect(res.success).toBe(true);
    },
  }),

  step<GraphCursorPage<Flow>>({
    name: 'listFlows: one page',
    run: (client, ctx) => client.flows.listFlows(ctx.wabaId),
    canned: (ctx) => [{ json: { data: wabaFlows(ctx), paging: { cursors: { before: CURSORS.first, after: CURSORS.second } } } }],
    check: (page, requests, ctx) => {
      expect(requests).toHaveLength(1);
      const req = expectRequest(requests[0], 'GET', v(ctx, ctx.wabaId, 'flows'));
      expect([...req.query.keys()]).toEqual([]);
      page.data.forEach(expectDefaultFlowFields);
      // Graph's order is not documented: compare as sets.
      expect(page.data.map((f) => f.id).sort()).toEqual([ctx.flows.main, ctx.flows.published, ctx.flows.clone].sort());
      expect(page.data.find((f) => f.id === ctx.flows.main)).toMatchObject({ name: ctx.names.renamed, status: 'PUBLISHED', categories: ['SURVEY', 'CUSTOMER_SUPPORT'] });
      expect(page.data.find((f) => f.id === ctx.flows.clone)).toMatchObject({ name: ctx.names.clone, status: 'DRAFT' });
      expect(page.hasNextPage()).toBe(false);
    },
  }),

  step<GraphCursorPage<Flow>>({
    name: 'listFlows: limit and fields',
    run: (client, ctx) => client.flows.listFlows(ctx.wabaId, { limit: 2, fields: ['id', 'name', 'status'] }),
    canned: (ctx) => [
      {
        json: {
          data: wabaFlows(ctx)
            .slice(0, 2)
            .map(({ id, name, status }) => ({ id, name, status })),
          paging: {
            cursors: { before: CURSORS.first, after: CURSORS.second },
            next: `https://graph.facebook.com/${ctx.apiVersion}/${ctx.wabaId}/flows?access_token=${ctx.token}&fields=id%2Cname%2Cstatus&limit=2&after=${CURSORS.second}`,
          },
        },
      },
    ],
    check: (page, requests, ctx) => {
      expect(requests).toHaveLength(1);
      const req = expectRequest(requests[0], 'GET', v(ctx, ctx.wabaId, 'flows'));
      expect(req.query.get('limit')).toBe('2');
      expect(req.query.get('fields')).toBe('id,name,status');
      expect(req.query.has('after')).toBe(false);
      expect(page.data).toHaveLength(2);
      for (const flow of page.data) {
        expect(Object.keys(flow).sort()).toEqual(['id', 'name', 'status']);
        expect([ctx.flows.main, ctx.flows.published, ctx.flows.clone]).toContain(flow.id);
      }
      expect(typeof page.paging?.cursors?.after).toBe('string');
      expect(typeof page.paging?.next).toBe('string');
      expect(page.hasNextPage()).toBe(true);
    },
  }),

  step<Flow[]>({
    name: 'listFlows: for await over every page',
    run: async (client, ctx) => {
      const all: Flow[] = [];
      for await (const flow of client.flows.listFlows(ctx.wabaId, { limit: 2 })) all.push(flow);
      return all;
    },
    canned: (ctx) => {
      const flows = wabaFlows(ctx);
      const next = `https://graph.facebook.com/${ctx.apiVersion}/${ctx.wabaId}/flows?access_token=${ctx.token}&limit=2&after=${CURSORS.second}`;
      return [
        { json: { data: flows.slice(0, 2), paging: { cursors: { before: CURSORS.first, after: CURSORS.second }, next } } },
        // The last page has no `next` (flows-platform §1.1; README "Pagination").
        { json: { data: flows.slice(2), paging: { cursors: { before: 'QVFIUlpHNVlRZAWdO', after: 'QVFIUlpHNVlRZAWdO' } } } },
      ];
    },
    check: (flows, requests, ctx) => {
      expect(requests).toHaveLength(2);
      const first = expectRequest(requests[0], 'GET', v(ctx, ctx.wabaId, 'flows'));
      expect(first.query.get('limit')).toBe('2');
      expect(first.query.has('after')).toBe(false);
      const after = (JSON.parse(first.reply.body) as { paging: { cursors: { after: string } } }).paging.cursors.after;
      const second = expectRequest(requests[1], 'GET', v(ctx, ctx.wabaId, 'flows'));
      expect(second.query.get('limit')).toBe('2');
      expect(second.query.get('after')).toBe(after);
      expect(second.query.has('before')).toBe(false);
      expect(flows.map((f) => f.id).sort()).toEqual([ctx.flows.main, ctx.flows.published, ctx.flows.clone].sort());
    },
  }),

  step<FlowMigrateResponse>({
    name: "migrateFlows: Meta's form (source_waba_id, source_flow_names)",
    run: (client, ctx) => client.flows.migrateFlows(ctx.destWabaId, { source_waba_id: ctx.wabaId, source_flow_names: [ctx.names.published, ctx.names.clone] }),
    canned: (ctx) => [
      {
        json: {
          migrated_flows: [
            { source_name: ctx.names.published, source_id: need(ctx.flows.published, 'published id'), migrated_id: META.migratedPublished },
            { source_name: ctx.names.clone, source_id: need(ctx.flows.clone, 'clone id'), migrated_id: META.migratedClone },
          ],
          failed_flows: [],
        },
      },
    ],
    check: async (res, requests, ctx) => {
      expect(requests).toHaveLength(1);
      const form = await multipart(expectRequest(requests[0], 'POST', v(ctx, ctx.destWabaId, 'migrate_flows')));
      expect(form.get('source_waba_id')).toBe(ctx.wabaId);
      expect(form.get('source_flow_names')).toBe(JSON.stringify([ctx.names.published, ctx.names.clone]));
      expect(res.failed_flows).toEqual([]);
      expect(res.migrated_flows).toHaveLength(2);
      const sources = { [ctx.names.published]: ctx.flows.published, [ctx.names.clone]: ctx.flows.clone };
      for (const m of res.migrated_flows) {
        expect(m.source_id).toBe(sources[m.source_name]);
        expect(m.migrated_id).toMatch(DIGITS);
        expect(Object.values(ctx.flows)).not.toContain(m.migrated_id);
      }
      expect(new Set(res.migrated_flows.map((m) => m.source_name))).toEqual(new Set([ctx.names.published, ctx.names.clone]));
    },
  }),

  step<FlowMigrateResponse>({
    name: 'migrateFlows: the same names again fail with 4233041',
    run: (client, ctx) => client.flows.migrateFlows(ctx.destWabaId, { source_waba_id: ctx.wabaId, source_flow_names: [ctx.names.published, ctx.names.clone] }),
    canned: (ctx) => {
      const failed = (name: string) => ({ source_name: name, error_code: '4233041', error_message: 'Flows Migration Error: Flow with the same name exists in destination WABA.' });
      return [{ json: { migrated_flows: [], failed_flows: [failed(ctx.names.published), failed(ctx.names.clone)] } }];
    },
    check: async (res, requests, ctx) => {
      expect(requests).toHaveLength(1);
      const form = await multipart(expectRequest(requests[0], 'POST', v(ctx, ctx.destWabaId, 'migrate_flows')));
      expect(form.get('source_waba_id')).toBe(ctx.wabaId);
      expect(res.migrated_flows).toEqual([]);
      expect(res.failed_flows.map((f) => f.source_name).sort()).toEqual([ctx.names.published, ctx.names.clone].sort());
      for (const f of res.failed_flows) {
        // A string, as in Meta's sample (flows-platform §1.3.9).
        expect(f.error_code).toBe('4233041');
        expect(typeof f.error_message).toBe('string');
      }
    },
  }),

  step<FlowMigrateResponse>({
    name: 'migrateFlows: the flow_ids form (an unknown id lands in failed_flows)',
    run: (client, ctx) => client.flows.migrateFlows(ctx.destWabaId, { flow_ids: [need(ctx.flows.main, 'main id'), UNKNOWN_FLOW_ID] }),
    canned: (ctx) => {
      const main = need(ctx.flows.main, 'main id');
      return [
        { when: { method: 'GET', path: v(ctx, main) }, json: { id: main, name: ctx.names.renamed, whatsapp_business_account: { id: ctx.wabaId } } },
        { when: { method: 'GET', path: v(ctx, UNKNOWN_FLOW_ID) }, status: 400, json: unknownObjectBody(UNKNOWN_FLOW_ID, 'get') },
        {
          when: { method: 'POST', path: v(ctx, ctx.destWabaId, 'migrate_flows') },
          json: { migrated_flows: [{ source_name: ctx.names.renamed, source_id: main, migrated_id: META.migratedMain }], failed_flows: [] },
        },
      ];
    },
    check: async (res, requests, ctx) => {
      const main = need(ctx.flows.main, 'main id');
      expect(requests).toHaveLength(3);
      // The two look-ups run concurrently: any order.
      const lookups = requests.slice(0, 2);
      expect(lookups.map((r) => `${r.method} ${r.path}`).sort()).toEqual([`GET ${v(ctx, main)}`, `GET ${v(ctx, UNKNOWN_FLOW_ID)}`].sort());
      for (const r of lookups) expect(r.query.get('fields')).toBe('id,name,whatsapp_business_account');
      const unknown = lookups.find((r) => r.path === v(ctx, UNKNOWN_FLOW_ID))!;
      expect(unknown.reply.status).toBe(400);
      // Code 100 (flows-platform §1.2 observed subcode 33 / GraphMethodException; §1.9 "Flow with specified ID does not exist").
      expect(JSON.parse(unknown.reply.body)).toMatchObject({ error: { code: 100 } });

      const form = await multipart(expectRequest(requests[2], 'POST', v(ctx, ctx.destWabaId, 'migrate_flows')));
      expect(form.get('source_waba_id')).toBe(ctx.wabaId);
      expect(form.get('source_flow_names')).toBe(JSON.stringify([ctx.names.renamed]));

      expect(res.migrated_flows).toHaveLength(1);
      expect(res.migrated_flows[0]).toMatchObject({ source_name: ctx.names.renamed, source_id: main });
      expect(res.migrated_flows[0]!.migrated_id).toMatch(DIGITS);
      expect(res.failed_flows).toHaveLength(1);
      expect(res.failed_flows[0]).toMatchObject({ source_id: UNKNOWN_FLOW_ID, error_code: '100' });
    },
  }),

  step<[SuccessResponse, Flow]>({
    name: 'deprecateFlow: PUBLISHED becomes DEPRECATED',
    run: async (client, ctx) => {
      const id = need(ctx.flows.published, 'published id');
      const res = await client.flows.deprecateFlow(id);
      return [res, await client.flows.getFlow(id, { fields: ['status'] })];
    },
    canned: (ctx) => [{ json: { success: true } }, { json: { status: 'DEPRECATED', id: need(ctx.flows.published, 'published id') } }],
    check: ([res, flow], requests, ctx) => {
      const id = need(ctx.flows.published, 'published id');
      expect(requests).toHaveLength(2);
      expect(expectRequest(requests[0], 'POST', v(ctx, id, 'deprecate')).body.length).toBe(0);
      expect(res).toEqual({ success: true });
      expectRequest(requests[1], 'GET', v(ctx, id));
      expect(flow).toEqual({ id, status: 'DEPRECATED' });
    },
  }),

  step<[SuccessResponse, unknown]>({
    name: 'deleteFlow: a draft; afterwards it does not exist',
    run: async (client, ctx) => {
      const id = need(ctx.flows.clone, 'clone id');
      const res = await client.flows.deleteFlow(id);
      return [res, await caught(client.flows.getFlow(id))];
    },
    canned: (ctx) => [{ json: { success: true } }, { status: 400, json: unknownObjectBody(need(ctx.flows.clone, 'clone id'), 'get') }],
    check: ([res, error], requests, ctx) => {
      const id = need(ctx.flows.clone, 'clone id');
      expect(requests).toHaveLength(2);
      expect(expectRequest(requests[0], 'DELETE', v(ctx, id)).body.length).toBe(0);
      expect(res).toEqual({ success: true });
      expectRequest(requests[1], 'GET', v(ctx, id));
      // Code 100; the subcode (33 observed, flows-platform §1.2) is not documented by Meta for flows.
      expectGraphError(error, 100);
    },
  }),

  step<unknown>({
    name: 'deleteFlow: a published flow gives GraphApiError 139004',
    run: (client, ctx) => caught(client.flows.deleteFlow(need(ctx.flows.main, 'main id'))),
    canned: () => [{ status: 400, json: flowErrorBody(139004, "Can't delete published Flow") }],
    check: (error, requests, ctx) => {
      expect(requests).toHaveLength(1);
      expectRequest(requests[0], 'DELETE', v(ctx, need(ctx.flows.main, 'main id')));
      expectGraphError(error, 139004);
    },
  }),
];

/** Meta's template creation body with a FLOW button (flows-platform §4.2). */
function templateCreateBody(ctx: ContractContext) {
  return {
    name: ctx.templateName,
    language: 'en_US',
    category: 'MARKETING',
    components: [
      { type: 'BODY', text: 'Tell us how we did' },
      { type: 'BUTTONS', buttons: [{ type: 'FLOW', text: 'Start survey', flow_id: need(ctx.flows.main, 'main id'), flow_action: 'navigate', navigate_screen: 'ASK' }] },
    ],
  };
}
