import { InvalidArgumentError } from '../../core/errors.js';
/**
 * Delivers webhook bodies to one receiver URL, the way Meta does: a signed JSON POST, retried with
 * exponential backoff until the receiver answers 2xx or the attempts run out.
 */
import { postOnce } from './attempt.js';
import { backoffDelayMs } from './backoff.js';
import { SIGNATURE_HEADER, signBody } from './signature.js';

/** How one `send` ended. */
export interface DeliveryResult {
  /** The receiver answered 2xx. */
  delivered: boolean;
  /** Attempts made (0 when nothing was sent, e.g. after `close()`). */
  attempts: number;
  /** HTTP status of the last answer, when there was one. */
  status?: number;
}

/** A failed attempt, as reported to `onDeliveryError`. Never contains the app secret. */
export interface DeliveryErrorInfo {
  /** 1-based attempt number (0 when the body could not even be prepared). */
  attempt: number;
  /** HTTP status, when the receiver answered. */
  status?: number;
  /** What went wrong. */
  error?: string;
  /** Whether another attempt will follow. */
  willRetry: boolean;
}

/** Options of {@link createWebhookSender}. */
export interface WebhookSenderOptions {
  /** Receiver (the app's webhook callback URL). */
  url: string;
  /** When set, every body is signed with `X-Hub-Signature-256`. */
  appSecret?: string;
  /** Default: the global `fetch`. */
  fetch?: typeof fetch;
  /** Attempts per delivery, first one included. Default 5. */
  maxAttempts?: number;
  /** Delay before the first retry; doubles after each failure. Default 500. */
  initialDelayMs?: number;
  /** Cap on the delay between attempts. Default 30000. */
  maxDelayMs?: number;
  /** Per-attempt timeout. Default 10000. */
  timeoutMs?: number;
  /** Called after every failed attempt. */
  onDeliveryError?: (info: DeliveryErrorInfo) => void;
  /** Waits between attempts (inject to make tests fast). Default: a timer that `close()` cancels. */
  sleep?: (ms: number) => Promise<void>;
}

/** A webhook sender bound to one receiver. */
export interface WebhookSender {
  /**
   * Delivers one body (`JSON.stringify(envelope)`, serialised at call time). First attempts go out in call
   * order, one at a time; retries run on their own and do not hold up later deliveries. Never rejects.
   */
  send(envelope: object): Promise<DeliveryResult>;
  /** Deliveries not finished yet (waiting for their turn, in flight, or waiting to retry). */
  pending(): number;
  /** Resolves when every delivery, retries included, has finished (also those sent while draining). */
  drain(): Promise<void>;
  /** Stops: no new attempts, in-flight attempts are aborted, unfinished deliveries resolve as not delivered. */
  close(): void;
}

const USER_AGENT = 'meta-cloud-api-emulator';
const encoder = new TextEncoder();

/** Creates a sender for one receiver URL. Throws on invalid options; `send` itself never rejects. */
export function createWebhookSender(options: WebhookSenderOptions): WebhookSender {
  const settings = readOptions(options);
  const redact = redactor(options.appSecret);
  const closing = new AbortController();
  const closed = new Promise<void>((resolve) => closing.signal.addEventListener('abort', () => resolve(), { once: true }));
  const active = new Set<Promise<DeliveryResult>>();
  // Resolves when every earlier delivery has made (or given up on) its first attempt.
  let firstAttemptTurn: Promise<void> = Promise.resolve();

  const report = (info: DeliveryErrorInfo): void => {
    const safe: DeliveryErrorInfo = info.error === undefined ? info : { ...info, error: redact(info.error) };
    try {
      options.onDeliveryError?.(safe);
    } catch {
      // A throwing callback must not break delivery.
    }
  };

  const wait = async (ms: number): Promise<void> => {
    if (closing.signal.aborted) return;
    if (!options.sleep) return cancellableTimer(ms, closing.signal);
    const sleep = options.sleep;
    await Promise.race([Promise.resolve().then(() => sleep(ms)).catch(() => undefined), closed]);
  };

  async function deliver(envelope: object, turn: Promise<void>, firstAttemptDone: () => void): Promise<DeliveryResult> {
    try {
      // Serialised before the first await, so later changes to `envelope` do not leak into the body.
      const prepared = prepareBody(envelope);
      if (typeof prepared === 'string') {
        report({ attempt: 0, error: prepared, willRetry: false });
        return { delivered: false, attempts: 0 };
      }
      const headers = await buildHeaders(prepared, options.appSecret);
      if (typeof headers === 'string') {
        report({ attempt: 0, error: headers, willRetry: false });
        return { delivered: false, attempts: 0 };
      }
      await turn;
      let status: number | undefined;
      for (let attempt = 1; ; attempt++) {
        if (closing.signal.aborted) return notDelivered(attempt - 1, status);
        const outcome = await postOnce({
          url: settings.url,
          body: prepared,
          headers,
          timeoutMs: settings.timeoutMs,
          fetch: settings.fetch,
          closing: closing.signal,
        });
        firstAttemptDone();
        if (outcome.ok) return { delivered: true, attempts: attempt, status: outcome.status };
        status = outcome.status ?? status;
        const willRetry = attempt < settings.maxAttempts && !closing.signal.aborted;
        report({ attempt, ...(outcome.status === undefined ? {} : { status: outcome.status }), error: outcome.error, willRetry });
        if (!willRetry) return notDelivered(attempt, status);
        await wait(backoffDelayMs(attempt, settings.initialDelayMs, settings.maxDelayMs));
      }
    } catch (error) {
      // Only reachable through a bug or a hostile runtime; `send` still must not reject.
      report({ attempt: 0, error: redact(`delivery failed: ${String(error)}`), willRetry: false });
      return { delivered: false, attempts: 0 };
    } finally {
      firstAttemptDone();
    }
  }

  return {
    send(envelope) {
      let firstAttemptDone!: () => void;
      const mine = new Promise<void>((resolve) => (firstAttemptDone = resolve));
      const turn = firstAttemptTurn;
      firstAttemptTurn = turn.then(() => mine);
      const delivery = deliver(envelope, turn, firstAttemptDone);
      active.add(delivery);
      void delivery.then(() => active.delete(delivery));
      return delivery;
    },
    pending: () => active.size,
    async drain() {
      while (active.size > 0) await Promise.all([...active]);
    },
    close() {
      closing.abort();
    },
  };
}

