/**
 * `meta-cloud-api/webhooks`: the receiving side of WhatsApp webhooks for flows. `createWebhookHandler` verifies
 * and parses Meta's deliveries and hands typed events to callbacks: flow completions (`nfm_reply`, with
 * `response_json` parsed), `flows` field status changes and health alerts, once each.
 *
 * ```ts
 * import { createWebhookHandler } from 'meta-cloud-api/webhooks';
 * import { toNodeListener } from 'meta-cloud-api/adapters/node';
 *
 * const webhook = createWebhookHandler({
 *   appSecret: process.env.META_APP_SECRET!,
 *   verifyToken: process.env.WEBHOOK_VERIFY_TOKEN!,
 *   onFlowCompletion: async ({ flowToken, response, user }) => { ... }, // user.userId (BSUID), user.waId?
 *   onUserIdChanged: ({ user, newUserId }) => { ... },
 *   onFlowStatusChange: ({ flowId, oldStatus, newStatus }) => { ... },
 * });
 * createServer(toNodeListener(webhook)).listen(3000);
 * ```
 */
export {
  createWebhookHandler,
  type Awaitable,
  type WebhookErrorContext,
  type WebhookHandler,
  type WebhookHandlerOptions,
  type WebhookItemErrorContext,
  type WebhookRequestErrorContext,
} from './handler.js';
export {
  FLOW_ALERT_EVENTS,
  isAvailabilityAlert,
  isErrorRateAlert,
  isFlowAlert,
  isFlowCompletion,
  isFlowStatusChange,
  isFlowVersionExpiry,
  isLatencyAlert,
  isUserIdChanged,
  isWebhookChange,
  type AlertState,
  type ClientErrorRateAlert,
  type EndpointAvailabilityAlert,
  type EndpointErrorRateAlert,
  type EndpointLatencyAlert,
  type FlowAlertEvent,
  type FlowAlertName,
  type FlowCompletionEvent,
  type FlowErrorBreakdown,
  type FlowErrorRateAlert,
  type FlowStatusChangeEvent,
  type FlowVersionExpiryEvent,
  type UserIdChangedEvent,
  type WebhookUser,
  type WebhookChangeEvent,
  type WebhookEvent,
} from './events.js';
export { completionMedia, type FlowCompletionMedia } from './media.js';
export { parseCompletion } from './parse-completion.js';
export type { CompletionOf, CompletionPayload } from '../contract/index.js';
export { parseWebhookEvents } from './parse.js';
export { WebhookPayloadError } from './errors.js';
export { WhatsAppError, InvalidArgumentError } from '../core/base-errors.js';
export {
  memoryDedupe,
  DEFAULT_CLAIM_TTL_MS,
  DEFAULT_DEDUPE_MAX_SIZE,
  DEFAULT_DEDUPE_TTL_MS,
  type ClaimResult,
  type DedupeStore,
  type LegacyDedupeStore,
  type MemoryDedupeOptions,
} from './dedupe.js';
export { verifyWebhookSignature } from './signature.js';
export type * from './payloads.js';
