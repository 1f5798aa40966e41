/**
 * `createPreviewServer`: the local previewer's Web handler (and `listen()` on 127.0.0.1). It serves exactly four
 * things: the page (`/`, the built script inlined), the flow and its diagnostics (`/__preview/flow`, for live
 * reload), the business PUBLIC key (`/__preview/public-key`, for the page's encryption and its 421 refetch) and a
 * relay to the data endpoint (`/__preview/endpoint`). No path maps to a file, so no path can reach one. The page
 * encrypts requests itself (Web Crypto, the simulator's client); the server never sees a private key (a
 * `--handler` endpoint keeps its own, in-process) and signs relayed requests with the app secret itself, so the
 * secret never reaches the page.
 */
import { InvalidArgumentError } from '../core/errors.js';
import { hubSignature } from '../internal/hmac.js';
import { listen as listenHttp, type ListenOptions, type RunningServer } from '../emulator/listen.js';
import type { WebHandler } from '../simulator/endpoint-client.js';
import { FlowSource } from './flow-source.js';
import { contentSecurityPolicy, pageHtml } from './html.js';
import { ROUTES, type PreviewConfig } from './page/config.js';
import { loadPageAssets, type PageAssets } from './page-assets.js';

export interface PreviewServerOptions {
  /** The Flow JSON, as text or an object (with `flowFile`: its current text). */
  flowJson: string | object;
  /** The file the flow came from: re-read when it changes, and the page reloads (live reload). */
  flowFile?: string;
  /** The data endpoint: a URL, or a Web handler such as `createFlowEndpoint(...)` run in-process. */
  endpoint?: string | WebHandler;
  /** The business public key PEM (or a function returning it, asked again after a 421). Needed with `endpoint`. */
  publicKey?: string | (() => string | Promise<string>);
  /** The Meta app secret: relayed requests carry X-Hub-Signature-256 (computed here; the page never has it). */
  appSecret?: string;
  /** How the flow message opens the flow: its screen and `data` (navigate), or INIT (default with an endpoint, unless screen/data are given). */
  screen?: string;
  data?: Record<string, unknown>;
  action?: 'navigate' | 'data_exchange';
  /** The message's flow token (default `unused`). */
  flowToken?: string;
  /** Where the built page is (default: dist/preview next to the library). */
  assetsDir?: string;
}

export interface PreviewServer {
  /** The Web handler: mount it in your own dev server. */
  handler: WebHandler;
  /** Serves the handler with node:http; default 127.0.0.1:4020 (`port: 0` picks a free one). */
  listen(options?: ListenOptions): Promise<RunningServer>;
}

/** Bytes a relayed request may have: the data channel's payload limit, base64, with room (flows-platform §3.5). */
const MAX_RELAY_BYTES = 4 * 1024 * 1024;
export const DEFAULT_PREVIEW_PORT = 4020;

export function createPreviewServer(options: PreviewServerOptions): PreviewServer {
  const flowText = typeof options.flowJson === 'string' ? options.flowJson : JSON.stringify(options.flowJson, null, 2);
  if (options.endpoint !== undefined && options.publicKey === undefined) throw new InvalidArgumentError('An endpoint needs the business publicKey (PEM) to encrypt requests: pass publicKey (meta-cloud-api keys writes one).');
  if (typeof options.publicKey === 'string') assertPublic(options.publicKey);
  if (typeof options.endpoint === 'string' && !/^https?:\/\//.test(options.endpoint)) throw new InvalidArgumentError(`endpoint must be an http(s) URL; got ${options.endpoint}`);
  const source = new FlowSource(flowText, options.flowFile);
  let assets: Promise<PageAssets> | undefined;
  const action = options.action ?? (options.endpoint !== undefined && options.screen === undefined && options.data === undefined ? 'data_exchange' : 'navigate');

  const handler: WebHandler = async (request) => {
    const url = new URL(request.url);
    const route = `${request.method} ${url.pathname}`;
    try {
      if (route === 'GET /' || route === 'GET /index.html') {
        assets ??= loadPageAssets(options.assetsDir);
        assets.catch(() => (assets = undefined));
        const config: PreviewConfig = {
          ...(await source.current()),
          endpoint: options.endpoint !== undefined,
          open: { action, ...(options.screen !== undefined ? { screen: options.screen } : {}), ...(options.data !== undefined ? { data: options.data } : {}) },
          flowToken: options.flowToken ?? 'unused',
        };
        const nonce = btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
        return new Response(pageHtml(await assets, config, nonce), { headers: { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': contentSecurityPolicy(nonce), 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' } });
      }
      if (route === `GET ${ROUTES.flow}`) return json(200, await source.current());
      if (route === `GET ${ROUTES.publicKey}`) {
        if (options.publicKey === undefined) return text(404, 'No data endpoint is configured, so there is no public key.');
        const pem = typeof options.publicKey === 'function' ? await options.publicKey() : options.publicKey;
        assertPublic(pem);
        return text(200, pem);
      }
      if (route === `POST ${ROUTES.endpoint}`) return await relay(request, options);
      if (url.pathname.startsWith('/__preview/') || url.pathname === '/') return text(405, `${request.method} is not allowed on ${url.pathname}.`);
      return text(404, 'Not found: the previewer serves only its page and the flow given to it.');
    } catch (error) {
      return text(500, `The preview server failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  };

  return {
    handler,
    listen: (listenOptions = {}) => listenHttp(handler, { port: DEFAULT_PREVIEW_PORT, host: '127.0.0.1', ...listenOptions }),
  };
}

/** Sends a request the page encrypted to the endpoint (URL or in-process handler) and hands back its status and body. */
async function relay(request: Request, options: PreviewServerOptions): Promise<Response> {
  if (options.endpoint === undefined) return text(404, 'No data endpoint is configured: start the preview with --endpoint URL --public-key FILE or --handler FILE.');
  const length = Number(request.headers.get('content-length') ?? 0);
  if (length > MAX_RELAY_BYTES) return text(413, `A request to the endpoint may have at most ${MAX_RELAY_BYTES} bytes.`);
  const body = await request.text();
  if (body.length > MAX_RELAY_BYTES) return text(413, `A request to the endpoint may have at most ${MAX_RELAY_BYTES} bytes.`);
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (options.appSecret) headers['x-hub-signature-256'] = await hubSignature(body, options.appSecret);
  const init: RequestInit = { method: 'POST', headers, body, signal: request.signal };
  let response: Response;
  try {
    response = typeof options.endpoint === 'string' ? await fetch(options.endpoint, { ...init, redirect: 'manual' }) : await options.endpoint(new Request('http://127.0.0.1/flow-endpoint', init));
  } catch (error) {
    // No HTTP answer: the page's client reports it as WhatsApp would (no_http_response_error) from this 502.
    return text(502, `The data endpoint did not answer: ${error instanceof Error ? error.message : String(error)}`);
  }
  return new Response(await response.arrayBuffer(), { status: response.status, headers: { 'content-type': response.headers.get('content-type') ?? 'text/plain' } });
}

/** A private key must never be served: refuse one given as the public key. */
function assertPublic(pem: string): void {
  if (/PRIVATE KEY/.test(pem)) throw new InvalidArgumentError('publicKey is a PRIVATE key: give the business PUBLIC key PEM (the page encrypts with it; the private key stays with the endpoint).');
}

function json(status: number, value: unknown): Response {
  return new Response(JSON.stringify(value), { status, headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' } });
}

function text(status: number, body: string): Response {
  return new Response(body, { status, headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' } });
}
