/**
 * Values of the `flows` webhook field (flows-platform §4.4) and a minimal `messages` value (§4.3).
 * Field names are Meta's, byte for byte.
 */
import type { FlowStatus } from '../../enums/flow-status.js';

/** Whether a health alert starts or ends. */
export type AlertState = 'ACTIVATED' | 'DEACTIVATED';

/** A flow was created (`new_status` only) or changed status. */
export interface FlowStatusChangeValue {
  event: 'FLOW_STATUS_CHANGE';
  message: string;
  flow_id: string;
  old_status?: FlowStatus;
  new_status: FlowStatus;
  /** About a Flow JSON version that is about to freeze or expire. */
  warning?: string;
}

/** One error kind inside an error-rate alert. */
export interface FlowErrorBreakdown {
  /** For example `TIMEOUT`, `PUBLIC_KEY_MISSING`, `INVALID_SCREEN_TRANSITION`. */
  error_type: string;
  /** Percent. */
  error_rate: number;
  error_count: number;
}

/** Fields every health alert carries. */
interface AlertValueBase {
  /** Meta's human-readable summary; omitted when the emulator has none to give. */
  message?: string;
  flow_id: string;
  alert_state: AlertState;
}

/** Endpoint or client error rate crossed a threshold (5, 10 or 50 percent). */
export interface ErrorRateValue<E extends 'ENDPOINT_ERROR_RATE' | 'CLIENT_ERROR_RATE'> extends AlertValueBase {
  event: E;
  /** Percent. */
  error_rate: number;
  /** Percent. */
  threshold: number;
  errors: FlowErrorBreakdown[];
}

/** Endpoint error rate alert. */
export type EndpointErrorRateValue = ErrorRateValue<'ENDPOINT_ERROR_RATE'>;

/** Client (screen navigation) error rate alert. */
export type ClientErrorRateValue = ErrorRateValue<'CLIENT_ERROR_RATE'>;

/** p90 endpoint latency crossed a threshold (1 s, 5 s or 7 s). */
export interface EndpointLatencyValue extends AlertValueBase {
  event: 'ENDPOINT_LATENCY';
  /** Milliseconds. */
  p90_latency: number;
  /** Milliseconds. */
  p50_latency: number;
  requests_count: number;
  /** Milliseconds. */
  threshold: number;
}

/** Endpoint availability fell below (or recovered above) 90 percent. */
export interface EndpointAvailabilityValue extends AlertValueBase {
  event: 'ENDPOINT_AVAILABILITY';
  /** Percent. */
  availability: number;
  /** Percent (Meta uses 90). */
  threshold: number;
}

/** A flow whose Flow JSON version is about to expire was sent. */
export interface FlowVersionExpiryWarningValue {
  event: 'FLOW_VERSION_EXPIRY_WARNING';
  message?: string;
  flow_id: string;
  warning: string;
}

/** Any value of the `flows` field. */
export type FlowsWebhookValue =
  | FlowStatusChangeValue
  | EndpointErrorRateValue
  | ClientErrorRateValue
  | EndpointLatencyValue
  | EndpointAvailabilityValue
  | FlowVersionExpiryWarningValue;

/** The frame of a `messages` field value; `messages` holds e.g. the `nfm_reply` of a completed flow. */
export interface MessagesWebhookValue {
  messaging_product: 'whatsapp';
  metadata: { display_phone_number: string; phone_number_id: string };
  contacts?: Array<{ profile: { name: string }; wa_id: string }>;
  messages?: Array<Record<string, unknown>>;
  statuses?: Array<Record<string, unknown>>;
  errors?: Array<Record<string, unknown>>;
}
