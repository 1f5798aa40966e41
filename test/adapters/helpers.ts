/**
 * The contract every adapter test runs: a Web handler that echoes what it saw (method, URL, headers, the raw body
 * bytes and their HMAC-SHA256), plus routes that answer odd statuses, an empty body, and throw.
 */
import { createHmac } from 'node:crypto';
import type { Server } from 'node:http';
import { expect, it } from 'vitest';

export const SECRET = 'adapter-test-app-secret';
export const SECRET_DETAIL = 'secret-detail-that-must-not-leak';

export function hmac(bytes: Uint8Array): string {
  return `sha256=${createHmac('sha256', SECRET).update(bytes).digest('hex')}`;
}

export interface Echo {
  method: string;
  path: string;
  search: string;
  signatureHeader: string | null;
  contentType: string | null;
  bodyBase64: string;
  computedSignature: string;
  aborted: boolean;
}

/** Routes on the last path segment, so it works wherever a framework mounts it. */
export async function echoHandler(request: Request): Promise<Response> {
  const url = new URL(request.url);
  const last = url.pathname.split('/').pop();
  const bytes = new Uint8Array(await request.arrayBuffer());
  if (last === 'throw') throw new Error(SECRET_DETAIL);
  if (last === 'status421') {
    const headers = new Headers({ 'content-type': 'text/plain', 'x-custom': 'yes' });
    headers.append('set-cookie', 'a=1; Path=/');
    headers.append('set-cookie', 'b=2; Path=/; HttpOnly');
    return new Response(Buffer.from(bytes).toString('base64'), { status: 421, headers });
  }
  if (last === 'empty432') return new Response(null, { status: 432, headers: { 'x-empty': '1' } });
  const echo: Echo = {
    method: request.method,
    path: url.pathname,
    search: url.search,
    signatureHeader: request.headers.get('x-hub-signature-256'),
    contentType: request.headers.get('content-type'),
    bodyBase64: Buffer.from(bytes).toString('base64'),
    computedSignature: hmac(bytes),
    aborted: request.signal.aborted,
  };
  return Response.json(echo, { headers: { 'x-echo': 'true' } });
}

/** JSON with odd whitespace, tabs, CRLF, non-ASCII and astral characters, escapes, and a trailing newline. */
export const JSON_BODY = ' {\t"action" :"data_exchange",\r\n  "text":"héllo wörld 🎉 — \\u00e9",  "n":[1 ,2.50,\n3e2] }  \n';
/** Not JSON at all. */
export const FORM_BODY = 'a=1&b=%20two&c=caf%C3%A9\n';
/** A UTF-8 BOM, every byte value (invalid UTF-8 included) and a trailing NUL. */
export const BINARY_BODY = new Uint8Array([0xef, 0xbb, 0xbf, ...Array.from({ length: 256 }, (_, i) => i), 0xff, 0xfe, 0x00]);

/** Sends a request to the app under test (over HTTP, or by calling the handler) and returns its response. */
export type Send = (path: string, init?: RequestInit) => Promise<Response>;

export function signedInit(body: string | Uint8Array, contentType: string | undefined): RequestInit {
  const bytes = typeof body === 'string' ? new TextEncoder().encode(body) : body;
  const headers: Record<string, string> = { 'x-hub-signature-256': hmac(bytes) };
  if (contentType) headers['content-type'] = contentType;
  return { method: 'POST', headers, body: bytes as Uint8Array<ArrayBuffer> };
}

async function echoOf(response: Response): Promise<Echo> {
  expect(response.status).toBe(200);
  expect(response.headers.get('x-echo')).toBe('true');
  return (await response.json()) as Echo;
}

/** Registers the shared contract tests; `prefix` is where the echo handler is mounted (e.g. '' or '/mounted'). */
export function adapterContract(send: () => Send, prefix = ''): void {
  const cases: Array<[string, string | Uint8Array, string | undefined]> = [
    ['JSON with odd whitespace, unicode and a trailing newline', JSON_BODY, 'application/json'],
    ['a non-JSON (urlencoded) body', FORM_BODY, 'application/x-www-form-urlencoded'],
    ['a text/plain body', FORM_BODY, 'text/plain; charset=utf-8'],
    ['a binary body', BINARY_BODY, 'application/octet-stream'],
    ['a binary body with no content-type', BINARY_BODY, undefined],
  ];
  for (const [name, body, contentType] of cases) {
    it(`hands over ${name} byte for byte, with the signature header`, async () => {
      const init = signedInit(body, contentType);
      const echo = await echoOf(await send()(`${prefix}/echo?x=1&y=%C3%A9`, init));
      const sent = typeof body === 'string' ? Buffer.from(body, 'utf8') : Buffer.from(body);
      expect(echo.method).toBe('POST');
      expect(echo.path).toBe(`${prefix}/echo`);
      expect(echo.search).toBe('?x=1&y=%C3%A9');
      expect(Buffer.from(echo.bodyBase64, 'base64').equals(sent)).toBe(true);
      expect(echo.computedSignature).toBe(hmac(sent));
      expect(echo.signatureHeader).toBe(echo.computedSignature);
      if (contentType) expect(echo.contentType).toBe(contentType);
      expect(echo.aborted).toBe(false);
    });
  }

  it('passes a GET with its query (webhook verification) and no body', async () => {
    const echo = await echoOf(await send()(`${prefix}/echo?hub.mode=subscribe&hub.verify_token=t&hub.challenge=1158201444`));
    expect(echo.method).toBe('GET');
    expect(echo.search).toBe('?hub.mode=subscribe&hub.verify_token=t&hub.challenge=1158201444');
    expect(echo.bodyBase64).toBe('');
  });

  it('returns the status, headers (both set-cookies) and body the handler set', async () => {
    const res = await send()(`${prefix}/status421`, signedInit(BINARY_BODY, 'application/octet-stream'));
    expect(res.status).toBe(421);
    expect(res.headers.get('content-type')).toBe('text/plain');
    expect(res.headers.get('x-custom')).toBe('yes');
    expect(res.headers.getSetCookie()).toEqual(['a=1; Path=/', 'b=2; Path=/; HttpOnly']);
    expect(await res.text()).toBe(Buffer.from(BINARY_BODY).toString('base64'));
  });

  it('returns an empty body as empty', async () => {
    const res = await send()(`${prefix}/empty432`, signedInit(JSON_BODY, 'application/json'));
    expect(res.status).toBe(432);
    expect(res.headers.get('x-empty')).toBe('1');
    expect((await res.arrayBuffer()).byteLength).toBe(0);
  });

  it('answers 500 with nothing of the error when the handler throws', async () => {
    const res = await send()(`${prefix}/throw`, signedInit(JSON_BODY, 'application/json'));
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(text).not.toContain(SECRET_DETAIL);
    expect(text).not.toMatch(/at .*\.ts/); // no stack trace either
  });
}

/** `fetch` against a base URL. */
export function httpSend(base: () => string): Send {
  return (path, init) => fetch(`${base()}${path}`, init);
}

/** The `http://127.0.0.1:PORT` of a listening `node:http` server. */
export function baseUrlOf(server: Server): string {
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('server is not listening on TCP');
  return `http://127.0.0.1:${address.port}`;
}
