/**
 * The endpoint's one exchange core: the raw body and headers in, `{ status, headers, body }` out, no Web objects.
 * The Web handler (`handler.ts`) and the Node, Express and Fastify adapters (through `RAW_EXCHANGE`) all answer
 * with it. Its steps, in order (Meta: Implementing endpoints for Flows):
 * 1. open: the `X-Hub-Signature-256` check (432), the envelope (400), then `decryptWithKey` (421), the one place
 *    that knows the private key;
 * 2. route: the health check, error notifications, or a flow request;
 * 3. serve: `beforeHandler` (the flow token signature), the handler within the deadline, `afterHandler` (the
 *    answer's shape and `checkResponse`);
 * 4. seal: the answer encrypted with the request's AES key and the flipped IV.
 * Every failure becomes an answer here (nothing throws out of it); failures worth a look are reported once.
 * Off the startup path (issue 12: the endpoint's bundle size): the 427 answer, which few requests need, is imported
 * when first needed; the signature checks load when the endpoint is created with `appSecret`.
 */
import { rawHeader, type RawExchangeAnswer, type RawExchangeRequest } from '../internal/raw-exchange.js';
import type { FlowCrypto } from './crypto/types.js';
import { checkShape, NoHandlerError, pickHandler, withDeadline } from './dispatch.js';
import { EndpointError } from './errors.js';
import type { FlowEndpointOptions } from './handler.js';
import { KeyNotLoadedError, type KeySet } from './keys/key-set.js';
import type { FlowStateHooks } from './sessions/flow-state.js';
import { metricAction, type MetricAction } from './metrics.js';
import { encryptResponse, parseEnvelope, type DecryptedExchange, type EncryptedRequestBody } from './protocol.js';
import type { FlowErrorNotification, FlowRequest, FlowResponse } from './types.js';

/** What the core needs from `createFlowEndpoint`. */
export interface ExchangeSetup {
  crypto: FlowCrypto;
  options: FlowEndpointOptions;
  secrets: readonly string[];
  deadline: number;
  maxBody: number;
  /** The private keys (one, a rotation list, or a resolver per request); issue 16. */
  keys: KeySet;
  /** The `flowTokens` / `flowSessions` hooks around the handler, when either option is set; issue 16. */
  flowState: Promise<FlowStateHooks | undefined> | undefined;
  /** Reports a failure once (onError, or one redacted log line); never rejects. */
  report: (error: unknown, request: FlowRequest | undefined) => Promise<void>;
}

/** What the endpoint learned about a request while answering it, for its metrics. */
export interface Seen {
  action?: MetricAction;
}

