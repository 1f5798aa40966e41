import type { FlowStatus } from '../enums/flow-status.js';
import { metaTimestamp, type EmulatorContext } from './context.js';
import { completeFlowMessage, type CompleteRequest } from './complete.js';
import { faultError, hang } from './faults.js';
import { InvalidArgumentError, WhatsAppError } from '../core/errors.js';
import { GraphError } from './graph-error.js';
import { inspectRoute, isInspectChange } from './inspect.js';
import { memoryPersistence } from './persistence/memory.js';
import { EmulatorDataError, type EmulatorPersistence } from './persistence/types.js';
import { listen, type ListenOptions, type RunningServer } from './listen.js';
import { readGraphRequest } from './request.js';
import { routeGraph } from './router.js';
import { emptyState, type EmulatorState, type FlowRecord } from './state.js';
import { stateProblem } from './state-shape.js';
import { DEFAULT_MAX_STATE_BYTES } from './state-size.js';
import { checkAdminToken, checkToken } from './access.js';
import { readAdminJson } from './admin-body.js';
import { createStore, type Transaction } from './store.js';
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
  /**
   * New message templates start `PENDING` and become `APPROVED` this many milliseconds later (by the `now`
   * clock). Default 0: approved at once.
   */
  templateApprovalDelayMs?: number;
  /**
   * Let `POST /_emulator/complete` call a flow's `endpoint_uri` on any host. Default false: only this machine
   * (127.0.0.0/8, ::1, localhost), since whoever can create a flow chooses its `endpoint_uri`.
   */
  allowRemoteEndpoints?: boolean;
  /**
   * The most the state may hold, in bytes of its JSON (default 256 MiB, `DEFAULT_MAX_STATE_BYTES`): a change that
   * would grow it past this is refused with HTTP 413 and changes nothing.
   */
  maxStateBytes?: number;
  /**
   * Answer as Meta answers an app created on or after 2026-11-04: such apps cannot use `date_format`, so
   * `GET /{flow}?date_format=...` gets a Graph error (Meta: Graph API changelog). Default false: an older app.
   */
  newApp?: boolean;
  /** Called after every failed webhook delivery attempt; `willRetry` is false when the emulator gives up. */
  onWebhookError?: (info: { attempt: number; status?: number; error?: string; willRetry: boolean }) => void;
}

