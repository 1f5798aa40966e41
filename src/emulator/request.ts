import { readRawBody } from '../internal/read-body.js';
import { GraphError, invalidParameter } from './graph-error.js';
import { parseMaybeRequestJson, parseRequestJson } from './request-json.js';

/**
 * A Graph request, normalised: Graph reads parameters from the query string and from the body alike, and the
 * body may be JSON, urlencoded or multipart (Meta's samples use all three; flows-platform §1.1).
 */
export interface GraphRequest {
  method: string;
  url: URL;
  /** Path segments after the optional version, e.g. `['123', 'flows']`. */
  segments: string[];
  token: string | undefined;
  /** Text parameters from the query and the body (JSON values other than strings are re-serialised as JSON). */
  params: Map<string, string>;
  files: Map<string, File>;
  /** The parsed body when it was JSON (messages and templates are read from it). */
  json: Record<string, unknown> | undefined;
}

/** 10 MB of Flow JSON plus room for the multipart envelope. */
export const MAX_BODY_BYTES = 12 * 1024 * 1024;

export async function readGraphRequest(request: Request): Promise<GraphRequest> {
  const url = new URL(request.url);
  const parts = url.pathname.split('/').filter(Boolean).map((segment) => {
    try {
      return decodeURIComponent(segment);
    } catch {
      throw new GraphError({ code: 100, message: `Unknown path components: ${url.pathname} (malformed percent-encoding)` });
    }
  });
  if (parts[0] && /^v\d+(\.\d+)?$/.test(parts[0])) parts.shift();
  const params = new Map<string, string>();
  for (const [k, v] of url.searchParams) params.set(k, v);
  const files = new Map<string, File>();
  let json: Record<string, unknown> | undefined;

  const length = Number(request.headers.get('content-length') ?? '0');
  if (length > MAX_BODY_BYTES) throw new GraphError({ code: 100, message: `(#100) Request body too large: ${length} bytes (limit ${MAX_BODY_BYTES}).`, status: 413 });
  const type = (request.headers.get('content-type') ?? '').toLowerCase();
  if (request.method !== 'GET' && request.method !== 'HEAD' && request.body) {
    const raw = await readRawBody(request, MAX_BODY_BYTES);
    if (raw === 'too-large') throw new GraphError({ code: 100, message: `(#100) Request body too large (limit ${MAX_BODY_BYTES} bytes).`, status: 413 });
    if (type.startsWith('multipart/form-data') || type.startsWith('application/x-www-form-urlencoded')) {
      let form: FormData;
      try {
        form = await new Response(raw, { headers: { 'content-type': request.headers.get('content-type')! } }).formData();
      } catch {
        throw invalidParameter('The request body could not be parsed as form data.');
      }
      for (const [k, v] of form) {
        if (typeof v === 'string') params.set(k, v);
        else files.set(k, v);
      }
    } else {
      const text = new TextDecoder().decode(raw);
      if (text.trim() !== '') {
        const body = parseRequestJson(text, 'The request body');
        if (!body || typeof body !== 'object' || Array.isArray(body)) throw invalidParameter('The request body must be a JSON object.');
        json = body as Record<string, unknown>;
        for (const [k, v] of Object.entries(json)) params.set(k, typeof v === 'string' ? v : JSON.stringify(v));
      }
    }
  }
  const auth = request.headers.get('authorization');
  const bearer = auth && /^bearer\s+(.+)$/i.exec(auth.trim())?.[1];
  const token = bearer || params.get('access_token') || undefined;
  params.delete('access_token');
  return { method: request.method.toUpperCase(), url, segments: parts, token, params, files, json };
}

/** A list parameter: a JSON array string (`'["A","B"]'`, as Meta's Postman collection sends) or a comma list. */
export function listParam(req: GraphRequest, name: string): string[] | undefined {
  const raw = req.params.get(name);
  if (raw === undefined) return undefined;
  const text = raw.trim();
  if (text.startsWith('[')) {
    const parsed = parseMaybeRequestJson(text, `Param ${name}`);
    if (parsed === text) throw invalidParameter(`Param ${name} must be a JSON array of strings.`);
    if (!Array.isArray(parsed) || parsed.some((x) => typeof x !== 'string')) throw invalidParameter(`Param ${name} must be an array of strings.`);
    return parsed as string[];
  }
  return text === '' ? [] : text.split(',').map((s) => s.trim());
}

export function boolParam(req: GraphRequest, name: string): boolean | undefined {
  const raw = req.params.get(name);
  if (raw === undefined) return undefined;
  if (raw === 'true' || raw === '1') return true;
  if (raw === 'false' || raw === '0') return false;
  throw invalidParameter(`Param ${name} must be a boolean.`);
}

/** Any JSON value as text, without calling a `toString` a crafted body may carry (`{"toString": 1}`). */
export function text(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || value === null || value === undefined) return `${value}`;
  return JSON.stringify(value) ?? '';
}
