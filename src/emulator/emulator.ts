import type { FlowStatus } from '../enums/flow-status.js';
import { metaTimestamp, type EmulatorContext } from './context.js';
import { completeFlowMessage, type CompleteRequest } from './complete.js';
import { faultError, hang } from './faults.js';
import { GraphError } from './graph-error.js';
import { inspectRoute } from './inspect.js';
import { memoryPersistence } from './persistence/memory.js';
import { EmulatorDataError, type EmulatorPersistence } from './persistence/types.js';
import { listen, type ListenOptions, type RunningServer } from './listen.js';
import { readGraphRequest } from './request.js';
import { routeGraph } from './router.js';
import { emptyState, isEmulatorState, normalizeState, type EmulatorState, type FlowRecord } from './state.js';
import { flowStatusChangeEvent } from './webhooks/events.js';
import { createWebhookSender, type WebhookSender } from './webhooks/sender.js';

export interface EmulatorOptions {
  /** Accept only this bearer token (others get code 190, HTTP 401). Default: any token. */
  token?: string;
  /** Keep the state in this directory (Node only): every acknowledged write survives `kill -9` and restarts. */
  dataDir?: string;
  /** Where state is kept, for custom stores. Default: `dataDir` on disk, else in memory. */
  persistence?: EmulatorPersistence;
  /**
   * Receives `flows` webhooks (FLOW_STATUS_CHANGE) and, after `POST /_emulator/complete`, the `nfm_reply` message
   * webhook, signed with `appSecret`.
   */
  webhookUrl?: string;
  appSecret?: string;
  /** `fetch` for webhook deliveries (default: the global one). */
  fetch?: typeof fetch;
  /** The clock (tests). */
  now?: () => Date;
  /** How long the `timeout` fault holds a request before answering 504 (default 30 s). */
  timeoutFaultMs?: number;
  /** Called after every failed webhook delivery attempt; `willRetry` is false when the emulator gives up. */
  onWebhookError?: (info: { attempt: number; status?: number; error?: string; willRetry: boolean }) => void;
}

export interface Emulator {
  /** The Web handler: `(Request) => Promise<Response>`. */
  fetch(request: Request): Promise<Response>;
  /** Resolves once persisted state is loaded; rejects (EmulatorDataError) when the data file is corrupt. */
  ready: Promise<void>;
  /** The live state (read-only use). */
  state(): EmulatorState;
  /** Serves the emulator with node:http (Node only). Waits for `ready`, so a corrupt data file fails here. */
  listen(options?: ListenOptions): Promise<RunningServer>;
  /** Waits for pending webhook deliveries and saves, then releases resources. */
  close(): Promise<void>;
}

/**
 * A local stand-in for the Flows part of Meta's Graph API, as a Web `(Request) => Promise<Response>` handler.
 * Serve it with `listen()` from `meta-cloud-api/emulator` (Node) or any runtime's server.
 */
