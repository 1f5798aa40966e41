import { GraphError } from './graph-error.js';

/**
 * Who may use the emulator. With a token configured (`--token`, option `token`), every route needs it: the Graph
 * routes and the emulator's own `/_emulator/...` routes alike (state, messages, reset, forced statuses, complete,
 * asset downloads, health). The one exception is the preview page, `GET /_emulator/preview/{flow}?token=...`: like
 * Meta's `preview_url` it is a link to open in a browser, and its own random token (96 bits) is only handed out by
 * an authenticated `GET /{flow}?fields=preview`.
 */

/** The bearer token of a request: `Authorization: Bearer ...`, else the `access_token` query parameter. */
export function requestToken(request: Request, url: URL): string | undefined {
  const auth = request.headers.get('authorization');
  const bearer = auth ? /^bearer\s+(.+)$/i.exec(auth.trim())?.[1] : undefined;
  return bearer || url.searchParams.get('access_token') || undefined;
}

/** No token: code 104 (HTTP 400), as the emulator answered before; a wrong one: code 190 (HTTP 401, flows-platform §1.2 [M-GERR]). */
export function checkToken(token: string | undefined, required: string | undefined): void {
  if (!token) throw new GraphError({ code: 104, message: 'An access token is required to request this resource.', status: 400 });
  if (required !== undefined && !sameToken(token, required)) {
    throw new GraphError({ code: 190, message: 'Invalid OAuth access token - Cannot parse access token', status: 401 });
  }
}

/** The `/_emulator/...` routes: open without a configured token (the emulator is for this machine), else as Graph. */
export function checkAdminToken(request: Request, url: URL, required: string | undefined, route: string[]): void {
  if (required === undefined) return;
  if (request.method.toUpperCase() === 'GET' && route[0] === 'preview') return; // its own token (see above)
  checkToken(requestToken(request, url), required);
}

/** Compares without stopping at the first difference (the time depends on the lengths only). */
function sameToken(given: string, expected: string): boolean {
  let diff = given.length ^ expected.length;
  for (let i = 0; i < expected.length; i++) diff |= (given.charCodeAt(i) | 0) ^ expected.charCodeAt(i); // NaN | 0 is 0 past the end of `given`
  return diff === 0;
}
