import { InvalidArgumentError } from '../core/base-errors.js';
import type { FlowResponse } from './types.js';

/**
 * The response that closes the flow (Meta: Implementing endpoints for Flows, data exchange response): WhatsApp posts a completion message in the chat, and
 * `flow_token` with every param arrives in the `response_json` of the `nfm_reply` webhook.
 */
export function closeFlow(flowToken: string, params: Record<string, unknown> = {}): FlowResponse {
  if (typeof flowToken !== 'string' || flowToken === '') throw new InvalidArgumentError('closeFlow(flowToken, params) needs the flow token of the request (request.flow_token).');
  return { screen: 'SUCCESS', data: { extension_message_response: { params: { flow_token: flowToken, ...params } } } };
}