interface Settings {
  url: string;
  fetch: typeof fetch;
  maxAttempts: number;
  initialDelayMs: number;
  maxDelayMs: number;
  timeoutMs: number;
}

function readOptions(options: WebhookSenderOptions): Settings {
  if (typeof options.url !== 'string' || !URL.canParse(options.url)) throw new InvalidArgumentError('createWebhookSender: `url` must be an absolute URL');
  const settings: Settings = {
    url: options.url,
    fetch: options.fetch ?? ((input, init) => globalThis.fetch(input, init)),
    maxAttempts: options.maxAttempts ?? 5,
    initialDelayMs: options.initialDelayMs ?? 500,
    maxDelayMs: options.maxDelayMs ?? 30_000,
    timeoutMs: options.timeoutMs ?? 10_000,
  };
  if (!Number.isInteger(settings.maxAttempts) || settings.maxAttempts < 1) throw new InvalidArgumentError('createWebhookSender: `maxAttempts` must be an integer >= 1');
  for (const key of ['initialDelayMs', 'maxDelayMs', 'timeoutMs'] as const) {
    if (!Number.isFinite(settings[key]) || settings[key] < 0) throw new InvalidArgumentError(`createWebhookSender: \`${key}\` must be a finite number >= 0`);
  }
  return settings;
}

/** The body bytes, or why there are none. */
function prepareBody(envelope: object): Uint8Array<ArrayBuffer> | string {
  let json: string | undefined;
  try {
    json = JSON.stringify(envelope);
  } catch (error) {
    return `envelope is not serialisable as JSON: ${error instanceof Error ? error.message : String(error)}`;
  }
  if (json === undefined) return 'envelope is not serialisable as JSON';
  return encoder.encode(json);
}

/** Request headers (signed over `body` when there is a secret), or why they could not be built. */
async function buildHeaders(body: Uint8Array, appSecret: string | undefined): Promise<Record<string, string> | string> {
  const headers: Record<string, string> = { 'content-type': 'application/json', 'user-agent': USER_AGENT };
  if (appSecret === undefined) return headers;
  try {
    headers[SIGNATURE_HEADER] = await signBody(body, appSecret);
  } catch (error) {
    return `could not sign the body: ${error instanceof Error ? error.message : String(error)}`;
  }
  return headers;
}

function notDelivered(attempts: number, status: number | undefined): DeliveryResult {
  return status === undefined ? { delivered: false, attempts } : { delivered: false, attempts, status };
}

/** Removes the app secret from text that reaches the user. */
function redactor(secret: string | undefined): (text: string) => string {
  if (!secret) return (text) => text;
  return (text) => text.split(secret).join('[REDACTED]');
}

/** A timer that ends early (and is cleared) when `signal` aborts, so a closed sender keeps no process alive. */
function cancellableTimer(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const onAbort = () => {
      clearTimeout(timer);
      resolve();
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