/** Answers one request. `refused`: an answer decided before the exchange (the Web handler's body limit or deadline). */
export type ExchangeCore = (request: RawExchangeRequest, seen: Seen, refused?: EndpointError) => Promise<RawExchangeAnswer>;

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export function createExchange(setup: ExchangeSetup): ExchangeCore {
  const { crypto, options, secrets, deadline, maxBody, report, keys, flowState } = setup;
  const signatures = secrets.length > 0 ? import('./signature.js') : undefined;
  signatures?.catch(() => undefined);

  /** Step 1: signature, envelope, decryption. */
  async function open(request: RawExchangeRequest): Promise<DecryptedExchange> {
    const raw = request.body ?? '';
    // A string is at least as many UTF-8 bytes as it has UTF-16 units.
    if (raw.length > maxBody) throw new EndpointError(413, `The body is larger than ${maxBody} bytes.`);
    if (signatures) {
      const bytes = typeof raw === 'string' ? encoder.encode(raw) : raw;
      if (!(await (await signatures).verifyHubSignature(crypto, rawHeader(request.headers, 'x-hub-signature-256'), bytes, secrets))) {
        throw new EndpointError(432, 'X-Hub-Signature-256 is missing or does not match the app secret.');
      }
    }
    return decryptWithKey(request, parseEnvelope(typeof raw === 'string' ? raw : decoder.decode(raw)));
  }

  /**
   * Decrypts the envelope with the endpoint's private keys: the one step that knows them (each key of a rotation is
   * tried; 421 only when none decrypts; a key that could not be loaded answers 500, reported once when it failed).
   */
  function decryptWithKey(request: RawExchangeRequest, envelope: EncryptedRequestBody): Promise<DecryptedExchange> {
    return keys.decrypt(request, envelope);
  }

  /** Before the handler: what the endpoint checks of the request for it (the flow token signature, Data API 4.0). */
  async function beforeHandler(request: FlowRequest, signature: unknown): Promise<void> {
    if (typeof signature !== 'string') return;
    request.flow_token_signature = signature;
    if (signatures) request.flowTokenSignatureVerified = (await (await signatures).verifyFlowTokenSignature(crypto, signature, request.flow_token, secrets)).verified;
  }

  /** After the handler: the answer's shape, then `checkResponse`. */
  async function afterHandler(request: FlowRequest, response: unknown): Promise<FlowResponse> {
    checkShape(response);
    if (options.checkResponse) await withDeadline(() => options.checkResponse!(request, response), deadline);
    return response;
  }

  return async (request, seen, refused) => {
    let flowRequest: FlowRequest | undefined;
    let exchange: DecryptedExchange | undefined;
    try {
      if (refused) throw refused;
      if ((request.method ?? 'POST') !== 'POST') throw new EndpointError(405, 'Use POST.', { headers: { allow: 'POST' } });
      exchange = await open(request);
      const body = exchange.body as Record<string, unknown>;
      if (!body || typeof body !== 'object' || typeof body.action !== 'string') throw new EndpointError(400, 'The decrypted request has no action.');

      seen.action = metricAction(body.action);
      if (body.action === 'ping') return await seal(exchange, { data: { status: 'active' } });
      const data = (body.data && typeof body.data === 'object' ? body.data : {}) as Record<string, unknown>;
      const notification = errorNotification(body, data);
      if (notification) {
        seen.action = 'error_notification';
        if (options.onErrorNotification) await withDeadline(() => options.onErrorNotification!(notification), deadline);
        return await seal(exchange, { data: { acknowledged: true } });
      }

      const current: FlowRequest = (flowRequest = {
        version: String(body.version ?? ''),
        action: body.action,
        data,
        flowTokenSignatureVerified: false,
        ...(typeof body.screen === 'string' ? { screen: body.screen } : {}),
        ...(typeof body.flow_token === 'string' ? { flow_token: body.flow_token } : {}),
      });
      await beforeHandler(current, body.flow_token_signature);
      const state = flowState && (await flowState);
      const ticket = state ? await state.before(current) : undefined;
      const handler = pickHandler(options, current);
      const response = await afterHandler(current, await withDeadline(() => handler(current), deadline));
      if (state) await state.after(current, response, ticket!);
      return await seal(exchange, response);
    } catch (error) {
      let failure = error;
      if (error instanceof EndpointError) {
        if (error.status !== 427) {
          if ((error.status >= 500 && !(error instanceof KeyNotLoadedError)) || error instanceof NoHandlerError) await report(error, flowRequest);
          return error.toAnswer();
        }
        try {
          const { tokenErrorAnswer } = await import('./token-error.js');
          return await tokenErrorAnswer(error, exchange && ((payload) => encryptResponse(crypto, exchange!, payload)), options.tokenErrorBody);
        } catch (cause) {
          failure = cause;
        }
      }
      await report(failure, flowRequest);
      return { status: 500, headers: {}, body: undefined };
    }
  };

  async function seal(exchange: DecryptedExchange, response: unknown): Promise<RawExchangeAnswer> {
    return { status: 200, headers: { 'content-type': 'text/plain' }, body: await encryptResponse(crypto, exchange, response) };
  }
}

/** An error notification carries only these keys; a form field that happens to be named `error` is data. */
function errorNotification(body: Record<string, unknown>, data: Record<string, unknown>): FlowErrorNotification | undefined {
  const keys = Object.keys(data);
  const errorKey = data.error ?? data.error_key;
  if (keys.length === 0 || !keys.every((k) => k === 'error' || k === 'error_key' || k === 'error_message')) return undefined;
  if (typeof errorKey !== 'string' && typeof data.error_message !== 'string') return undefined;
  const notification: FlowErrorNotification = { version: String(body.version ?? ''), action: body.action as string, error: String(errorKey ?? 'unknown') };
  if (typeof body.screen === 'string') notification.screen = body.screen;
  if (typeof body.flow_token === 'string') notification.flow_token = body.flow_token;
  if (typeof data.error_message === 'string') notification.error_message = data.error_message;
  return notification;
}
