/**
 * One preview session: the simulator (the same FlowSimulator the tests and the CLI use) driven by the page.
 * Every user action goes through one queue, so a field's change and the Footer's click apply in order.
 */
import { FlowSimulator } from '../../simulator/simulator.js';
import { FlowTokenExpiredError, SimulatorError, SimulatorInputError, SimulatorProtocolError } from '../../simulator/errors.js';
import type { FlowCompletion, SimulatorEvent, SimulatorWarning } from '../../simulator/types.js';
import { ROUTES, type PreviewConfig } from './config.js';

/** One request of the exchange log: decrypted request, decrypted answer (or the failure), HTTP statuses, time. */
export interface ExchangeEntry {
  action: string;
  screen: string | undefined;
  request: Record<string, unknown>;
  response?: unknown;
  statuses: number[];
  ms?: number;
  error?: string;
  /** performance.now() when the request was sent. */
  started: number;
}

/** A state WhatsApp shows over the flow: an error dialog (endpoint failures, 427) or the closed flow. */
export interface Notice {
  kind: 'error' | 'expired' | 'closed';
  title: string;
  message: string;
}

export class PreviewSession {
  sim: FlowSimulator | undefined;
  errors: Record<string, string> = {};
  readonly log: ExchangeEntry[] = [];
  readonly warnings: SimulatorWarning[] = [];
  notice: Notice | undefined;
  toast: string | undefined;
  loadError: string | undefined;
  private queue: Promise<void> = Promise.resolve();
  private pendingStatuses: number[] = [];

  constructor(private readonly onChange: () => void) {}

  get completion(): FlowCompletion | undefined {
    return this.sim?.completion;
  }

  /** Opens the flow as the flow message does; with `keep`, reopens at that screen with its data (live reload). */
  start(config: PreviewConfig, keep?: { screen: string; data: Record<string, unknown> }): Promise<void> {
    return this.run(async () => {
      this.errors = {};
      this.notice = undefined;
      this.loadError = undefined;
      this.log.length = 0;
      this.warnings.length = 0;
      try {
        this.sim = new FlowSimulator({
          flowJson: config.flowText,
          validate: false, // the side panel shows the validator's diagnostics; the page still plays what it can
          flowToken: config.flowToken,
          onEvent: (e) => this.record(e),
          ...(config.endpoint ? { endpoint: new URL(ROUTES.endpoint, location.href).href, publicKey: fetchPublicKey, fetch: this.recordingFetch } : {}),
        });
      } catch (error) {
        this.sim = undefined;
        this.loadError = message(error);
        return;
      }
      if (keep && this.sim.flow.screens.has(keep.screen)) await this.sim.open({ screen: keep.screen, data: keep.data });
      else if (config.open.action === 'data_exchange') await this.sim.open({ action: 'data_exchange' });
      else await this.sim.open({ ...(config.open.screen ? { screen: config.open.screen } : {}), ...(config.open.data ? { data: config.open.data } : {}) });
    });
  }

  answer(name: string, value: unknown): Promise<void> {
    return this.run(async () => {
      delete this.errors[name];
      await this.sim!.answer({ [name]: value });
    });
  }

  submit(): Promise<void> {
    return this.run(async () => {
      this.errors = {};
      await this.sim!.submit();
    });
  }

  click(target: string, item?: string): Promise<void> {
    return this.run(async () => {
      const before = this.sim!.openedUrls.length;
      await this.sim!.click(target, item);
      const url = this.sim!.openedUrls[before];
      if (url !== undefined) this.toast = `Opens ${url} in the browser`;
    });
  }

  back(): Promise<void> {
    return this.run(async () => {
      this.errors = {};
      if (this.sim!.stack.length === 0) this.close();
      else await this.sim!.back();
    });
  }

  /** The close (×) control: WhatsApp closes the flow without sending anything. */
  close(): void {
    this.notice = { kind: 'closed', title: 'Flow closed', message: 'The flow was closed without completing: nothing is sent.' };
    this.onChange();
  }

  dismiss(): void {
    if (this.notice?.kind === 'error') this.notice = undefined;
    this.toast = undefined;
    this.onChange();
  }

  /** Runs one user action after the previous ones, maps the simulator's errors to what WhatsApp shows, and re-renders. */
  private run(step: () => Promise<void>): Promise<void> {
    this.queue = this.queue.then(async () => {
      this.toast = undefined;
      try {
        await step();
      } catch (error) {
        this.fail(error);
      }
      this.onChange();
    });
    return this.queue;
  }

  private fail(error: unknown): void {
    const last = this.log[this.log.length - 1];
    if (last && last.response === undefined && last.error === undefined) {
      last.error = message(error);
      last.ms = Math.round(performance.now() - last.started);
    }
    if (error instanceof SimulatorInputError) {
      for (const f of error.failures) {
        if (f.rule === 'footer-disabled') this.toast = f.message;
        else this.errors[f.field] ??= f.message;
      }
    } else if (error instanceof FlowTokenExpiredError) {
      // 427: the client shows the business's message and the flow can no longer be used (flows-platform §6.6).
      this.notice = { kind: 'expired', title: 'This flow has expired', message: error.message };
    } else if (error instanceof SimulatorProtocolError) {
      this.notice = { kind: 'error', title: 'Something went wrong', message: `${error.error}: ${error.message}` };
    } else if (error instanceof SimulatorError) {
      this.notice = { kind: 'error', title: 'The flow cannot go on', message: error.message };
    } else {
      this.notice = { kind: 'error', title: 'Preview error', message: message(error) };
    }
  }

  private record(event: SimulatorEvent): void {
    if (event.type === 'request') {
      this.pendingStatuses = [];
      this.log.push({ action: event.action, screen: event.screen, request: event.data, statuses: this.pendingStatuses, started: performance.now() });
    } else if (event.type === 'response') {
      const entry = this.log[this.log.length - 1];
      if (entry) {
        entry.response = event.response;
        entry.ms = Math.round(performance.now() - entry.started);
      }
    } else if (event.type === 'warning') this.warnings.push(event.warning);
  }

  /** fetch that notes each HTTP status of the current exchange (a 421 shows as 421 then 200). */
  private readonly recordingFetch: typeof fetch = async (input, init) => {
    const response = await fetch(input, init);
    this.pendingStatuses.push(response.status);
    return response;
  };
}

async function fetchPublicKey(): Promise<string> {
  const response = await fetch(ROUTES.publicKey, { cache: 'no-store' });
  if (!response.ok) throw new Error(`The preview server has no public key (HTTP ${response.status}).`);
  return response.text();
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
