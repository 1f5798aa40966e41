/**
 * `createWebhookHandler`: the app's webhook callback URL as a Web handler `(Request) => Promise<Response>`.
 * GET answers Meta's verification; POST checks `X-Hub-Signature-256` over the raw bytes, parses the body and
 * hands each item to a typed callback, once.
 */
import { InvalidArgumentError } from '../core/base-errors.js';
import { DEFAULT_BODY_TIMEOUT_MS, declareBodyLimit } from '../internal/body-limit.js';
import { jsonNestsDeeperThan, MAX_JSON_DEPTH } from '../internal/json-depth.js';
import { logFailure } from '../internal/log.js';
import { readRawBody } from '../internal/read-body.js';
import { createRedactor, type Redactor } from '../internal/redact.js';
import { claimingLegacyStore, isDedupeStore, isLegacyDedupeStore, memoryDedupe, type ClaimResult, type DedupeStore, type LegacyDedupeStore, type MemoryDedupeOptions } from './dedupe.js';
import { eventId } from './event-id.js';
import type {
  FlowAlertEvent,
  FlowCompletionEvent,
  FlowStatusChangeEvent,
  FlowVersionExpiryEvent,
  UserIdChangedEvent,
  WebhookChangeEvent,
  WebhookEvent,
} from './events.js';
import { WebhookPayloadError } from './errors.js';
import { parseWebhookItems, type WebhookItem } from './parse.js';
import { verifyWebhookSignature } from './signature.js';
import { answerVerification } from './verification.js';

/** A value or a promise of it. */
export type Awaitable<T> = T | Promise<T>;

/** What went wrong, as reported to `onError`. */
export type WebhookErrorContext = WebhookItemErrorContext | WebhookRequestErrorContext;

/** A failure while handing over one item. */
export interface WebhookItemErrorContext {
  /**
   * `'callback'`: the callback for `event` threw or rejected; the request was answered 500 so Meta retries, and
   * the item was released, so the retry reaches the callback again.
   * `'dedupe'`: the de-duplication store failed. When claiming: the callback did not run and the answer is 500, so
   * Meta delivers the item again (never lost). When completing or releasing: the callback had already run (or
   * failed) and the answer does not change; the item's claim lapses after the store's claim TTL.
   */
  phase: 'callback' | 'dedupe';
  event: WebhookEvent;
  /** The item's de-duplication id. */
  id: string;
}

/** An unexpected failure outside the callbacks (reading the body, for example): answered 500. */
export interface WebhookRequestErrorContext {
  phase: 'request';
}

/** Options of {@link createWebhookHandler}. */
export interface WebhookHandlerOptions {
  /**
   * The Meta app secret (App Dashboard > App settings > Basic), or several during a rotation. Required: every POST
   * must carry a valid `X-Hub-Signature-256`, since anyone can POST to a public URL.
   */
  appSecret: string | readonly string[];
  /** The "Verify token" entered next to the callback URL; without it the verification GET is refused (403). */
  verifyToken?: string;
  /**
   * A flow was completed (`nfm_reply` message), by any user: `event.user` says who (a username user may have no
   * phone number, so no `from`).
   */
  onFlowCompletion?: (event: FlowCompletionEvent) => Awaitable<void>;
  /** A user's business-scoped user ID changed (`user_changed_user_id` system message, Meta: Business-scoped user IDs). */
  onUserIdChanged?: (event: UserIdChangedEvent) => Awaitable<void>;
  /** `FLOW_STATUS_CHANGE` (creation included). */
  onFlowStatusChange?: (event: FlowStatusChangeEvent) => Awaitable<void>;
  /** `CLIENT_ERROR_RATE`, `ENDPOINT_ERROR_RATE`, `ENDPOINT_LATENCY`, `ENDPOINT_AVAILABILITY` (switch on `event.event`). */
  onFlowAlert?: (event: FlowAlertEvent) => Awaitable<void>;
  /** `FLOW_VERSION_EXPIRY_WARNING`. */
  onFlowVersionExpiry?: (event: FlowVersionExpiryEvent) => Awaitable<void>;
  /**
   * Everything else: other messages, statuses, other fields, unknown `flows` events; once per message or status.
   * (`user_changed_user_id` system messages go to `onUserIdChanged` only.)
   */
  onMessage?: (change: WebhookChangeEvent) => Awaitable<void>;
  /**
   * A callback failed (answered 500), the de-duplication store failed, or the request could not be handled; called
   * once per failure with what failed (`context.phase`, and the event for callback and store failures). Without it,
   * each failure is logged once to `console.error` (the error's class and message, the phase and event kind; never
   * the app secret, the verify token or the payload); with it, nothing is logged. The 500 body stays empty.
   */
  onError?: (error: unknown, context: WebhookErrorContext) => void;
  /**
   * De-duplication of repeated deliveries: options of the in-memory store (default: ids kept 24 hours, at most
   * 10 000), a shared {@link DedupeStore} for several instances (`redisDedupe` from `meta-cloud-api/stores/redis`),
   * or `false` to hand every delivery over. A `has`/`add` store still works, with a one-time warning: it is not
   * atomic across instances.
   */
  dedupe?: DedupeStore | LegacyDedupeStore | MemoryDedupeOptions | false;
  /** Largest accepted body in bytes (default 4 MiB: Meta documents webhook payloads of up to 3 MB); larger bodies get 413. */
  maxBodyBytes?: number;
  /** Time allowed for the body to arrive, in ms (default 10 000); slower gets 408. */
  bodyTimeoutMs?: number;
}

