import { flowTokenSignature } from './crypto-client.js';
import type { EndpointClient } from './endpoint-client.js';
import { SimulatorFlowError, SimulatorProtocolError } from './errors.js';
import { atLeast, type FlowDefinition } from './flow.js';
import { checkResponse, type CheckedResponse, type RequestContext } from './response-checks.js';
import type { SimulatorEvent } from './types.js';

/**
 * One request to the data endpoint as WhatsApp's client makes it (flows-platform §3.4): the decrypted request
 * `{ version, action, screen?, data, flow_token, flow_token_signature? }`, the answer checked against the Flow
 * JSON (src/platform/endpoint-response), and, when the answer is rejected, the error notification the client
 * sends (`data: { error, error_message }`) before reporting the error. Warnings come back with the answer
 * (under `strict` they are rejections too).
 */
export interface ExchangeOptions {
  flow: FlowDefinition;
  client: EndpointClient | undefined;
  flowToken: string;
  appSecret: string | undefined;
  notifyErrors: boolean;
  /** Warnings about an answer fail it (SimulatorProtocolError), as errors do. */
  strict: boolean;
  emit: (event: SimulatorEvent) => void;
}

export async function exchange(options: ExchangeOptions, context: RequestContext, data: Record<string, unknown>): Promise<CheckedResponse> {
  const { flow, client } = options;
  if (!client) {
    throw new SimulatorFlowError(
      `${context.action}${context.screen ? ` on ${context.screen}` : ''} needs the data endpoint: pass { endpoint, publicKey } to the simulator.`,
      [],
      context.screen ? { screen: context.screen } : {},
    );
  }
  const request = await buildRequest(options, context, data);
  options.emit({ type: 'request', action: context.action, screen: context.screen, data });
  try {
    // The client refuses an answer nested too deeply (payload-schema-error) before it is emitted or checked.
    const response = await client.send(request, context.screen);
    options.emit({ type: 'response', action: context.action, response });
    return checkResponse(flow, context, response, { strict: options.strict });
  } catch (error) {
    // Only a rejected answer is reported to the endpoint; a channel failure (status, timeout, decryption) is not.
    const rejected = error instanceof SimulatorProtocolError && (error.error === 'payload-schema-error' || error.error === 'invalid-screen-transition');
    if (rejected && options.notifyErrors) {
      const notice = { ...request, data: { error: error.error, error_message: error.message } };
      delete (notice as { flow_token_signature?: string }).flow_token_signature;
      await client.send(notice, context.screen).catch(() => undefined);
    }
    throw error;
  }
}

async function buildRequest(options: ExchangeOptions, context: RequestContext, data: Record<string, unknown>): Promise<Record<string, unknown>> {
  const version = options.flow.dataApiVersion ?? '3.0';
  const request: Record<string, unknown> = { version, action: context.action };
  if (context.screen !== undefined) request.screen = context.screen;
  request.data = data;
  request.flow_token = options.flowToken;
  if (options.appSecret && atLeast(options.flow, '7.3') && Number(version) >= 4) {
    request.flow_token_signature = await flowTokenSignature(options.flowToken, options.appSecret);
  }
  return request;
}
