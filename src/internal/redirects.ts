/**
 * fetch that never re-sends a request body to another origin. Written once; used by the client (`http.ts`
 * `attemptOnce`) and the simulator's endpoint client (`simulator/endpoint-client.ts`).
 *
 * fetch follows a 307/308 by re-sending the method and the body to wherever `Location` points, dropping only
 * `Authorization`: a signed or encrypted body meant for the Graph API or a flow endpoint would reach any host the
 * server names. GET and HEAD carry no body and are left to fetch. Other methods are fetched with
 * `redirect: 'manual'`: a redirect on the same origin is followed (at most {@link MAX_REDIRECTS} times, with the
 * fetch standard's method rules), one to another origin ends with a {@link CrossOriginRedirectError} naming it.
 */
import { CrossOriginRedirectError, WhatsAppError } from '../core/errors.js';

/** The fetch standard's redirect limit. */
export const MAX_REDIRECTS = 20;

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

export interface RedirectGuardOptions {
  /** Applied to both URLs named in the error (a server may put a secret in `Location`). */
  redact?: (text: string) => string;
}

/** `fetchFn(url, init)`, following redirects to the same origin only when the method is not GET or HEAD. */
export async function fetchWithoutCrossOriginRedirect(
  fetchFn: typeof fetch,
  url: URL | string,
  init: RequestInit = {},
  options: RedirectGuardOptions = {},
): Promise<Response> {
  const method = (init.method ?? 'GET').toUpperCase();
  if (method === 'GET' || method === 'HEAD') return fetchFn(url, init);
  const redact = options.redact ?? ((text: string) => text);
  let current = new URL(url);
  let currentInit: RequestInit = { ...init, redirect: 'manual' };
  for (let hop = 0; ; hop++) {
    const response = await fetchFn(current, currentInit);
    // Browsers hide a manual redirect's target (an "opaque redirect"): refuse it without a name.
    if (response.type === 'opaqueredirect') {
      throw new CrossOriginRedirectError(method, redact(current.toString()), '(a target the runtime does not reveal)', response.status);
    }
    const location = REDIRECT_STATUSES.has(response.status) ? response.headers.get('location') : null;
    if (location === null) return response;
    await response.body?.cancel().catch(() => {});
    let target: URL;
    try {
      target = new URL(location, current);
    } catch {
      throw new CrossOriginRedirectError(method, redact(current.toString()), redact(location), response.status);
    }
    if (target.origin !== current.origin) {
      throw new CrossOriginRedirectError(method, redact(current.toString()), redact(target.toString()), response.status);
    }
    if (hop >= MAX_REDIRECTS) throw new WhatsAppError(`${method} ${redact(current.toString())}: more than ${MAX_REDIRECTS} redirects.`);
    // Fetch standard, HTTP-redirect fetch: 303 (not HEAD), and 301/302 after POST, continue as GET without a body.
    if (response.status === 303 || ((response.status === 301 || response.status === 302) && currentInit.method?.toUpperCase() === 'POST')) {
      currentInit = { ...currentInit, method: 'GET', body: null };
    }
    current = target;
  }
}
