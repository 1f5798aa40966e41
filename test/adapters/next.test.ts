/**
 * Next's App Router calls a route handler with a `NextRequest`; these tests do the same with real `NextRequest`s from
 * `next/server` (no `next dev`/`next build`: the adapter is a plain function of a Request).
 */
import { NextRequest } from 'next/server';
import { describe, expect, it } from 'vitest';
import { toNextHandler, toNextHandlers } from '../../src/adapters/next.js';
import { adapterContract, echoHandler, JSON_BODY, signedInit, type Echo } from './helpers.js';

const POST = toNextHandler(echoHandler);

/** A real NextRequest (its RequestInit type differs from the DOM one only in `signal` being non-null). */
function nextRequest(url: string, init?: RequestInit): NextRequest {
  return new NextRequest(url, init as ConstructorParameters<typeof NextRequest>[1]);
}

describe('toNextHandler (called with real NextRequests)', () => {
  adapterContract(() => async (path, init) => POST(nextRequest(`https://example.test${path}`, init)));

  it('passes the NextRequest itself (nextUrl and all) to the handler', async () => {
    let seen: Request | undefined;
    const route = toNextHandler((request) => {
      seen = request;
      return new Response('ok');
    });
    const request = nextRequest('https://example.test/flow?x=1', signedInit(JSON_BODY, 'application/json'));
    await route(request);
    expect(seen).toBe(request);
    expect((seen as NextRequest).nextUrl.searchParams.get('x')).toBe('1');
  });
});

describe('toNextHandlers: one webhook handler as GET and POST', () => {
  const { GET, POST: post } = toNextHandlers(echoHandler);

  it('GET answers the verification challenge request with its query', async () => {
    const res = await GET(new NextRequest('https://example.test/webhooks/echo?hub.mode=subscribe&hub.challenge=1158201444'));
    const echo = (await res.json()) as Echo;
    expect(echo.method).toBe('GET');
    expect(new URLSearchParams(echo.search).get('hub.challenge')).toBe('1158201444');
  });

  it('POST gets the exact bytes', async () => {
    const res = await post(nextRequest('https://example.test/webhooks/echo', signedInit(JSON_BODY, 'application/json')));
    const echo = (await res.json()) as Echo;
    expect(Buffer.from(echo.bodyBase64, 'base64').toString('utf8')).toBe(JSON_BODY);
    expect(echo.signatureHeader).toBe(echo.computedSignature);
  });
});
