/**
 * Builders for the webhook bodies the emulator sends: the `flows` field (Meta: Flows webhooks, flows field) and the
 * `messages` field (§4.3, used for flow completions).
 */
import type { FlowStatus } from '../../enums/flow-status.js';
import { wabaEnvelope, type WebhookEnvelope } from './envelope.js';
import type {
  AlertState,
  ClientErrorRateValue,
  EndpointAvailabilityValue,
  EndpointErrorRateValue,
  EndpointLatencyValue,
  FlowErrorBreakdown,
  FlowStatusChangeValue,
  FlowsWebhookValue,
  FlowVersionExpiryWarningValue,
} from './event-types.js';

/** A whole `flows` field webhook body. */
export type FlowsFieldEnvelope<V extends FlowsWebhookValue = FlowsWebhookValue> = WebhookEnvelope<'flows', V>;

/** A whole `messages` field webhook body. */
export type MessagesFieldEnvelope<V extends object> = WebhookEnvelope<'messages', V>;

/** Wraps a `flows` value in the WABA envelope; the entry's `time` is `time` (default now) in unix seconds. */
export function flowsFieldEnvelope<V extends FlowsWebhookValue>(wabaId: string, value: V, time: Date = new Date()): FlowsFieldEnvelope<V> {
  return wabaEnvelope(wabaId, 'flows', value, time);
}

/**
 * Wraps a `messages` value in the WABA envelope. Meta's `messages` samples have no `time` on the entry,
 * so it is only added when `time` is given.
 */
export function messagesFieldEnvelope<V extends object>(wabaId: string, value: V, time?: Date): MessagesFieldEnvelope<V> {
  return wabaEnvelope(wabaId, 'messages', value, time);
}

/** Input of {@link flowStatusChangeEvent}. */
export interface FlowStatusChangeInput {
  wabaId: string;
  flowId: string;
  flowName: string;
  /** Absent when the flow was just created. */
  oldStatus?: FlowStatus;
  newStatus: FlowStatus;
  /** Default now. */
  time?: Date;
  warning?: string;
}

/**
 * The `FLOW_STATUS_CHANGE` value with Meta's message:
 * "Flow <name> has been created with DRAFT status" on create (no `oldStatus`),
 * "Flow <name> changed status from <old> to <new>" otherwise.
 */
export function flowStatusChangeValue(input: Omit<FlowStatusChangeInput, 'wabaId' | 'time'>): FlowStatusChangeValue {
  const { flowId, flowName, oldStatus, newStatus, warning } = input;
  const message = oldStatus === undefined
    ? `Flow ${flowName} has been created with ${newStatus} status`
    : `Flow ${flowName} changed status from ${oldStatus} to ${newStatus}`;
  return {
    event: 'FLOW_STATUS_CHANGE',
    message,
    flow_id: flowId,
    ...(oldStatus === undefined ? {} : { old_status: oldStatus }),
    new_status: newStatus,
    ...(warning === undefined ? {} : { warning }),
  };
}

/** The whole `flows` webhook body for a flow's creation or status change. */
export function flowStatusChangeEvent(input: FlowStatusChangeInput): FlowsFieldEnvelope<FlowStatusChangeValue> {
  return flowsFieldEnvelope(input.wabaId, flowStatusChangeValue(input), input.time);
}

/** Fields every alert builder takes. */
export interface AlertInput {
  flowId: string;
  alertState: AlertState;
  message?: string;
}

/** Input of the error-rate builders (percentages). */
export interface ErrorRateInput extends AlertInput {
  errorRate: number;
  threshold: number;
  errors?: FlowErrorBreakdown[];
}

/** `ENDPOINT_ERROR_RATE` value. */
export function endpointErrorRateValue(input: ErrorRateInput): EndpointErrorRateValue {
  return { event: 'ENDPOINT_ERROR_RATE', ...alertBase(input), ...errorRateFields(input) };
}

/** `CLIENT_ERROR_RATE` value. */
export function clientErrorRateValue(input: ErrorRateInput): ClientErrorRateValue {
  return { event: 'CLIENT_ERROR_RATE', ...alertBase(input), ...errorRateFields(input) };
}

/** Input of {@link endpointLatencyValue} (milliseconds). */
export interface LatencyInput extends AlertInput {
  p90LatencyMs: number;
  p50LatencyMs: number;
  requestsCount: number;
  thresholdMs: number;
}

/** `ENDPOINT_LATENCY` value. */
export function endpointLatencyValue(input: LatencyInput): EndpointLatencyValue {
  return {
    event: 'ENDPOINT_LATENCY',
    ...alertBase(input),
    p90_latency: input.p90LatencyMs,
    p50_latency: input.p50LatencyMs,
    requests_count: input.requestsCount,
    threshold: input.thresholdMs,
  };
}

/** Input of {@link endpointAvailabilityValue} (percentages; Meta's threshold is 90). */
export interface AvailabilityInput extends AlertInput {
  availability: number;
  threshold?: number;
}

/** `ENDPOINT_AVAILABILITY` value. */
export function endpointAvailabilityValue(input: AvailabilityInput): EndpointAvailabilityValue {
  return { event: 'ENDPOINT_AVAILABILITY', ...alertBase(input), availability: input.availability, threshold: input.threshold ?? 90 };
}

/** `FLOW_VERSION_EXPIRY_WARNING` value. */
export function flowVersionExpiryWarningValue(input: { flowId: string; warning: string; message?: string }): FlowVersionExpiryWarningValue {
  return {
    event: 'FLOW_VERSION_EXPIRY_WARNING',
    ...(input.message === undefined ? {} : { message: input.message }),
    flow_id: input.flowId,
    warning: input.warning,
  };
}

function alertBase(input: AlertInput): { message?: string; flow_id: string; alert_state: AlertState } {
  return {
    ...(input.message === undefined ? {} : { message: input.message }),
    flow_id: input.flowId,
    alert_state: input.alertState,
  };
}

function errorRateFields(input: ErrorRateInput): { error_rate: number; threshold: number; errors: FlowErrorBreakdown[] } {
  return { error_rate: input.errorRate, threshold: input.threshold, errors: input.errors ?? [] };
}
