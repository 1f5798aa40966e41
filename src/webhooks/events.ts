/**
 * The typed events `createWebhookHandler` hands to its callbacks: camelCase fields, with Meta's snake_case
 * payload kept in `raw`. `WebhookEvent` is discriminated by `kind`; `FlowAlertEvent` by `event`.
 */
import type { FlowStatus } from '../enums/flow-status.js';
import type {
  RawEndpointAvailabilityValue,
  RawEndpointLatencyValue,
  RawErrorRateValue,
  RawFlowStatusChangeValue,
  RawFlowVersionExpiryValue,
  RawMessage,
  RawStatus,
  RawWebhookChange,
} from './payloads.js';
import type { FlowCompletionEvent, UserIdChangedEvent } from './message-events.js';

export type { WebhookUser } from '../platform/webhook-users.js';
export type { FlowCompletionEvent, UserIdChangedEvent } from './message-events.js';

/** Fields every `flows` field event carries. */
interface FlowsEventBase {
  flowId: string;
  /** The WhatsApp Business Account id (`entry.id`). */
  wabaId: string;
  /** `entry.time` (unix seconds). When Meta sent none, the time the webhook was received. */
  time: Date;
}

/** `FLOW_STATUS_CHANGE`: a flow was created (no `oldStatus`) or changed status (Meta: Flows webhooks, flows field). */
export interface FlowStatusChangeEvent extends FlowsEventBase {
  kind: 'flow_status_change';
  event: 'FLOW_STATUS_CHANGE';
  /** Absent when the flow was just created. */
  oldStatus?: FlowStatus;
  newStatus: FlowStatus;
  /** Meta's text: "Flow <name> changed status from DRAFT to PUBLISHED". */
  message: string;
  /** About a Flow JSON version that is about to freeze or expire. */
  warning?: string;
  raw: RawFlowStatusChangeValue;
}

/** Whether a health alert starts or ends. */
export type AlertState = 'ACTIVATED' | 'DEACTIVATED';

/** One error kind of an error-rate alert. */
export interface FlowErrorBreakdown {
  /** For example `TIMEOUT`, `PUBLIC_KEY_MISSING`, `INVALID_SCREEN_TRANSITION`. */
  errorType: string;
  /** Percent. */
  errorRate: number;
  errorCount: number;
}

/** Fields every health alert carries. */
interface FlowAlertBase extends FlowsEventBase {
  kind: 'flow_alert';
  alertState: AlertState;
  /** Meta's summary, when given. */
  message?: string;
}

/**
 * `CLIENT_ERROR_RATE` (screen navigation errors, 60-minute window) or `ENDPOINT_ERROR_RATE` (30-minute window)
 * crossed 5, 10 or 50 percent, up (`ACTIVATED`) or down (`DEACTIVATED`).
 */
export interface FlowErrorRateAlert<E extends 'CLIENT_ERROR_RATE' | 'ENDPOINT_ERROR_RATE' = 'CLIENT_ERROR_RATE' | 'ENDPOINT_ERROR_RATE'>
  extends FlowAlertBase {
  event: E;
  /** Percent. */
  errorRate: number;
  /** Percent. */
  threshold: number;
  errors: FlowErrorBreakdown[];
  raw: RawErrorRateValue<E>;
}

/** `CLIENT_ERROR_RATE` alert. */
export type ClientErrorRateAlert = FlowErrorRateAlert<'CLIENT_ERROR_RATE'>;

/** `ENDPOINT_ERROR_RATE` alert. */
export type EndpointErrorRateAlert = FlowErrorRateAlert<'ENDPOINT_ERROR_RATE'>;

/** `ENDPOINT_LATENCY`: the endpoint's p90 latency crossed 1 s, 5 s or 7 s (30-minute window). */
export interface EndpointLatencyAlert extends FlowAlertBase {
  event: 'ENDPOINT_LATENCY';
  /** Milliseconds. */
  p50Latency: number;
  /** Milliseconds. */
  p90Latency: number;
  requestsCount: number;
  /** Milliseconds. */
  threshold: number;
  raw: RawEndpointLatencyValue;
}

/** `ENDPOINT_AVAILABILITY`: availability fell below (or recovered above) 90 percent (10-minute window). */
export interface EndpointAvailabilityAlert extends FlowAlertBase {
  event: 'ENDPOINT_AVAILABILITY';
  /** Percent. */
  availability: number;
  /** Percent (Meta uses 90). */
  threshold: number;
  raw: RawEndpointAvailabilityValue;
}

