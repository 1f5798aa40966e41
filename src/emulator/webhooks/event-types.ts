/**
 * The values of the webhooks the emulator sends. Meta's wire shapes are described once, in
 * `src/webhooks/payloads.ts` (the receiver's side); the sender uses the same types, so what the emulator sends and
 * what `createWebhookHandler` reads cannot drift apart.
 */
import type {
  RawAlertState,
  RawEndpointAvailabilityValue,
  RawEndpointLatencyValue,
  RawErrorRateValue,
  RawFlowErrorBreakdown,
  RawFlowStatusChangeValue,
  RawFlowVersionExpiryValue,
  RawFlowsValue,
  RawMessagesValue,
} from '../../webhooks/payloads.js';

export type AlertState = RawAlertState;
export type FlowStatusChangeValue = RawFlowStatusChangeValue;
export type FlowErrorBreakdown = RawFlowErrorBreakdown;
export type ErrorRateValue<E extends 'ENDPOINT_ERROR_RATE' | 'CLIENT_ERROR_RATE'> = RawErrorRateValue<E> & { errors: FlowErrorBreakdown[] };
export type EndpointErrorRateValue = ErrorRateValue<'ENDPOINT_ERROR_RATE'>;
export type ClientErrorRateValue = ErrorRateValue<'CLIENT_ERROR_RATE'>;
export type EndpointLatencyValue = RawEndpointLatencyValue;
export type EndpointAvailabilityValue = RawEndpointAvailabilityValue;
export type FlowVersionExpiryWarningValue = RawFlowVersionExpiryValue;
export type FlowsWebhookValue = RawFlowsValue;
export type MessagesWebhookValue = RawMessagesValue;
