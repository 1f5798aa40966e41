/**
 * Shared harness for the emulator's behaviour tests: an emulator served on 127.0.0.1 (port 0), the real SDK
 * client pointed at it, raw `fetch` for what the SDK would refuse to send, and assertions for Graph errors.
 */
import { expect } from 'vitest';
import { createEmulator, type Emulator, type EmulatorOptions, type RunningServer } from '../../../src/emulator/index.js';
import type { FlowStatus } from '../../../src/enums/flow-status.js';
import { GraphApiError, WhatsApp, type ClientOptions } from '../../../src/index.js';

export const WABA = '100000000000001';
export const OTHER_WABA = '100000000000099';
export const PHONE = '200000000000002';
export const TOKEN = 'test-token';
export const VERSION = 'v25.0';

export interface RawResponse {
  status: number;
  headers: Headers;
  text: string;
  /** The parsed body (undefined when it is not JSON). */
  body: any;
}

export interface RawInit {
  method?: string;
  /** A JSON body (sent as application/json). */
  json?: unknown;
  /** Any other body (FormData, URLSearchParams, string). */
  body?: BodyInit;
  headers?: Record<string, string>;
  /** Bearer token; `null` sends none. Default TOKEN. */
  token?: string | null;
}

export interface Harness {
  emu: Emulator;
  server: RunningServer;
  /** `http://127.0.0.1:<port>` */
  url: string;
  /** An SDK client on the emulator (fast retries are left at the SDK defaults unless overridden). */
  client: WhatsApp;
  newClient(options?: ClientOptions): WhatsApp;
  /** A request to a Graph path below the version (`/123/flows`), or to `/_emulator/...` as given. */
  raw(path: string, init?: RawInit): Promise<RawResponse>;
  /** Forces a status Meta sets itself (THROTTLED, BLOCKED) through the emulator's own route. */
  forceStatus(flowId: string, status: FlowStatus): Promise<void>;
  /** A deep copy of the emulator's state. */
  snapshot(): unknown;
  close(): Promise<void>;
}

export async function startEmulator(options: EmulatorOptions = {}, clientOptions: ClientOptions = {}): Promise<Harness> {
  const emu = createEmulator(options);
  const server = await emu.listen({ port: 0 });
  const url = server.url;
  const newClient = (extra: ClientOptions = {}) =>
    new WhatsApp({ accessToken: TOKEN, baseUrl: url, businessAcctId: WABA, phoneNumberId: PHONE, ...clientOptions, ...extra });
  const raw = (path: string, init: RawInit = {}) => rawRequest(url, path, init);
  return {
    emu,
    server,
    url,
    client: newClient(),
    newClient,
    raw,
    async forceStatus(flowId, status) {
      const res = await raw(`/_emulator/flows/${flowId}/status`, { method: 'POST', json: { status } });
      expect(res.status, res.text).toBe(200);
      expect(res.body).toMatchObject({ success: true, id: flowId, status });
    },
    snapshot: () => structuredClone(emu.state()),
    async close() {
      await server.close();
      await emu.close();
    },
  };
}

export async function rawRequest(base: string, path: string, init: RawInit = {}): Promise<RawResponse> {
  const headers: Record<string, string> = { ...init.headers };
  const token = init.token === undefined ? TOKEN : init.token;
  if (token !== null) headers.authorization = `Bearer ${token}`;
  let body = init.body;
  if (init.json !== undefined) {
    body = JSON.stringify(init.json);
    headers['content-type'] = 'application/json';
  }
  const target = path.startsWith('/_emulator') || /^https?:/.test(path) ? path : `/${VERSION}${path}`;
  const res = await fetch(/^https?:/.test(target) ? target : `${base}${target}`, { method: init.method ?? (body === undefined ? 'GET' : 'POST'), headers, body });
  const text = await res.text();
  let parsed: any;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  return { status: res.status, headers: res.headers, text, body: parsed };
}

export interface ExpectedGraphError {
  status: number;
  code: number;
  /** Absent: the error must have no subcode. */
  subcode?: number;
  /** Default OAuthException. */
  type?: string;
  message: string | RegExp;
  userTitle?: string | RegExp;
  userMessage?: string | RegExp;
  isTransient?: boolean;
  /** Expected `error_data.details` (Cloud API errors). */
  details?: string | RegExp;
}

function matches(actual: unknown, expected: string | RegExp, what: string): void {
  if (typeof expected === 'string') expect(actual, what).toBe(expected);
  else expect(actual, what).toMatch(expected);
}

