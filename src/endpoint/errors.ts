import { WhatsAppError } from '../core/base-errors.js';
import { webResponse, type RawExchangeAnswer } from '../internal/raw-exchange.js';

/**
 * An HTTP answer the endpoint gives instead of an encrypted response (Meta: Flows error codes, endpoint HTTP status codes): 400 bad envelope,
 * 405 not POST, 413 too large, 421 cannot decrypt, 427 flow token no longer valid, 432 bad signature,
 * 500 handler error, 504 handler past its deadline. `toResponse()` renders it; nothing internal is sent.
 */
export class EndpointError extends WhatsAppError {
  constructor(
    readonly status: number,
    message: string,
    options?: { cause?: unknown; headers?: Record<string, string>; body?: string; contentType?: string },
  ) {
    super(message, options?.cause !== undefined ? { cause: options.cause } : undefined);
    this.headers = options?.headers ?? {};
    this.body = options?.body;
    this.contentType = options?.contentType;
  }

  readonly headers: Record<string, string>;
  readonly body: string | undefined;
  readonly contentType: string | undefined;

  /** The HTTP answer; `replace` swaps the body (e.g. for one encrypted like a flow response). */
  toResponse(replace?: { body: string; contentType: string }): Response {
    return webResponse(this.toAnswer(replace));
  }

  /** The same answer as the endpoint's raw exchange gives it (no Web objects). @internal */
  toAnswer(replace?: { body: string; contentType: string }): RawExchangeAnswer {
    const headers: Record<string, string> = { ...this.headers };
    const body = replace?.body ?? this.body;
    if (body !== undefined) headers['content-type'] = replace?.contentType ?? this.contentType ?? 'text/plain';
    return { status: this.status, headers, body };
  }
}

/**
 * Throw this from a handler when the flow token is no longer valid (expired, already used): the endpoint answers
 * 427, WhatsApp shows `message` to the user and disables the message's button (Meta: Flows error codes, endpoint HTTP status codes). The endpoint
 * encrypts `{"error_msg": message}` like a response, since the client decrypts a 427 body (§6.6; `token-error.ts`);
 * with `tokenErrorBody: 'plain'`, and when rendered on its own by `toResponse()` (no request key to encrypt with),
 * the body is the plain JSON of Meta's error-codes page.
 */
export class FlowTokenInvalidError extends EndpointError {
  /** What the 427 answer carries. */
  readonly payload: { error_msg: string };

  constructor(message = 'This form has expired. Please request a new one.') {
    super(427, message, { body: JSON.stringify({ error_msg: message }), contentType: 'application/json' });
    this.payload = { error_msg: message };
  }
}

Object.defineProperty(EndpointError, 'name', { value: 'EndpointError' });
Object.defineProperty(FlowTokenInvalidError, 'name', { value: 'FlowTokenInvalidError' });