/** The webhook handler: `(Request) => Promise<Response>`. Serve it with `toNodeListener` or any adapter. */
export type WebhookHandler = (request: Request) => Promise<Response>;

/** Default body limit: 4 MiB (Meta documents webhook payloads of up to 3 MB; Meta webhooks docs, "Webhook payloads"). */
export const DEFAULT_WEBHOOK_MAX_BODY_BYTES = 4 * 1024 * 1024;
/**
 * Deepest nesting of objects and arrays accepted in a delivery. Meta's webhook payloads nest about ten levels
 * (entry → changes → value → messages → interactive → nfm_reply; Meta webhooks docs, "Webhook payloads"); 512 is
 * the default depth of PHP's `json_decode` (php.net/json_decode), the limit the Flow JSON validator uses too, and
 * keeps every recursive walk of the parsed body far from the stack limit.
 */
export const MAX_WEBHOOK_JSON_DEPTH = MAX_JSON_DEPTH;
const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Creates the handler of your app's webhook callback URL.
 *
 * - `GET` with `hub.mode=subscribe` and your `verifyToken`: 200 with `hub.challenge` as text; otherwise 403.
 * - `POST`: 413 past `maxBodyBytes`; 401 when `X-Hub-Signature-256` is missing or wrong; 400 when the body is not
 *   a `whatsapp_business_account` webhook or is nested more than {@link MAX_WEBHOOK_JSON_DEPTH} levels deep; 500 when a callback or the
 *   de-duplication store failed (Meta retries the delivery, and items already handled are not handed over again);
 *   503 when an item is being handled by another delivery (here or on another instance: Meta comes back later);
 *   otherwise 200 with an empty body.
 * - Other methods: 405.
 *
 * Callbacks run before the answer, one item at a time in Meta's order, so a failure can be answered with 500.
 * Meta expects a quick answer: queue slow work instead of doing it in the callback.
 *
 * @throws InvalidArgumentError when `appSecret` is missing or an option has the wrong type.
 */