/** Awaits a rejected SDK call and checks the GraphApiError's fields. */
export async function expectGraphError(call: Promise<unknown>, expected: ExpectedGraphError): Promise<GraphApiError> {
  const error = await call.then(
    (value) => {
      throw new Error(`expected a GraphApiError, got success: ${JSON.stringify(value)}`);
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(GraphApiError);
  const e = error as GraphApiError;
  expect(e.status, e.message).toBe(expected.status);
  expect(e.code, e.message).toBe(expected.code);
  expect(e.subcode, e.message).toBe(expected.subcode);
  expect(e.type).toBe(expected.type ?? 'OAuthException');
  expect(e.fbtraceId).toMatch(/^[A-Za-z0-9]{6,}$/);
  matches(e.error.message, expected.message, 'message');
  if (expected.userTitle !== undefined) matches(e.userTitle, expected.userTitle, 'userTitle');
  if (expected.userMessage !== undefined) matches(e.userMessage, expected.userMessage, 'userMessage');
  if (expected.isTransient !== undefined) expect(e.error.is_transient).toBe(expected.isTransient);
  if (expected.details !== undefined) matches((e.error.error_data as { details?: unknown } | undefined)?.details, expected.details, 'details');
  expectNoStackTrace(JSON.stringify(e.body));
  return e;
}

/** Checks a raw Graph error response. */
export function expectRawError(res: RawResponse, expected: ExpectedGraphError): void {
  expect(res.status, res.text).toBe(expected.status);
  expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  const error = res.body?.error;
  expect(error, res.text).toBeTypeOf('object');
  expect(error.code, res.text).toBe(expected.code);
  expect(error.error_subcode, res.text).toBe(expected.subcode);
  expect(error.type).toBe(expected.type ?? 'OAuthException');
  expect(error.fbtrace_id).toMatch(/^[A-Za-z0-9]{6,}$/);
  matches(error.message, expected.message, 'message');
  if (expected.userTitle !== undefined) matches(error.error_user_title, expected.userTitle, 'error_user_title');
  if (expected.userMessage !== undefined) matches(error.error_user_msg, expected.userMessage, 'error_user_msg');
  if (expected.isTransient !== undefined) expect(error.is_transient).toBe(expected.isTransient);
  if (expected.details !== undefined) matches(error.error_data?.details, expected.details, 'details');
  expectNoStackTrace(res.text);
}

/** No `at fn (file:line:col)` frames, no file paths of this machine. */
export function expectNoStackTrace(text: string): void {
  expect(text).not.toMatch(/\n\s+at\s/);
  expect(text).not.toMatch(/\bat .+\.(ts|js|mjs):\d+:\d+/);
  expect(text).not.toContain('/work/');
  expect(text).not.toContain('node_modules');
}

/** A one-screen, endpoint-less flow that validates cleanly. */
export function simpleFlowJson(version = '7.3', heading = 'Hello'): Record<string, unknown> {
  return {
    version,
    screens: [
      {
        id: 'WELCOME',
        title: 'Welcome',
        terminal: true,
        data: {},
        layout: {
          type: 'SingleColumnLayout',
          children: [
            { type: 'TextHeading', text: heading },
            { type: 'Footer', label: 'Done', 'on-click-action': { name: 'complete', payload: {} } },
          ],
        },
      },
    ],
  };
}

/** The endpoint flow skeleton of flows-platform Appendix C (valid; needs endpoint_uri and a public key to publish). */
export function endpointFlowJson(): Record<string, unknown> {
  return {
    version: '7.3',
    data_api_version: '4.0',
    routing_model: { START: ['DONE'] },
    screens: [
      {
        id: 'START',
        title: 'Start',
        data: { greeting: { type: 'string', __example__: 'Hi' } },
        layout: {
          type: 'SingleColumnLayout',
          children: [
            { type: 'TextHeading', text: '${data.greeting}' },
            { type: 'Footer', label: 'Continue', 'on-click-action': { name: 'data_exchange', payload: {} } },
          ],
        },
      },
      {
        id: 'DONE',
        title: 'Done',
        terminal: true,
        data: {},
        layout: {
          type: 'SingleColumnLayout',
          children: [{ type: 'Footer', label: 'Finish', 'on-click-action': { name: 'data_exchange', payload: {} } }],
        },
      },
    ],
  };
}

/** Flow JSON with validation errors (no terminal screen, bad screen id). */
export function invalidFlowJson(): Record<string, unknown> {
  return { version: '7.3', screens: [{ id: 'A1', layout: { type: 'SingleColumnLayout', children: [] } }] };
}

let counter = 0;
/** A flow name unique within the test run. */
export function uniqueName(prefix = 'flow'): string {
  return `${prefix}_${process.pid}_${++counter}`;
}

/**
 * Creates a flow and brings it to `status`: DRAFT (with valid JSON), PUBLISHED, THROTTLED and BLOCKED
 * (published, then forced through the emulator route) or DEPRECATED (published, then deprecated).
 */
export async function flowIn(h: Harness, status: FlowStatus, json: Record<string, unknown> = simpleFlowJson()): Promise<string> {
  const { id } = await h.client.flows.createFlow({ name: uniqueName(status.toLowerCase()), categories: ['OTHER'], flow_json: json });
  if (status === 'DRAFT') return id;
  await h.client.flows.publishFlow(id);
  if (status === 'THROTTLED' || status === 'BLOCKED') await h.forceStatus(id, status);
  if (status === 'DEPRECATED') await h.client.flows.deprecateFlow(id);
  const flow = await h.client.flows.getFlow(id, { fields: 'status' });
  expect(flow.status).toBe(status);
  return id;
}
