/**
 * An HTTP answer the endpoint gives instead of an encrypted response (flows-platform §3.6): 400 bad envelope,
 * 405 not POST, 413 too large, 421 cannot decrypt, 427 flow token no longer valid, 432 bad signature,
 * 500 handler error, 504 handler past its deadline. `toResponse()` renders it; nothing internal is sent.
 */
export class EndpointError extends Error {
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

  toResponse(): Response {
    const headers: Record<string, string> = { ...this.headers };
    if (this.body !== undefined) headers['content-type'] = this.contentType ?? 'text/plain';
    return new Response(this.body ?? null, { status: this.status, headers });
  }
}

/**
 * Throw this from a handler when the flow token is no longer valid (expired, already used): the endpoint answers
 * 427, WhatsApp shows `message` to the user and disables the message's button.
 */
export class FlowTokenInvalidError extends Error {
  constructor(message = 'This form has expired. Please request a new one.') {
    super(message);
  }
}

Object.defineProperty(EndpointError, 'name', { value: 'EndpointError' });
Object.defineProperty(FlowTokenInvalidError, 'name', { value: 'FlowTokenInvalidError' });
