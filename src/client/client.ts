import * as Errors from '../core/errors.js';
import { ConfigurationError } from '../core/errors.js';
import { APIPromise } from '../core/api-promise.js';
import type { GraphResponse } from '../core/observability.js';
import { fetchText, requestJson, RESPONSE_SINK, type ApiRequest, type ResponseSink, type HttpContext, type RequestOptions } from '../internal/http.js';
import { nodeId } from '../internal/path.js';
import { createRedactor } from '../internal/redact.js';
import { createTransport } from '../internal/transport.js';
import { ENV, resolveConfig, type ClientOptions, type ResolvedConfig } from './config.js';
import { Encryption } from './resources/encryption.js';
import { Flows } from './resources/flows/index.js';
import { Messages } from './resources/messages/index.js';
import { Templates } from './resources/templates/index.js';

/**
 * The WhatsApp Cloud API client for Flows.
 *
 * ```ts
 * const client = new WhatsApp({ accessToken, phoneNumberId, businessAcctId });
 * await client.flows.createFlow(wabaId, { name, categories });
 * ```
 * The constructor never prints and never sends anything; a missing token is reported by the first call that needs it.
 */
export class WhatsApp {
  readonly flows: Flows;
  readonly messages: Messages;
  readonly encryption: Encryption;
  readonly templates: Templates = new Templates(this);

  readonly #config: ResolvedConfig;
  readonly #http: HttpContext;
  #proof: Promise<string> | undefined;

  static WhatsAppError = Errors.WhatsAppError;
  static GraphApiError = Errors.GraphApiError;
  static BadRequestError = Errors.BadRequestError;
  static AuthenticationError = Errors.AuthenticationError;
  static PermissionDeniedError = Errors.PermissionDeniedError;
  static NotFoundError = Errors.NotFoundError;
  static RateLimitError = Errors.RateLimitError;
  static InternalServerError = Errors.InternalServerError;
  static APIConnectionError = Errors.APIConnectionError;
  static APIConnectionTimeoutError = Errors.APIConnectionTimeoutError;
  static APIUserAbortError = Errors.APIUserAbortError;
  static ResponseTooLargeError = Errors.ResponseTooLargeError;
  static CrossOriginRedirectError = Errors.CrossOriginRedirectError;
  static InvalidArgumentError = Errors.InvalidArgumentError;
  static ConfigurationError = Errors.ConfigurationError;

  constructor(options: ClientOptions = {}) {
    this.#config = resolveConfig(options);
    const config = this.#config;
    this.#http = {
      baseUrl: config.baseUrl,
      apiVersion: config.apiVersion,
      fetch: config.fetch,
      transport: createTransport(config.transport, config.fetch),
      timeout: config.timeout,
      maxRetries: config.maxRetries,
      redact: createRedactor([config.accessToken, config.appSecret]),
      accessToken: () => {
        if (!config.accessToken) {
          throw new ConfigurationError(
            `No access token: pass \`accessToken\` to new WhatsApp({...}) or set the ${ENV.accessToken} environment variable.`,
          );
        }
        return config.accessToken;
      },
      appSecretProof: () => this.#appSecretProof(),
      ...(config.onRequest ? { onRequest: config.onRequest } : {}),
      ...(config.onResponse ? { onResponse: config.onResponse } : {}),
      debug: config.debug,
    };
    this.flows = new Flows(this);
    this.messages = new Messages(this);
    this.encryption = new Encryption(this);
  }

  /** The Graph API version in use, e.g. `v25.0`. */
  get apiVersion(): string {
    return this.#config.apiVersion;
  }

  /** The Graph API origin in use, e.g. `https://graph.facebook.com`. */
  get baseUrl(): string {
    return this.#config.baseUrl;
  }

  /**
   * @internal Runs one client method as an APIPromise: `work` gets the call's options carrying the response sink,
   * so `.withResponse()` can give the last answer the call received.
   */
  _call<T, O extends RequestOptions = RequestOptions>(options: O | undefined, work: (options: O) => Promise<T>): APIPromise<T> {
    let last: (() => GraphResponse) | undefined;
    // A method called by another method (getFlowPreview → getFlow) tells the outer call's sink too.
    const outer = (options as { [RESPONSE_SINK]?: ResponseSink } | undefined)?.[RESPONSE_SINK];
    const sink: ResponseSink = (response) => {
      last = response;
      outer?.(response);
    };
    const scoped = { ...options, [RESPONSE_SINK]: sink } as unknown as O;
    // Every method that resolves has received at least one answer.
    let data: Promise<T>;
    try {
      data = work(scoped);
    } catch (error) {
      data = Promise.reject(error);
    }
    return APIPromise.fromData(data, () => last!());
  }

  /** @internal Sends one Graph request and returns the parsed JSON body. */
  async _request<T>(req: ApiRequest): Promise<T> {
    return (await requestJson<T>(this.#http, req)).data;
  }

  /**
   * @internal Downloads a URL returned by the API (an asset's `download_url`). The access token is sent only
   * when the URL is on the configured Graph origin, never to another host.
   */
  async _fetchText(url: string, options?: RequestOptions, defaultMaxBytes?: number): Promise<string> {
    const target = new URL(url);
    const sameOrigin = target.origin === new URL(this.#config.baseUrl).origin;
    return fetchText(this.#http, target, sameOrigin, options, defaultMaxBytes);
  }

  /** @internal The WABA id given to a call, or `businessAcctId`. */
  _wabaId(given: unknown): string {
    const value = given ?? this.#config.businessAcctId;
    if (value === undefined) {
      throw new ConfigurationError(
        `No WhatsApp Business Account id: pass one to the call, set \`businessAcctId\` in new WhatsApp({...}), or set ${ENV.businessAcctId}.`,
      );
    }
    return nodeId('WABA id', value);
  }

  /** @internal The phone number id given to a call, or `phoneNumberId`. */
  _phoneNumberId(given: unknown): string {
    const value = given ?? this.#config.phoneNumberId;
    if (value === undefined) {
      throw new ConfigurationError(
        `No phone number id: pass one to the call, set \`phoneNumberId\` in new WhatsApp({...}), or set ${ENV.phoneNumberId}.`,
      );
    }
    return nodeId('phone number id', value);
  }

  #appSecretProof(): Promise<string> | undefined {
    const { appSecret, appSecretProof, accessToken } = this.#config;
    if (!appSecretProof) return undefined;
    if (!appSecret || !accessToken) {
      return Promise.reject(
        new ConfigurationError(`appSecretProof needs both an access token and an app secret (\`appSecret\` or ${ENV.appSecret}).`),
      );
    }
    // Loaded only by clients that send a proof (not part of a client's startup code).
    this.#proof ??= import('../internal/hmac.js').then(({ hmacSha256Hex }) => hmacSha256Hex(appSecret, accessToken));
    return this.#proof;
  }

  /** Keeps secrets out of `console.log(client)` and `util.inspect`. */
  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return `WhatsApp { apiVersion: '${this.apiVersion}', baseUrl: '${this.baseUrl}' }`;
  }

  toJSON() {
    return { apiVersion: this.apiVersion, baseUrl: this.baseUrl };
  }
}
