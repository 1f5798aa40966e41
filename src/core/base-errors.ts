/**
 * The errors that need no Graph API: the base class, the two local rejections and the body-size limit. In a file of
 * their own so code that never calls the Graph API (the endpoint, webhooks) imports them from here and its bundles
 * leave out GraphApiError and friends; errors.ts re-exports them, and is what everything else imports.
 */
import type { RequestSummary } from './errors.js';

export class WhatsAppError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** A call was rejected locally because an argument is missing or malformed. Nothing was sent. */
export class InvalidArgumentError extends WhatsAppError {}

/** A required client option is missing or malformed (for example no access token). */
export class ConfigurationError extends WhatsAppError {}

/**
 * A response body was larger than the limit for that read (counted after decompression, so a gzip bomb stops at
 * the limit too). Reading stopped there; nothing of the body is kept. Raise the limit with the call's
 * `maxResponseBytes` option when a larger answer is expected.
 */
export class ResponseTooLargeError extends WhatsAppError {
  /** The limit that was passed, in bytes. */
  readonly limit: number;
  readonly request: RequestSummary | undefined;
  constructor(limit: number, request?: RequestSummary) {
    const what = request ? `The response to ${request.method} ${request.url}` : 'The response';
    super(`${what} is larger than ${limit} bytes (after decompression); reading stopped there. If a larger answer is expected, raise the \`maxResponseBytes\` option.`);
    this.limit = limit;
    this.request = request;
  }
}

/**
 * Class names are set explicitly: bundlers may rename classes (esbuild turns `GraphApiError` into
 * `_GraphApiError` when it must), and `error.name` is part of the public contract.
 */
for (const [cls, name] of [
  [WhatsAppError, 'WhatsAppError'],
  [InvalidArgumentError, 'InvalidArgumentError'],
  [ConfigurationError, 'ConfigurationError'],
  [ResponseTooLargeError, 'ResponseTooLargeError'],
] as const) {
  Object.defineProperty(cls, 'name', { value: name });
}