export function createWebhookHandler(options: WebhookHandlerOptions): WebhookHandler {
  const settings = readOptions(options);
  const redact = createRedactor([...settings.secrets, settings.verifyToken]);
  const report = (error: unknown, context: WebhookErrorContext) => reportFailure(options, redact, error, context);

  /** Hands one item to its callback, at most once across every instance sharing the store. */
  async function handleItem(item: WebhookItem): Promise<ItemOutcome> {
    const callback = callbackFor(options, item.event);
    if (!callback) return 'handled';
    const id = await eventId(item.identity);
    const { store } = settings;
    const context = { event: item.event, id };
    if (store) {
      let claim: ClaimResult;
      try {
        claim = await store.claim(id);
      } catch (error) {
        // Not handled, not lost: the answer is not 2xx, so Meta delivers the item again (flows-platform §6.8).
        report(error, { phase: 'dedupe', ...context });
        return 'failed';
      }
      if (claim === 'done') return 'handled';
      // Another delivery (here or on another instance) holds it: answering 2xx now would lose it should that one
      // fail, so Meta is asked to come back; by then it is done (skipped) or its claim has lapsed (taken here).
      if (claim === 'in-progress') return 'busy';
    }
    try {
      await callback(item.event);
    } catch (error) {
      report(error, { phase: 'callback', ...context });
      if (store) await settle(() => store.release(id), context);
      return 'failed';
    }
    // The callback ran: a store failure now is reported but does not ask Meta again (that would hand it over twice).
    if (store) await settle(() => store.complete(id), context);
    return 'handled';
  }

  async function settle(step: () => unknown, context: { event: WebhookEvent; id: string }): Promise<void> {
    try {
      await step();
    } catch (error) {
      report(error, { phase: 'dedupe', ...context });
    }
  }

  async function handlePost(request: Request): Promise<Response> {
    const raw = await readRawBody(request, settings.maxBody, settings.bodyTimeout);
    if (raw === 'too-large') return new Response(null, { status: 413 });
    if (raw === 'too-slow') return new Response(null, { status: 408, headers: { connection: 'close' } });
    // Meta's documentation fixes no status for a webhook whose signature does not verify; 401 is the usual answer
    // for "not authenticated". Nothing about why is sent.
    if (!(await verifyWebhookSignature(raw, request.headers.get('x-hub-signature-256'), settings.secrets))) {
      return new Response(null, { status: 401 });
    }
    if (jsonNestsDeeperThan(raw, MAX_WEBHOOK_JSON_DEPTH)) {
      // A 400, not a 500: the same delivery would fail the same way, so a retry loop would never end.
      return new Response(`The body is nested too deeply: more than ${MAX_WEBHOOK_JSON_DEPTH} levels of objects and arrays.`, { status: 400, headers: { 'content-type': 'text/plain; charset=utf-8' } });
    }
    let items: WebhookItem[];
    try {
      items = parseWebhookItems(JSON.parse(utf8.decode(raw)));
    } catch (error) {
      const detail = error instanceof WebhookPayloadError ? error.message : 'The body is not JSON.';
      return new Response(detail, { status: 400, headers: { 'content-type': 'text/plain; charset=utf-8' } });
    }
    let failed = false;
    let busy = false;
    // Every item is tried even after a failure, so the ones that succeed are marked and not handed over again.
    for (const item of items) {
      const outcome = await handleItem(item);
      if (outcome === 'failed') failed = true;
      else if (outcome === 'busy') busy = true;
    }
    // Meta retries any delivery not answered 2xx (flows-platform §6.8): 500 when something failed, 503 when an item
    // is only held elsewhere for now.
    return new Response(null, { status: failed ? 500 : busy ? 503 : 200 });
  }

  // The one body limit, declared on the handler so the Node/Express/Fastify adapters refuse larger bodies unread.
  return declareBodyLimit(async function webhookHandler(request: Request): Promise<Response> {
    if (request.method === 'GET') return answerVerification(new URL(request.url), settings.verifyToken);
    if (request.method === 'POST') {
      try {
        return await handlePost(request);
      } catch (error) {
        report(error, { phase: 'request' });
        return new Response(null, { status: 500 });
      }
    }
    return new Response(null, { status: 405, headers: { allow: 'GET, POST' } });
  }, settings.maxBody);
}

type Callback = (event: never) => Awaitable<void>;

/** What became of one item: handed over (or already done), failed (answer 500), or held elsewhere (answer 503). */
type ItemOutcome = 'handled' | 'failed' | 'busy';