export interface Emulator {
  /** The Web handler: `(Request) => Promise<Response>`. */
  fetch(request: Request): Promise<Response>;
  /** Resolves once persisted state is loaded; rejects (EmulatorDataError) when the data file is corrupt. */
  ready: Promise<void>;
  /** The committed state: deeply frozen (every change goes through a transaction that is saved first). */
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
  const approvalDelay = options.templateApprovalDelayMs ?? 0;
  if (!Number.isSafeInteger(approvalDelay) || approvalDelay < 0) {
    throw new InvalidArgumentError(`templateApprovalDelayMs must be a whole number of milliseconds, 0 or more; got ${String(options.templateApprovalDelayMs)}.`);
  }
  const maxStateBytes = options.maxStateBytes ?? DEFAULT_MAX_STATE_BYTES;
  if (!Number.isSafeInteger(maxStateBytes) || maxStateBytes < 1) {
    throw new InvalidArgumentError(`maxStateBytes must be a whole number of bytes, 1 or more; got ${String(options.maxStateBytes)}.`);
  }
  let persistence: EmulatorPersistence = options.persistence ?? memoryPersistence();
  const now = options.now ?? (() => new Date());
  const store = createStore(emptyState(), () => persistence, maxStateBytes);
  let stateFile: string | undefined;
  const opened =
    options.dataDir !== undefined && !options.persistence
      ? import('./persistence/file.js').then(({ filePersistence, STATE_FILE_NAME }) => {
          persistence = filePersistence(options.dataDir!, { exclusive: true });
          stateFile = `${options.dataDir!.replace(/[\\/]+$/, '')}/${STATE_FILE_NAME}`;
        })
      : Promise.resolve();
  const ready = opened.then(() => persistence.load()).then((loaded) => {
    if (loaded === undefined) return;
    const problem = stateProblem(loaded);
    if (problem !== undefined) {
      // A data error like any other corrupt file (persistence/types.ts), never replaced by an empty state.
      const where = stateFile ? `Emulator state file ${stateFile}` : 'The saved emulator state';
      const hint = stateFile ? ` To start with an empty state, move it away (e.g. \`mv ${stateFile} ${stateFile}.bad\`) or use another --data-dir.` : '';
      throw new EmulatorDataError(`${where} has an unknown shape: ${problem}; it is not an emulator state of format 1.${hint}`, stateFile ? { file: stateFile } : undefined);
    }
    store.load(loaded as unknown as EmulatorState);
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

  /**
   * The context of one request. With a transaction, handlers change its draft and their webhooks wait for the
   * commit; without one, they read the committed state, which is frozen (src/emulator/store.ts).
   */
  const contextFor = (request: Request, tx?: Transaction): EmulatorContext => ({
    state: tx ? tx.state : store.committed(),
    now,
    timestamp: (date) => metaTimestamp(date ?? now()),
    origin: new URL(request.url).origin,
    templateApprovalDelayMs: approvalDelay,
    newApp: options.newApp === true,
    flowStatusChanged: (flow: FlowRecord, oldStatus: FlowStatus | undefined) => {
      if (!tx) throw new WhatsAppError('A read-only request tried to change a flow status.');
      if (!webhooks) return;
      // Built now (the draft may change later in this request), sent only once the change is saved.
      const event = flowStatusChangeEvent({ wabaId: flow.wabaId, flowId: flow.id, flowName: flow.name, newStatus: flow.status, time: now(), ...(oldStatus ? { oldStatus } : {}) });
      tx.afterCommit(() => webhooks.send(event));
    },
  });

  async function handle(request: Request): Promise<Response> {
    try {
      return await serve(request);
    } catch (error) {
      if (error instanceof GraphError) return error.toResponse();
      // A RangeError is input too deep or too large for the engine (a stack or string limit): the input's fault.
      if (error instanceof RangeError) return new GraphError({ code: 100, message: '(#100) The request is nested too deeply or is too large to process.' }).toResponse();
      // Never a stack trace or internal detail on the wire.
      return new GraphError({ code: 1, message: 'An unknown error occurred', status: 500, isTransient: true }).toResponse();
    }
  }

  async function loaded(): Promise<void> {
    try {
      await ready;
    } catch (error) {
      throw new GraphError({ code: 1, message: `The emulator could not load its data: ${(error as Error).message}`, status: 503 });
    }
  }

  async function serve(request: Request): Promise<Response> {
    const url = new URL(request.url);
    const parts = url.pathname.split('/').filter(Boolean);
    if (parts[0] === '_emulator') {
      const route = parts.slice(1);
      checkAdminToken(request, url, options.token, route); // access.ts: every route, once a token is set
      await loaded();
      if (route[0] === 'complete' && route.length === 1 && request.method === 'POST') return complete(request);
      return isInspectChange(request.method, route)
        ? await store.mutate((tx) => inspectRoute(contextFor(request, tx), request, route))
        : await inspectRoute(contextFor(request), request, route);
    }
    const req = await readGraphRequest(request);
    checkToken(req.token, options.token);
    await loaded();
    const fault = request.headers.get('x-emulator-fault');
    if (fault) {
      const injected = faultError(fault.trim().toLowerCase());
      if (injected === 'timeout') {
        await hang(request.signal, options.timeoutFaultMs ?? 30_000);
        return new GraphError({ code: 2, message: 'Request timed out (x-emulator-fault: timeout).', status: 504, isTransient: true }).toResponse();
      }
      return injected.toResponse();
    }
    // Reads use the committed state; anything that may change it is a transaction (a preview URL is minted on read).
    const changes = req.method !== 'GET' || req.params.get('fields')?.includes('preview') === true;
    const body = changes ? await store.mutate((tx) => routeGraph(contextFor(request, tx), req)) : await routeGraph(contextFor(request), req);
    return new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json; charset=UTF-8' } });
  }

  async function complete(request: Request): Promise<Response> {
    const body = (await readAdminJson(request, 'The body of /_emulator/complete ({ "message_id"?, "answers"?, "user"? })')) as CompleteRequest | undefined;
    const result = await completeFlowMessage(contextFor(request), body ?? {}, {
      appSecret: options.appSecret,
      fetch: options.fetch,
      allowRemoteEndpoints: options.allowRemoteEndpoints === true,
      deliver: webhooks ? (envelope) => webhooks.send(envelope) : undefined,
      record: (change) => store.mutate((tx) => change(contextFor(request, tx), tx.afterCommit)),
    });
    return new Response(JSON.stringify(result, null, 2), { headers: { 'content-type': 'application/json' } });
  }

  return {
    fetch: handle,
    ready,
    state: () => store.snapshot(),
    async listen(listenOptions) {
      await ready;
      return listen(handle, listenOptions);
    },
    async close() {
      await store.idle();
      await webhooks?.drain();
      webhooks?.close();
      await opened.catch(() => {});
      await persistence.close();
    },
  };
}
