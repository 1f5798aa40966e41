import { readStreamWithLimit } from '../../internal/read-body.js';
import { FlowMediaError } from './flow-media-error.js';

/** What `downloadCdnFile` needs to know. */
export interface DownloadOptions {
  mediaId: string;
  fetch: typeof fetch | undefined;
  signal: AbortSignal | undefined;
  maxBytes: number;
}

const EXPIRY =
  'Files stay on the WhatsApp CDN for up to 20 days: if it expired, ask the user to pick the file again ' +
  '(re-request it in the flow).';

function describeCause(cause: unknown): string {
  const text = cause instanceof Error ? `${cause.name}: ${cause.message}` : String(cause);
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}

function tooLarge(options: DownloadOptions, size: string): FlowMediaError {
  return new FlowMediaError(
    'size',
    `Flow media ${options.mediaId}: the CDN file is ${size}, more than maxBytes (${options.maxBytes} bytes); ` +
      'the download was stopped. Raise maxBytes if such files are expected (WhatsApp allows up to 100 MiB).',
  );
}

function failed(options: DownloadOptions, host: string, cause: unknown): unknown {
  if (options.signal?.aborted) return options.signal.reason ?? cause;
  return new FlowMediaError(
    'download',
    `Flow media ${options.mediaId}: downloading from ${host} failed (${describeCause(cause)}). ` +
      `Check the network and retry. ${EXPIRY}`,
    { cause },
  );
}

async function readLimited(
  response: Response,
  options: DownloadOptions,
  host: string,
): Promise<Uint8Array<ArrayBuffer>> {
  let body: Uint8Array<ArrayBuffer> | 'too-large';
  try {
    body = response.body ? await readStreamWithLimit(response.body, options.maxBytes) : new Uint8Array(await response.arrayBuffer());
  } catch (err) {
    throw failed(options, host, err);
  }
  if (body === 'too-large') throw tooLarge(options, `over ${options.maxBytes} bytes`);
  if (body.length > options.maxBytes) throw tooLarge(options, `${body.length} bytes`);
  return body;
}

/**
 * Downloads an encrypted picker file, refusing error statuses and stopping as soon as more than
 * `maxBytes` arrive (or `Content-Length` announces more). Aborts reject with the signal's reason.
 */
export async function downloadCdnFile(url: URL, options: DownloadOptions): Promise<Uint8Array<ArrayBuffer>> {
  const host = url.host;
  const init: RequestInit = { method: 'GET', redirect: 'error', signal: options.signal ?? null };
  let response: Response;
  try {
    response = await (options.fetch ? options.fetch(url.href, init) : fetch(url.href, init));
  } catch (err) {
    throw failed(options, host, err);
  }
  if (!response.ok) {
    await response.body?.cancel().catch(() => undefined);
    const status = `${response.status}${response.statusText ? ` ${response.statusText}` : ''}`;
    throw new FlowMediaError(
      'download',
      `Flow media ${options.mediaId}: the CDN at ${host} answered HTTP ${status}. ${EXPIRY}`,
      { status: response.status },
    );
  }
  const declared = Number(response.headers.get('content-length') ?? Number.NaN);
  if (Number.isFinite(declared) && declared > options.maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    throw tooLarge(options, `${declared} bytes (Content-Length)`);
  }
  return readLimited(response, options, host);
}
