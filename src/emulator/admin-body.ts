import { readRawBody } from '../internal/read-body.js';
import { GraphError } from './graph-error.js';
import { parseMaybeRequestJson, parseRequestJson } from './request-json.js';

/** The bodies of the emulator's own routes are small JSON objects (`{"status": ...}`, `{"answers": ...}`). */
export const MAX_ADMIN_BODY_BYTES = 1024 * 1024;

/**
 * The JSON body of a `/_emulator/...` route: undefined when empty; a Graph-shaped 400 when it is not a JSON object
 * or nests too deeply (request-json.ts), 413 past MAX_ADMIN_BODY_BYTES. `what` names the body in messages.
 * `lenient`: a body that is not a JSON object reads as undefined (too deep or too large is still refused).
 */
export async function readAdminJson(request: Request, what: string, options: { lenient?: boolean } = {}): Promise<Record<string, unknown> | undefined> {
  if (!request.body) return undefined;
  const raw = await readRawBody(request, MAX_ADMIN_BODY_BYTES);
  if (raw === 'too-large') throw new GraphError({ code: 100, message: `(#100) ${what} is too large (limit ${MAX_ADMIN_BODY_BYTES} bytes).`, status: 413 });
  const text = new TextDecoder().decode(raw);
  if (text.trim() === '') return undefined;
  const body = options.lenient ? parseMaybeRequestJson(text, what) : parseRequestJson(text, what);
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    if (options.lenient) return undefined;
    throw new GraphError({ code: 100, message: `(#100) ${what} must be a JSON object.` });
  }
  return body as Record<string, unknown>;
}
