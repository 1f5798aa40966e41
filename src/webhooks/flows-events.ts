/** `flows` field values → typed events (flows-platform §4.4). */
import type { FlowStatus } from '../enums/flow-status.js';
import type { AlertState, FlowAlertEvent, FlowErrorBreakdown, FlowStatusChangeEvent, FlowVersionExpiryEvent } from './events.js';
import type {
  RawEndpointAvailabilityValue,
  RawEndpointLatencyValue,
  RawErrorRateValue,
  RawFlowStatusChangeValue,
  RawFlowVersionExpiryValue,
} from './payloads.js';

/** The entry a `flows` value came in. */
export interface FlowsOrigin {
  wabaId: string;
  time: Date;
}

/** A typed `flows` event, or `undefined` for an event name this SDK does not know (or a value without `flow_id`). */
export function toFlowsEvent(value: Record<string, unknown>, origin: FlowsOrigin): FlowStatusChangeEvent | FlowAlertEvent | FlowVersionExpiryEvent | undefined {
  if (typeof value.flow_id !== 'string' && typeof value.flow_id !== 'number') return undefined;
  const base = { flowId: String(value.flow_id), wabaId: origin.wabaId, time: origin.time };
  const message = typeof value.message === 'string' ? value.message : undefined;
  switch (value.event) {
    case 'FLOW_STATUS_CHANGE': {
      if (typeof value.new_status !== 'string') return undefined;
      return {
        kind: 'flow_status_change',
        event: 'FLOW_STATUS_CHANGE',
        ...base,
        ...(typeof value.old_status === 'string' ? { oldStatus: value.old_status as FlowStatus } : {}),
        newStatus: value.new_status as FlowStatus,
        message: message ?? '',
        ...(typeof value.warning === 'string' ? { warning: value.warning } : {}),
        raw: value as unknown as RawFlowStatusChangeValue,
      };
    }
    case 'CLIENT_ERROR_RATE':
    case 'ENDPOINT_ERROR_RATE':
      return {
        kind: 'flow_alert',
        event: value.event,
        ...base,
        ...alertFields(value, message),
        errorRate: num(value.error_rate),
        threshold: num(value.threshold),
        errors: breakdown(value.errors),
        raw: value as unknown as RawErrorRateValue<typeof value.event>,
      } as FlowAlertEvent;
    case 'ENDPOINT_LATENCY':
      return {
        kind: 'flow_alert',
        event: 'ENDPOINT_LATENCY',
        ...base,
        ...alertFields(value, message),
        p50Latency: num(value.p50_latency),
        p90Latency: num(value.p90_latency),
        requestsCount: num(value.requests_count),
        threshold: num(value.threshold),
        raw: value as unknown as RawEndpointLatencyValue,
      };
    case 'ENDPOINT_AVAILABILITY':
      return {
        kind: 'flow_alert',
        event: 'ENDPOINT_AVAILABILITY',
        ...base,
        ...alertFields(value, message),
        availability: num(value.availability),
        threshold: num(value.threshold),
        raw: value as unknown as RawEndpointAvailabilityValue,
      };
    case 'FLOW_VERSION_EXPIRY_WARNING':
      return {
        kind: 'flow_version_expiry',
        event: 'FLOW_VERSION_EXPIRY_WARNING',
        ...base,
        warning: typeof value.warning === 'string' ? value.warning : '',
        ...(message === undefined ? {} : { message }),
        raw: value as unknown as RawFlowVersionExpiryValue,
      };
    default:
      return undefined;
  }
}

function alertFields(value: Record<string, unknown>, message: string | undefined): { alertState: AlertState; message?: string } {
  // Meta's values are ACTIVATED and DEACTIVATED; anything else is passed on as sent (see `raw`).
  const alertState = String(value.alert_state ?? '') as AlertState;
  return message === undefined ? { alertState } : { alertState, message };
}

function breakdown(errors: unknown): FlowErrorBreakdown[] {
  if (!Array.isArray(errors)) return [];
  return errors
    .filter((e): e is Record<string, unknown> => !!e && typeof e === 'object')
    .map((e) => ({ errorType: String(e.error_type ?? ''), errorRate: num(e.error_rate), errorCount: num(e.error_count) }));
}

/** A number as sent, a numeric string as its number, anything else NaN. */
function num(value: unknown): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && value.trim() !== '') return Number(value);
  return NaN;
}