function callbackFor(options: WebhookHandlerOptions, event: WebhookEvent): ((event: WebhookEvent) => Awaitable<void>) | undefined {
  let callback: Callback | undefined;
  switch (event.kind) {
    case 'flow_completion':
      callback = options.onFlowCompletion;
      break;
    case 'user_id_changed':
      callback = options.onUserIdChanged;
      break;
    case 'flow_status_change':
      callback = options.onFlowStatusChange;
      break;
    case 'flow_alert':
      callback = options.onFlowAlert;
      break;
    case 'flow_version_expiry':
      callback = options.onFlowVersionExpiry;
      break;
    case 'change':
      callback = options.onMessage;
      break;
  }
  // Each callback is picked by the event's `kind`, so it gets the event type it declares.
  return callback as ((event: WebhookEvent) => Awaitable<void>) | undefined;
}

interface Settings {
  secrets: readonly string[];
  verifyToken: string | undefined;
  maxBody: number;
  bodyTimeout: number;
  store: DedupeStore | undefined;
}

const CALLBACKS = ['onFlowCompletion', 'onUserIdChanged', 'onFlowStatusChange', 'onFlowAlert', 'onFlowVersionExpiry', 'onMessage', 'onError'] as const;

function readOptions(options: WebhookHandlerOptions): Settings {
  if (!options || typeof options !== 'object') throw new InvalidArgumentError('createWebhookHandler needs options: { appSecret, verifyToken?, onFlowCompletion?, ... }.');
  const given = options.appSecret;
  const secrets = (typeof given === 'string' ? [given] : Array.isArray(given) ? given : []).filter((s): s is string => typeof s === 'string' && s !== '');
  if (secrets.length === 0) {
    throw new InvalidArgumentError(
      'createWebhookHandler needs { appSecret }: your Meta app secret (App Dashboard > App settings > Basic), or a list of them during a rotation. Webhooks must be verified: without it anyone could post fake events to your URL.',
    );
  }
  if (options.verifyToken !== undefined && (typeof options.verifyToken !== 'string' || options.verifyToken === '')) {
    throw new InvalidArgumentError('verifyToken must be a non-empty string: the "Verify token" you entered in the App Dashboard.');
  }
  for (const name of CALLBACKS) {
    if (options[name] !== undefined && typeof options[name] !== 'function') throw new InvalidArgumentError(`${name} must be a function.`);
  }
  const maxBody = options.maxBodyBytes ?? DEFAULT_WEBHOOK_MAX_BODY_BYTES;
  if (!Number.isInteger(maxBody) || maxBody < 1) throw new InvalidArgumentError('maxBodyBytes must be a positive integer.');
  const bodyTimeout = options.bodyTimeoutMs ?? DEFAULT_BODY_TIMEOUT_MS;
  if (!(bodyTimeout > 0) || !Number.isFinite(bodyTimeout)) throw new InvalidArgumentError('bodyTimeoutMs must be a positive number of milliseconds.');
  const dedupe = options.dedupe;
  let store: DedupeStore | undefined;
  if (dedupe === false) store = undefined;
  else if (dedupe === undefined) store = memoryDedupe();
  else if (isDedupeStore(dedupe)) store = dedupe;
  else if (isLegacyDedupeStore(dedupe)) store = claimingLegacyStore(dedupe);
  else if (typeof dedupe === 'object' && dedupe !== null) store = memoryDedupe(dedupe);
  else throw new InvalidArgumentError('dedupe must be a store { claim(id, ttlMs), complete(id), release(id) }, options of the in-memory store, or false.');
  return { secrets, verifyToken: options.verifyToken, maxBody, bodyTimeout, store };
}

/** One failure, once: to onError when given, else one redacted line on console.error. */
function reportFailure(options: WebhookHandlerOptions, redact: Redactor, error: unknown, context: WebhookErrorContext): void {
  if (!options.onError) {
    logFailure('webhook handler', error, redact, context.phase === 'request' ? 'reading the request' : `${context.phase}, event ${context.event.kind}`);
    return;
  }
  try {
    options.onError(error, context);
  } catch {
    // A failing error reporter must not change the answer.
  }
}
