/**
 * Errors in the Graph API's shape (flows-platform §1.2, §1.9, §1.10):
 * `{ "error": { message, type, code, error_subcode?, is_transient?, error_user_title?, error_user_msg?, fbtrace_id } }`
 * with HTTP 400 for code 100 and 139xxx, 401 for 190, 403 for 10 and 200-299.
 */
import { WhatsAppError } from '../core/errors.js';
import { toBase64 } from '../internal/base64.js';

export interface GraphErrorInit {
  code: number;
  message: string;
  subcode?: number;
  type?: string;
  status?: number;
  isTransient?: boolean;
  userTitle?: string;
  userMessage?: string;
  errorData?: Record<string, unknown>;
  headers?: Record<string, string>;
}

export class GraphError extends WhatsAppError {
  readonly init: GraphErrorInit;

  constructor(init: GraphErrorInit) {
    super(init.message);
    this.init = init;
  }

  static {
    // Set explicitly: bundlers may rename the class.
    Object.defineProperty(this, 'name', { value: 'GraphError' });
  }

  get status(): number {
    return this.init.status ?? statusForCode(this.init.code);
  }

  toResponse(): Response {
    const i = this.init;
    const error: Record<string, unknown> = { message: i.message, type: i.type ?? 'OAuthException', code: i.code };
    if (i.subcode !== undefined) error.error_subcode = i.subcode;
    if (i.isTransient !== undefined) error.is_transient = i.isTransient;
    if (i.userTitle !== undefined) error.error_user_title = i.userTitle;
    if (i.userMessage !== undefined) error.error_user_msg = i.userMessage;
    if (i.errorData !== undefined) error.error_data = i.errorData;
    error.fbtrace_id = traceId();
    return new Response(JSON.stringify({ error }), {
      status: this.status,
      headers: { 'content-type': 'application/json; charset=UTF-8', ...i.headers },
    });
  }
}

export function statusForCode(code: number): number {
  if (code === 190 || code === 102) return 401;
  if (code === 10 || (code >= 200 && code <= 299)) return 403;
  return 400;
}

/** `(#100) Invalid parameter` style errors. */
export function invalidParameter(message: string, userTitle?: string, userMessage?: string): GraphError {
  return new GraphError({ code: 100, message: `(#100) ${message}`, ...(userTitle ? { userTitle } : {}), ...(userMessage ? { userMessage } : {}) });
}

/** The error for an unknown or inaccessible object id (flows-platform §1.2). */
export function unknownObject(id: string, method: 'get' | 'post' | 'delete'): GraphError {
  return new GraphError({
    code: 100,
    subcode: 33,
    type: 'GraphMethodException',
    message: `Unsupported ${method} request. Object with ID '${id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation. Please read the Graph API documentation at https://developers.facebook.com/docs/graph-api`,
  });
}

/** A Flows error with its code and literal title (flows-platform §1.9). */
export function flowError(code: number, title: string, userMessage?: string): GraphError {
  return new GraphError({ code, message: title, userTitle: title, ...(userMessage ? { userMessage } : {}), isTransient: false });
}

function traceId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(8));
  return toBase64(bytes).replace(/[+/=]/g, '');
}
