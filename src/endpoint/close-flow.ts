import { InvalidArgumentError } from '../core/base-errors.js';
import type { FlowResponse } from './types.js';

/**
 * The SUCCESS answer (Meta: Implementing endpoints for Flows, data exchange response): `params` (with the flow token)
 * arrive in the completion's `response_json`. `P` types the params (a typed endpoint requires the flow's `complete`
 * payload).
 */
export interface CloseFlowResponse<P = Record<string, unknown>> extends FlowResponse {
  screen: 'SUCCESS';
  data: { extension_message_response: { params: { flow_token: string } & P } };
}

/**
 * The response that closes the flow (Meta: Implementing endpoints for Flows, data exchange response): WhatsApp posts a completion message in the chat, and
 * `flow_token` with every param arrives in the `response_json` of the `nfm_reply` webhook.
 */
export function closeFlow<P extends Record<string, unknown> = Record<never, never>>(flowToken: string, params?: P): CloseFlowResponse<P> {
  if (typeof flowToken !== 'string' || flowToken === '') throw new InvalidArgumentError('closeFlow(flowToken, params) needs the flow token of the request (request.flow_token).');
  return { screen: 'SUCCESS', data: { extension_message_response: { params: { flow_token: flowToken, ...(params ?? {}) } as { flow_token: string } & P } } };
}
