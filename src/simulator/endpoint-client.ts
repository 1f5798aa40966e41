import { InvalidArgumentError } from '../core/errors.js';
import { decryptResponse, encryptRequest, hubSignature, importBusinessPublicKey, type SealedRequest } from './crypto-client.js';
import { CHANNEL_ERRORS, ENDPOINT_STATUS, ENDPOINT_TIMEOUT_MS } from '../platform/endpoint-response/status.js';
import { answerTooDeep, MAX_PAYLOAD_BYTES, MAX_RESPONSE_BODY_BYTES, tooDeep } from '../platform/endpoint-response/index.js';
import { FlowTokenExpiredError, SimulatorProtocolError } from './errors.js';
import type { WebCryptoKey } from '../endpoint/keys/web-crypto-key.js';
import { fetchWithoutCrossOriginRedirect } from '../internal/redirects.js';
import { withTimeout } from '../internal/timeout.js';
import { readResponseText } from '../internal/read-body.js';
import { ResponseTooLargeError } from '../core/errors.js';

/**
 * WhatsApp's client side of the data channel (Meta: Implementing endpoints for Flows; Flows error codes, endpoint HTTP status codes): encrypts each request with the
 * business public key, signs it (`X-Hub-Signature-256`) when an app secret is given, POSTs it to a URL (fetch)
 * or hands it to an in-process Web handler, and maps the answer like the client does:
 * - 200: decrypt with the flipped IV (`response-decryption-error` when that fails);
 * - 421: fetch the public key again and retry once, then `business-decryption-error`;
 * - 427: `FlowTokenExpiredError` with the body's `error_msg`: decrypted first, as the client does (§6.6), then
 *   plain JSON (Meta's error-codes page), else its generic message;
 * - 432: `request-signature-error`; any other status: `unexpected_http_status_code`;
 * - no answer within the timeout (default 10 s, as WhatsApp): `timeout_error`; network failure: `no_http_response_error`;
 * - a body past the data channel's 1 MB (§3.5; `MAX_RESPONSE_BODY_BYTES`, counted after decompression): reading
 *   stops and the client has no complete answer, so `no_http_response_error` (Meta names no "too large" error);
 * - a decrypted answer nested past `MAX_ANSWER_DEPTH`: `payload-schema-error`, before anything walks it.
 */

/** An in-process endpoint: a Web handler such as `createFlowEndpoint(...)`. */
export type WebHandler = (request: Request) => Promise<Response> | Response;

export interface EndpointClientOptions {
  /** The endpoint URL, or a Web handler called in-process. */
  endpoint: string | WebHandler;
  /** The business public key PEM, or a function returning it (called again after a 421, like the client's key refresh). */
  publicKey: string | (() => string | Promise<string>);
  /** The Meta app secret: requests carry `X-Hub-Signature-256`. */
  appSecret?: string;
  /** fetch for URL endpoints (default globalThis.fetch). */
  fetch?: typeof fetch;
  /** Milliseconds before `timeout_error` (default 10 000). */
  timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = ENDPOINT_TIMEOUT_MS;
const HANDLER_URL = 'https://flow-endpoint.simulator.invalid/';

export class EndpointClient {
  private key: Promise<WebCryptoKey> | undefined;

  constructor(private readonly options: EndpointClientOptions) {
    if (typeof options.endpoint !== 'string' && typeof options.endpoint !== 'function') throw new InvalidArgumentError('endpoint must be a URL or a (Request) => Promise<Response> handler.');
    if (typeof options.endpoint === 'string') new URL(options.endpoint);
  }

  /** Sends one decrypted request (`{ version, action, screen?, data?, flow_token? }`) and returns the decrypted answer. */
  async send(request: Record<string, unknown>, screen?: string): Promise<unknown> {
    for (let attempt = 0; ; attempt++) {
      const sealed = await encryptRequest(await this.publicKey(), request);
      const { status, text } = await this.post(JSON.stringify(sealed.envelope), screen);
      if (status === ENDPOINT_STATUS.cannotDecrypt) {
        if (attempt === 0) {
          this.key = undefined;
          continue;
        }
        throw new SimulatorProtocolError(CHANNEL_ERRORS.cannotDecrypt, 'the endpoint answered 421 (cannot decrypt) again after the public key was fetched again.', { screen, status });
      }
      return this.read(status, text, sealed, screen);
    }
  }

  /** The health check: `{ version, action: "ping" }`; returns the decrypted answer (`{ data: { status: "active" } }`). */
  async ping(version = '3.0'): Promise<unknown> {
    const answer = await this.send({ version, action: 'ping' });
    const status = (answer as { data?: { status?: unknown } } | null)?.data?.status;
    if (status !== 'active') throw new SimulatorProtocolError('payload-schema-error', 'the health check answer must be {"data":{"status":"active"}}.');
    return answer;
  }

  private publicKey(): Promise<WebCryptoKey> {
    if (!this.key) {
      const source = this.options.publicKey;
      this.key = Promise.resolve(typeof source === 'function' ? source() : source).then(importBusinessPublicKey);
      this.key.catch(() => (this.key = undefined));
    }
    return this.key;
  }

