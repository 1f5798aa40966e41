/**
 * Shared pieces of the webhook receiver tests: signing (node:crypto, independent of the code under test), POSTs
 * to a handler, and webhook bodies written by hand from flows-platform §4.3 and §4.4.
 */
import { createHmac } from 'node:crypto';
import type {
  FlowAlertEvent,
  FlowCompletionEvent,
  FlowStatusChangeEvent,
  FlowVersionExpiryEvent,
  UserIdChangedEvent,
  WebhookChangeEvent,
  WebhookErrorContext,
  WebhookEvent,
  WebhookHandler,
  WebhookHandlerOptions,
} from '../../src/webhooks/index.js';

export const APP_SECRET = 'test-app-secret';
export const WABA = '102290129340398';
export const PHONE_ID = '106540352242922';
export const DISPLAY_PHONE = '15550783881';
export const USER = '16505551234';

/** `sha256=<hex>` over the exact bytes. */
export function sign(body: string | Uint8Array, secret = APP_SECRET): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

export interface PostOptions {
  /** Default: signed with APP_SECRET; `null` sends no signature; a string is sent as the header. */
  signature?: string | null;
  headers?: Record<string, string>;
  path?: string;
}

/** POSTs `body` (an object is serialised with JSON.stringify; text and bytes are sent as they are). */
export async function post(handler: WebhookHandler, body: unknown, options: PostOptions = {}): Promise<{ status: number; text: string; headers: Headers }> {
  const raw = typeof body === 'string' || body instanceof Uint8Array ? body : JSON.stringify(body);
  const headers: Record<string, string> = { 'content-type': 'application/json', ...options.headers };
  const signature = options.signature === undefined ? sign(raw) : options.signature;
  if (signature !== null) headers['x-hub-signature-256'] = signature;
  const res = await handler(new Request(`https://app.example${options.path ?? '/webhook'}`, { method: 'POST', headers, body: raw as BodyInit }));
  return { status: res.status, text: await res.text(), headers: res.headers };
}

/** The completion webhook of §4.3, as a string (`response_json` is a JSON string inside it). */
export function completionBody(overrides: { id?: string; responseJson?: string; timestamp?: string } = {}): string {
  const responseJson = overrides.responseJson ?? JSON.stringify({ flow_token: 'order-1234', rating: '5', comment: 'Great' });
  return JSON.stringify({
    object: 'whatsapp_business_account',
    entry: [
      {
        id: WABA,
        changes: [
          {
            field: 'messages',
            value: {
              messaging_product: 'whatsapp',
              metadata: { display_phone_number: DISPLAY_PHONE, phone_number_id: PHONE_ID },
              contacts: [{ profile: { name: 'Kerry Fisher' }, wa_id: USER }],
              messages: [
                {
                  context: { from: DISPLAY_PHONE, id: 'wamid.FLOW_MESSAGE' },
                  from: USER,
                  id: overrides.id ?? 'wamid.REPLY_1',
                  timestamp: overrides.timestamp ?? '1714510003',
                  type: 'interactive',
                  interactive: { type: 'nfm_reply', nfm_reply: { name: 'flow', body: 'Sent', response_json: responseJson } },
                },
              ],
            },
          },
        ],
      },
    ],
  });
}

/** A `flows` field body (§4.4): the WABA envelope with `time` and one value. */
export function flowsBody(value: Record<string, unknown>, time = 1714510003): Record<string, unknown> {
  return { object: 'whatsapp_business_account', entry: [{ id: WABA, time, changes: [{ field: 'flows', value }] }] };
}

/** Every `flows` value of §4.4, written by hand. */
export const FLOWS_VALUES = {
  created: { event: 'FLOW_STATUS_CHANGE', message: 'Flow survey has been created with DRAFT status', flow_id: '1002', new_status: 'DRAFT' },
  published: {
    event: 'FLOW_STATUS_CHANGE',
    message: 'Flow survey changed status from DRAFT to PUBLISHED',
    flow_id: '1002',
    old_status: 'DRAFT',
    new_status: 'PUBLISHED',
    warning: 'Your current Flow version will freeze in 21 days. Update the Flow JSON version.',
  },
  clientErrorRate: {
    event: 'CLIENT_ERROR_RATE',
    message: 'The client error rate of flow survey has reached 10%',
    flow_id: '1002',
    error_rate: 12.5,
    threshold: 10,
    alert_state: 'ACTIVATED',
    errors: [
      { error_type: 'INVALID_SCREEN_TRANSITION', error_rate: 8, error_count: 8 },
      { error_type: 'PUBLIC_KEY_MISSING', error_rate: 4.5, error_count: 4 },
    ],
  },
  endpointErrorRate: {
    event: 'ENDPOINT_ERROR_RATE',
    message: 'The endpoint error rate of flow survey has dropped below 5%',
    flow_id: '1002',
    error_rate: 2,
    threshold: 5,
    alert_state: 'DEACTIVATED',
    errors: [{ error_type: 'TIMEOUT', error_rate: 2, error_count: 3 }],
  },
  latency: {
    event: 'ENDPOINT_LATENCY',
    message: 'The p90 latency of flow survey has exceeded 1s',
    flow_id: '1002',
    p90_latency: 1500,
    p50_latency: 700,
    requests_count: 400,
    threshold: 1000,
    alert_state: 'ACTIVATED',
  },
  availability: { event: 'ENDPOINT_AVAILABILITY', flow_id: '1002', availability: 95, threshold: 90, alert_state: 'DEACTIVATED' },
  versionExpiry: {
    event: 'FLOW_VERSION_EXPIRY_WARNING',
    flow_id: '1002',
    warning: 'Your current Flow version will freeze in 21 days. Update the Flow JSON version.',
  },
} as const;

/** What each callback received, in order. */
export interface Received {
  completions: FlowCompletionEvent[];
  statusChanges: FlowStatusChangeEvent[];
  alerts: FlowAlertEvent[];
  expiries: FlowVersionExpiryEvent[];
  userIdChanges: UserIdChangedEvent[];
  changes: WebhookChangeEvent[];
  errors: Array<{ error: unknown; context: WebhookErrorContext }>;
  /** Every event, in arrival order. */
  all: WebhookEvent[];
}

/** Callbacks that record what they get, for `createWebhookHandler({ ...recorder(r) })`. */
export function recorder(): { received: Received; callbacks: Omit<WebhookHandlerOptions, 'appSecret'> } {
  const received: Received = { completions: [], statusChanges: [], alerts: [], expiries: [], userIdChanges: [], changes: [], errors: [], all: [] };
  return {
    received,
    callbacks: {
      onFlowCompletion: (e) => void (received.completions.push(e), received.all.push(e)),
      onFlowStatusChange: (e) => void (received.statusChanges.push(e), received.all.push(e)),
      onFlowAlert: (e) => void (received.alerts.push(e), received.all.push(e)),
      onFlowVersionExpiry: (e) => void (received.expiries.push(e), received.all.push(e)),
      onUserIdChanged: (e) => void (received.userIdChanges.push(e), received.all.push(e)),
      onMessage: (e) => void (received.changes.push(e), received.all.push(e)),
      onError: (error, context) => void received.errors.push({ error, context }),
    },
  };
}
