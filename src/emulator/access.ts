import { constantTimeEqual } from '../internal/constant-time.js';
import { toHex } from '../internal/base64.js';
import { GraphError } from './graph-error.js';

/**
 * Who may use the emulator. With a token configured (`--token`, option `token`), every route needs it: the Graph
 * routes and the emulator's own `/_emulator/...` routes alike (state, messages, reset, forced statuses, complete,
 * health). Two kinds of link carry their own random token instead, as Meta's do: the preview page,
 * `GET /_emulator/preview/{flow}?token=...` (like Meta's `preview_url`, handed out by an authenticated
 * `GET /{flow}?fields=preview`), and an asset's `download_url`, `GET /_emulator/assets/{flow}/{asset}/flow.json?sig=...`
 * (Meta's download URLs are signed links that work without an access token; the `sig` is handed out by an
 * authenticated `GET /{flow}/assets`). A link without its token falls back to the access token.
 */

/** A random link token (96 bits, hex), for preview and download links. */
export function newLinkToken(): string {
  return toHex(crypto.getRandomValues(new Uint8Array(12)));
}

/** Whether a link token matches, without revealing where it differs. */
export function sameLinkToken(given: string | null | undefined, expected: string | undefined): boolean {
  if (!given || !expected) return false;
  const enc = new TextEncoder();
  return constantTimeEqual(enc.encode(given), enc.encode(expected));
}

/** The bearer token of a request: `Authorization: Bearer ...`, else the `access_token` query parameter. */
export function requestToken(request: Request, url: URL): string | undefined {
  const auth = request.headers.get('authorization');
  const bearer = auth ? /^bearer\s+(.+)$/i.exec(auth.trim())?.[1] : undefined;
  return bearer || url.searchParams.get('access_token') || undefined;
}

/** No token: code 104 (HTTP 400), as the emulator answered before; a wrong one: code 190 (HTTP 401, flows-platform §1.2 [M-GERR]). */
export function checkToken(token: string | undefined, required: string | undefined): void {
  if (!token) throw new GraphError({ code: 104, message: 'An access token is required to request this resource.', status: 400 });
  if (required !== undefined && !sameLinkToken(token, required)) {
    throw new GraphError({ code: 190, message: 'Invalid OAuth access token - Cannot parse access token', status: 401 });
  }
}

/** The `/_emulator/...` routes: open without a configured token (the emulator is for this machine), else as Graph. */
export function checkAdminToken(request: Request, url: URL, required: string | undefined, route: string[]): void {
  if (required === undefined) return;
  const get = request.method.toUpperCase() === 'GET';
  if (get && route[0] === 'preview') return; // its own token (see above)
  if (get && route[0] === 'assets' && url.searchParams.has('sig')) return; // a signed download link (see above)
  checkToken(requestToken(request, url), required);
}