  private async post(body: string, screen: string | undefined): Promise<{ status: number; text: string }> {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (this.options.appSecret) headers['x-hub-signature-256'] = await hubSignature(body, this.options.appSecret);
    const timeoutMs = this.options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const outcome = await withTimeout(async (signal): Promise<{ status: number; text: string | typeof TOO_LARGE }> => {
      const { endpoint } = this.options;
      const init: RequestInit = { method: 'POST', headers, body, signal };
      const response = typeof endpoint === 'string' ? await fetchWithoutCrossOriginRedirect(this.options.fetch ?? globalThis.fetch, endpoint, init) : await endpoint(new Request(HANDLER_URL, init));
      // The body is read inside the same guard: a connection dropped mid-body is no HTTP response either.
      return { status: response.status, text: await readBody(response) };
    }, { timeoutMs });
    if (outcome.kind === 'done') {
      const { status, text } = outcome.value;
      if (text === TOO_LARGE) {
        throw new SimulatorProtocolError(
          CHANNEL_ERRORS.noResponse,
          `the answer body (HTTP ${status}) passed ${MAX_RESPONSE_BODY_BYTES} bytes, the base64 of WhatsApp's ${MAX_PAYLOAD_BYTES}-byte data-channel payload limit (flows-platform §3.5); reading stopped. Send a smaller answer (large images and long lists are the usual cause).`,
          { screen, status },
        );
      }
      return { status, text };
    }
    if (outcome.kind === 'failed') {
      const cause = outcome.cause;
      throw new SimulatorProtocolError(CHANNEL_ERRORS.noResponse, `the request failed: ${(cause as Error)?.message ?? String(cause)}`, { screen, cause });
    }
    throw new SimulatorProtocolError(CHANNEL_ERRORS.timeout, `the endpoint did not answer within ${timeoutMs} ms.`, { screen });
  }

  private async read(status: number, text: string, sealed: SealedRequest, screen: string | undefined): Promise<unknown> {
    if (status === ENDPOINT_STATUS.ok) {
      let answer: unknown;
      try {
        answer = await decryptResponse(text, sealed);
      } catch (cause) {
        throw new SimulatorProtocolError(CHANNEL_ERRORS.badResponse, `the 200 answer is not base64 of the response encrypted with the request's AES key and the flipped IV (${bodyShape(text)}).`, { screen, status, cause });
      }
      // Before the answer is emitted, copied or checked: every one of those walks it.
      if (answerTooDeep(answer)) {
        const finding = tooDeep();
        throw new SimulatorProtocolError(finding.error, finding.message, { screen, status });
      }
      return answer;
    }
    if (status === ENDPOINT_STATUS.flowTokenInvalid) throw new FlowTokenExpiredError(await tokenErrorMessage(text, sealed), screen === undefined ? {} : { screen });
    if (status === ENDPOINT_STATUS.badSignature) throw new SimulatorProtocolError(CHANNEL_ERRORS.badSignature, 'the endpoint answered 432: X-Hub-Signature-256 did not match its app secret.', { screen, status });
    throw new SimulatorProtocolError(CHANNEL_ERRORS.otherStatus, `the endpoint answered HTTP ${status}${text ? ` (${preview(text)})` : ''}.`, { screen, status });
  }
}

const TOO_LARGE: unique symbol = Symbol('too-large');

/** A response body as text (decompressed bytes counted), or TOO_LARGE once it passes MAX_RESPONSE_BODY_BYTES. */
async function readBody(response: Response): Promise<string | typeof TOO_LARGE> {
  try {
    return await readResponseText(response, { limit: MAX_RESPONSE_BODY_BYTES });
  } catch (error) {
    if (error instanceof ResponseTooLargeError) return TOO_LARGE;
    throw error;
  }
}

/**
 * The `error_msg` of a 427 body, read as WhatsApp's client reads it (flows-platform §6.6): decrypted with the
 * request's key and the flipped IV (Meta's sample server, and the endpoint's default); failing that, plain JSON
 * (Meta's error-codes page, §3.6, `tokenErrorBody: 'plain'`); failing both (empty, unreadable, or no string
 * `error_msg`), undefined, and FlowTokenExpiredError carries its generic message.
 */
async function tokenErrorMessage(text: string, sealed: SealedRequest): Promise<string | undefined> {
  if (text.trim() === '') return undefined;
  let body: unknown = await decryptResponse(text, sealed).catch(() => undefined);
  if (body === undefined) {
    try {
      body = JSON.parse(text);
    } catch {
      return undefined;
    }
  }
  const message = typeof body === 'object' && body !== null ? (body as { error_msg?: unknown }).error_msg : undefined;
  return typeof message === 'string' && message !== '' ? message : undefined;
}

/** What a body that did not decrypt looks like, without its content (it may be a plain, unencrypted response). */
function bodyShape(text: string): string {
  if (text === '') return 'the body is empty';
  try {
    JSON.parse(text);
    return 'the body is plain JSON: encrypt the response and send its base64';
  } catch {
    return `the body has ${text.length} characters`;
  }
}

function preview(text: string): string {
  return JSON.stringify(text.length > 80 ? `${text.slice(0, 77)}...` : text);
}