export function createEmulator(options: EmulatorOptions = {}): Emulator {
  let persistence: EmulatorPersistence = options.persistence ?? memoryPersistence();
  const now = options.now ?? (() => new Date());
  let state = emptyState();
  let stateFile: string | undefined;
  const opened =
    options.dataDir !== undefined && !options.persistence
      ? import('./persistence/file.js').then(({ filePersistence, STATE_FILE_NAME }) => {
          persistence = filePersistence(options.dataDir!);
          stateFile = `${options.dataDir!.replace(/[\\/]+$/, '')}/${STATE_FILE_NAME}`;
        })
      : Promise.resolve();
  const ready = opened.then(() => persistence.load()).then((loaded) => {
    if (loaded === undefined) return;
    if (!isEmulatorState(loaded)) {
      // A data error like any other corrupt file (persistence/types.ts), never replaced by an empty state.
      const where = stateFile ? `Emulator state file ${stateFile}` : 'The saved emulator state';
      const hint = stateFile ? ` To start with an empty state, move it away (e.g. \`mv ${stateFile} ${stateFile}.bad\`) or use another --data-dir.` : '';
      throw new EmulatorDataError(`${where} has an unknown shape: it is not an emulator state of format 1.${hint}`, stateFile ? { file: stateFile } : undefined);
    }
    state = normalizeState(loaded);
  });
  ready.catch(() => {}); // reported by whoever awaits `ready` (listen, the CLI); never an unhandled rejection
  const webhooks: WebhookSender | undefined = options.webhookUrl
    ? createWebhookSender({
        url: options.webhookUrl,
        ...(options.appSecret ? { appSecret: options.appSecret } : {}),
        ...(options.fetch ? { fetch: options.fetch } : {}),
        ...(options.onWebhookError ? { onDeliveryError: options.onWebhookError } : {}),
      })
    : undefined;

  const contextFor = (request: Request): EmulatorContext => ({
    state,
    now,
    timestamp: (date) => metaTimestamp(date ?? now()),
    origin: new URL(request.url).origin,
    flowStatusChanged: (flow: FlowRecord, oldStatus: FlowStatus | undefined) => {
      if (!webhooks) return;
      const event = flowStatusChangeEvent({ wabaId: flow.wabaId, flowId: flow.id, flowName: flow.name, newStatus: flow.status, time: now(), ...(oldStatus ? { oldStatus } : {}) });
      void webhooks.send(event);
    },
  });

  /**
   * Saves the state; when the save fails, the in-memory state goes back to the last saved one, so what the client
   * was told failed did not happen (a retry then succeeds instead of meeting a half-done change).
   */
  async function commit(): Promise<void> {
    try {
      await persistence.save(state as unknown as Record<string, unknown>);
    } catch (cause) {
      try {
        const saved = await persistence.load();
        state = saved && isEmulatorState(saved) ? normalizeState(saved) : emptyState();
      } catch {
        // keep memory as it is: the data file itself is unreadable now
      }
      void cause; // its message names files on this machine: not for the wire
      throw new GraphError({ code: 2, message: 'The emulator could not save its state; the change was not made. Check the disk of --data-dir.', status: 503, isTransient: true });
    }
  }

  async function handle(request: Request): Promise<Response> {
    try {
      await ready;
    } catch (error) {
      return new GraphError({ code: 1, message: `The emulator could not load its data: ${(error as Error).message}`, status: 503 }).toResponse();
    }
    const url = new URL(request.url);
    const parts = url.pathname.split('/').filter(Boolean);
    try {
      if (parts[0] === '_emulator' && parts[1] === 'complete' && parts.length === 2 && request.method === 'POST') {
        const ctx = contextFor(request);
        const body = (await request.json().catch(() => {
          throw new GraphError({ code: 100, message: 'The body must be JSON: { "message_id"?, "answers"? }.' });
        })) as CompleteRequest;
        const result = await completeFlowMessage(ctx, body ?? {}, {
          appSecret: options.appSecret,
          fetch: options.fetch,
          deliver: webhooks ? (envelope) => webhooks.send(envelope) : undefined,
        });
        await commit();
        return new Response(JSON.stringify(result, null, 2), { headers: { 'content-type': 'application/json' } });
      }
      if (parts[0] === '_emulator') {
        const ctx = contextFor(request);
        const { response, changed } = await inspectRoute(ctx, request, parts.slice(1));
        if (changed) await commit();
        return response;
      }
      const fault = request.headers.get('x-emulator-fault');
      if (fault) {
        const injected = faultError(fault.trim().toLowerCase());
        if (injected === 'timeout') {
          await hang(request.signal, options.timeoutFaultMs ?? 30_000);
          return new GraphError({ code: 2, message: 'Request timed out (x-emulator-fault: timeout).', status: 504, isTransient: true }).toResponse();
        }
        return injected.toResponse();
      }
      const req = await readGraphRequest(request);
      checkToken(req.token, options.token);
      const ctx = contextFor(request);
      const body = await routeGraph(ctx, req);
      if (req.method !== 'GET' || req.params.get('fields')?.includes('preview')) {
        await commit();
      }
      return new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json; charset=UTF-8' } });
    } catch (error) {
      if (error instanceof GraphError) return error.toResponse();
      // Never a stack trace or internal detail on the wire.
      return new GraphError({ code: 1, message: 'An unknown error occurred', status: 500, isTransient: true }).toResponse();
    }
  }

  return {
    fetch: handle,
    ready,
    state: () => state,
    async listen(listenOptions) {
      await ready;
      return listen(handle, listenOptions);
    },
    async close() {
      await webhooks?.drain();
      webhooks?.close();
      await opened.catch(() => {});
      await persistence.close();
    },
  };
}

function checkToken(token: string | undefined, required: string | undefined): void {
  if (!token) throw new GraphError({ code: 104, message: 'An access token is required to request this resource.', status: 400 });
  if (required !== undefined && token !== required) {
    throw new GraphError({ code: 190, message: 'Invalid OAuth access token - Cannot parse access token', status: 401 });
  }
}