/**
 * A flow health alert, discriminated by `event`. Numeric fields Meta left out are `NaN` (none is optional in
 * Meta's documentation); `raw` has the value as sent.
 */
export type FlowAlertEvent = ClientErrorRateAlert | EndpointErrorRateAlert | EndpointLatencyAlert | EndpointAvailabilityAlert;

/** The `event` names of health alerts. */
export type FlowAlertName = FlowAlertEvent['event'];

/** The health alerts' `event` names, for checks on raw values. */
export const FLOW_ALERT_EVENTS: readonly FlowAlertName[] = Object.freeze(['CLIENT_ERROR_RATE', 'ENDPOINT_ERROR_RATE', 'ENDPOINT_LATENCY', 'ENDPOINT_AVAILABILITY']);

/** `FLOW_VERSION_EXPIRY_WARNING`: a flow whose Flow JSON version is about to expire was sent. */
export interface FlowVersionExpiryEvent extends FlowsEventBase {
  kind: 'flow_version_expiry';
  event: 'FLOW_VERSION_EXPIRY_WARNING';
  /** "Your current Flow version will freeze in 21 days…" */
  warning: string;
  message?: string;
  raw: RawFlowVersionExpiryValue;
}

/**
 * Anything else: one inbound message that is not a flow completion, one delivery status, a `flows` event Meta
 * added after this SDK, or a change of another field.
 */
export interface WebhookChangeEvent {
  kind: 'change';
  /** The change's `field` (`messages`, `flows`, `message_template_status_update`, ...). */
  field: string;
  /** The WhatsApp Business Account id (`entry.id`). */
  wabaId: string;
  /** `entry.time`, when Meta sent one. */
  time?: Date;
  /** What this event is about: one message, one status, or the whole change. */
  item: 'message' | 'status' | 'change';
  /**
   * The change's value narrowed to this item, so a change with several messages is handed over once per message
   * and never twice: for a message `{ ...value, messages: [message] }` without `statuses`, for a status
   * `{ ...value, statuses: [status] }` without `messages`; otherwise the value as sent.
   */
  value: unknown;
  /** The message, when `item` is `'message'`. */
  message?: RawMessage;
  /** The status, when `item` is `'status'`. */
  status?: RawStatus;
  /** The whole change as Meta sent it: `{ field, value }`. */
  raw: RawWebhookChange;
}

/** Every event of a webhook body, discriminated by `kind`. */
export type WebhookEvent =
  | FlowCompletionEvent
  | UserIdChangedEvent
  | FlowStatusChangeEvent
  | FlowAlertEvent
  | FlowVersionExpiryEvent
  | WebhookChangeEvent;

/** A flow completion (`nfm_reply`). */
export function isFlowCompletion(event: WebhookEvent): event is FlowCompletionEvent {
  return event.kind === 'flow_completion';
}

/** A `user_changed_user_id` system message. */
export function isUserIdChanged(event: WebhookEvent): event is UserIdChangedEvent {
  return event.kind === 'user_id_changed';
}

/** A `FLOW_STATUS_CHANGE`. */
export function isFlowStatusChange(event: WebhookEvent): event is FlowStatusChangeEvent {
  return event.kind === 'flow_status_change';
}

/** One of the four health alerts. */
export function isFlowAlert(event: WebhookEvent): event is FlowAlertEvent {
  return event.kind === 'flow_alert';
}

/** A `FLOW_VERSION_EXPIRY_WARNING`. */
export function isFlowVersionExpiry(event: WebhookEvent): event is FlowVersionExpiryEvent {
  return event.kind === 'flow_version_expiry';
}

/** Anything that is not a flow event (other messages, statuses, other fields). */
export function isWebhookChange(event: WebhookEvent): event is WebhookChangeEvent {
  return event.kind === 'change';
}

/** A `CLIENT_ERROR_RATE` or `ENDPOINT_ERROR_RATE` alert. */
export function isErrorRateAlert(alert: FlowAlertEvent): alert is ClientErrorRateAlert | EndpointErrorRateAlert {
  return alert.event === 'CLIENT_ERROR_RATE' || alert.event === 'ENDPOINT_ERROR_RATE';
}

/** An `ENDPOINT_LATENCY` alert. */
export function isLatencyAlert(alert: FlowAlertEvent): alert is EndpointLatencyAlert {
  return alert.event === 'ENDPOINT_LATENCY';
}

/** An `ENDPOINT_AVAILABILITY` alert. */
export function isAvailabilityAlert(alert: FlowAlertEvent): alert is EndpointAvailabilityAlert {
  return alert.event === 'ENDPOINT_AVAILABILITY';
}
