/**
 * Meta's wire shapes of the webhooks this module reads, in Meta's snake_case (Meta: Flows webhooks, Flow completion message; Flows webhooks, flows field).
 * They describe what Meta documents; the parser still checks every field it reads, because a webhook body is
 * input from the network. Fields Meta adds later are kept as sent (the index signatures): an unknown field is never
 * a reason to drop an event.
 */
import type { FlowStatus } from '../enums/flow-status.js';
import type { WebhookContact } from '../platform/webhook-users.js';

/** Whether a health alert starts (`ACTIVATED`) or ends (`DEACTIVATED`). */
export type RawAlertState = 'ACTIVATED' | 'DEACTIVATED';

/** The body of every WhatsApp Business Account webhook. */
export interface RawWebhookEnvelope {
  object: 'whatsapp_business_account';
  entry: RawWebhookEntry[];
}

/** One entry: changes of one WhatsApp Business Account. */
export interface RawWebhookEntry {
  /** The WABA id. */
  id: string;
  /** Unix seconds; present on `flows` webhooks, usually absent on `messages`. */
  time?: number;
  changes: RawWebhookChange[];
}

/** One change: the subscribed `field` and its `value`. */
export interface RawWebhookChange {
  field: string;
  value: unknown;
}

/** The value of a `messages` change. */
export interface RawMessagesValue {
  messaging_product: 'whatsapp';
  metadata: { display_phone_number?: string; phone_number_id: string };
  contacts?: RawContact[];
  messages?: RawMessage[];
  statuses?: RawStatus[];
  errors?: Array<Record<string, unknown>>;
}

/**
 * A contact of a `messages` change: `user_id` (BSUID) always, `wa_id` only when the user shares their phone number,
 * `username` when they have one (Meta: Business-scoped user IDs; src/platform/webhook-users.ts).
 */
export type RawContact = WebhookContact;

/** An inbound message (only the fields this module reads are spelled out). */
export interface RawMessage {
  id: string;
  /** The user's phone number; absent for a user who does not share it (Meta: Business-scoped user IDs). */
  from?: string;
  /** The user's business-scoped user ID (Meta: Business-scoped user IDs). */
  from_user_id?: string;
  /** The user's parent BSUID, when parent BSUIDs are enabled. */
  from_parent_user_id?: string;
  /** Unix seconds, as a string. */
  timestamp: string;
  type: string;
  context?: { from?: string; id?: string };
  interactive?: { type: string; nfm_reply?: RawNfmReply; [key: string]: unknown };
  [key: string]: unknown;
}

/** The `nfm_reply` of a completed flow. */
export interface RawNfmReply {
  name?: string;
  body?: string;
  /** A JSON *string*: the `complete` payload or the endpoint's `extension_message_response.params`. */
  response_json: string;
  [key: string]: unknown;
}

/** The `system` object of a `type: "system"` message (`user_changed_number`, `user_changed_user_id`, ...). */
export interface RawSystem {
  type: string;
  body?: string;
  /** `user_changed_number`: the new phone number. */
  wa_id?: string;
  /** `user_changed_user_id`: the new BSUID (field name by analogy with `wa_id`; UNVERIFIED, see `raw`). */
  user_id?: string;
  [key: string]: unknown;
}

/** A delivery status of an outbound message. */
export interface RawStatus {
  id: string;
  status: string;
  timestamp: string;
  recipient_id?: string;
  [key: string]: unknown;
}

/** `FLOW_STATUS_CHANGE` (created: `new_status` only). */
export interface RawFlowStatusChangeValue {
  event: 'FLOW_STATUS_CHANGE';
  message: string;
  flow_id: string;
  old_status?: FlowStatus;
  new_status: FlowStatus;
  warning?: string;
  [key: string]: unknown;
}

/** One error kind inside an error-rate alert. */
export interface RawFlowErrorBreakdown {
  error_type: string;
  /** Percent. */
  error_rate: number;
  error_count: number;
  [key: string]: unknown;
}

/** `CLIENT_ERROR_RATE` or `ENDPOINT_ERROR_RATE`. */
export interface RawErrorRateValue<E extends 'CLIENT_ERROR_RATE' | 'ENDPOINT_ERROR_RATE' = 'CLIENT_ERROR_RATE' | 'ENDPOINT_ERROR_RATE'> {
  event: E;
  message?: string;
  flow_id: string;
  alert_state: RawAlertState;
  /** Percent. */
  error_rate: number;
  /** Percent (5, 10 or 50). */
  threshold: number;
  errors?: RawFlowErrorBreakdown[];
  [key: string]: unknown;
}

/** `ENDPOINT_LATENCY` (milliseconds). */
export interface RawEndpointLatencyValue {
  event: 'ENDPOINT_LATENCY';
  message?: string;
  flow_id: string;
  alert_state: RawAlertState;
  p50_latency: number;
  p90_latency: number;
  requests_count: number;
  threshold: number;
  [key: string]: unknown;
}

/** `ENDPOINT_AVAILABILITY` (percent; Meta's threshold is 90). */
export interface RawEndpointAvailabilityValue {
  event: 'ENDPOINT_AVAILABILITY';
  message?: string;
  flow_id: string;
  alert_state: RawAlertState;
  availability: number;
  threshold: number;
  [key: string]: unknown;
}

/** `FLOW_VERSION_EXPIRY_WARNING`. */
export interface RawFlowVersionExpiryValue {
  event: 'FLOW_VERSION_EXPIRY_WARNING';
  message?: string;
  flow_id: string;
  warning: string;
  [key: string]: unknown;
}

/** Any documented value of the `flows` field. */
export type RawFlowsValue =
  | RawFlowStatusChangeValue
  | RawErrorRateValue
  | RawEndpointLatencyValue
  | RawEndpointAvailabilityValue
  | RawFlowVersionExpiryValue;
