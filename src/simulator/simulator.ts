import { InvalidArgumentError } from '../core/errors.js';
import { validateFlowJson } from '../flow-json/validate.js';
import { isObject } from '../flow-json/values.js';
import { webhookUserProblem, type WebhookUser } from '../platform/webhook-users.js';
import { findClickable, toggled } from './clickables.js';
import { EndpointClient } from './endpoint-client.js';
import { SimulatorError, SimulatorFlowError, SimulatorInputError } from './errors.js';
import { exchange, type ExchangeOptions } from './exchange.js';
import { exampleData, loadFlow, MAX_FLOW_DEPTH, nestedTooDeeply, type FlowDefinition } from './flow.js';
import type { CheckedResponse, RequestContext } from './response-checks.js';
import { runAuto, runWithAnswers } from './run.js';
import { FlowRuntime, type Effect } from './runtime.js';
import type { AutoAnswerOptions, FillValues, FlowAnswers, FlowCompletion, FlowSimulatorOptions, OpenOptions, SimulatorEvent, SimulatorWarning, TypedFlowAnswers } from './types.js';
import type { FlowJson } from '../flow-json/types/index.js';
import type { VisibleComponent } from './visibility.js';

/**
 * A WhatsApp Flows client in a test: opens a flow as the flow message would, shows screens (If/Switch and
 * `visible` evaluated, bindings resolved), checks inputs the way the client does, carries out actions, talks to
 * the data endpoint encrypted like WhatsApp, and reports how the flow completed.
 *
 * @example
 * const sim = new FlowSimulator({ flowJson });
 * await sim.open();
 * sim.fill({ first_name: 'Ana' });
 * await sim.submit();                       // navigate → CONFIRM
 * await sim.submit();                       // complete
 * sim.completion?.response;                 // { flow_token: 'unused', first_name: 'Ana' }
 */
export class FlowSimulator<F extends FlowJson = FlowJson> {
  /** The indexed Flow JSON. */
  readonly flow: FlowDefinition;
  private readonly runtime: FlowRuntime;
  private readonly exchangeOptions: ExchangeOptions;
  private readonly client: EndpointClient | undefined;
  private finished: FlowCompletion | undefined;
  private readonly recorded: SimulatorWarning[] = [];
  private readonly user: WebhookUser | undefined;

  constructor(options: FlowSimulatorOptions<F>) {
    this.flow = loadFlow(options.flowJson);
    if (options.validate !== false) {
      const { errors } = validateFlowJson(typeof options.flowJson === 'string' ? options.flowJson : (options.flowJson as object));
      if (errors.length) throw new SimulatorFlowError('The Flow JSON has errors Meta would reject:', errors.map((e) => `${e.line_start}:${e.column_start} ${e.error} ${e.message}`));
    }
    if (options.endpoint !== undefined && options.publicKey === undefined) throw new InvalidArgumentError('An endpoint needs the business publicKey (PEM) to encrypt requests.');
    this.client = options.endpoint === undefined ? undefined : new EndpointClient({ endpoint: options.endpoint, publicKey: options.publicKey!, ...pick(options, 'appSecret', 'fetch', 'timeoutMs') });
    if (options.user !== undefined) {
      const problem = webhookUserProblem(options.user);
      if (problem) throw new InvalidArgumentError(problem);
      this.user = { ...options.user };
    }
    this.runtime = new FlowRuntime(this.flow);
    const onEvent = options.onEvent;
    this.exchangeOptions = {
      flow: this.flow,
      client: this.client,
      flowToken: options.flowToken ?? 'unused',
      appSecret: options.appSecret,
      notifyErrors: options.notifyErrors !== false,
      strict: options.strict === true,
      emit: (event: SimulatorEvent) => onEvent?.(event),
    };
  }

  /** The current screen id (undefined before `open` and after completion). */
  get screen(): string | undefined {
    return this.runtime.screen;
  }
  /** The current screen's title, resolved. */
  get title(): string | undefined {
    return this.runtime.title();
  }
  /** The current screen's data (`${data.…}`). */
  get data(): Record<string, unknown> {
    return this.runtime.data();
  }
  /** The visible components of the current screen, with resolved properties. */
  get components(): VisibleComponent[] {
    return this.runtime.components();
  }
  /** The current screen's form values, as `${form.…}` gives them. */
  get form(): Record<string, unknown> {
    return this.runtime.form();
  }
  /** The snackbar of the last endpoint answer (`data.error_message`). */
  get errorMessage(): string | undefined {
    return this.runtime.state.errorMessage;
  }
  /** URLs opened by `open_url` actions. */
  get openedUrls(): readonly string[] {
    return this.runtime.state.openedUrls;
  }
  /** Screens under the current one (back goes to the last). */
  get stack(): readonly string[] {
    return this.runtime.state.stack;
  }
  get completed(): boolean {
    return this.finished !== undefined;
  }
  /** What the endpoint's answers did that Meta's rules warn about (omitted fields, SUCCESS without flow_token), in order. */
  get warnings(): readonly SimulatorWarning[] {
    return this.recorded;
  }
  /** The completion message content (see FlowCompletion), once the flow completed. */
  get completion(): FlowCompletion | undefined {
    return this.finished;
  }

  /** Opens the flow as the flow message does: navigate to a screen with data, or INIT to the endpoint. */
  async open(options: OpenOptions = {}): Promise<this> {
    if (this.runtime.screen !== undefined || this.finished) throw new SimulatorError('The flow is already open; create a new FlowSimulator for another session.');
    if ((options.action ?? 'navigate') === 'data_exchange') {
      if (options.screen !== undefined || options.data !== undefined) throw new InvalidArgumentError('open({ action: "data_exchange" }) sends INIT: the endpoint picks the screen and data.');
      await this.apply(await this.request({ action: 'INIT', screen: undefined, stack: [] }, {}), 'endpoint');
      return this;
    }
    const screen = options.screen ?? this.flow.entry;
    const definition = this.flow.screens.get(screen);
    if (!definition) throw new SimulatorError(`Screen ${screen} is not in the Flow JSON (screens: ${this.flow.order.join(', ')}).`);
    if (options.data !== undefined && !isObject(options.data)) throw new InvalidArgumentError('open({ data }) must be an object.');
    if (nestedTooDeeply(options.data)) throw new InvalidArgumentError(`open({ data }) is nested too deeply (more than ${MAX_FLOW_DEPTH} levels of objects and arrays).`);
    // Like the client: the message's data as given. `__example__` values only stand in when no data is given at
    // all (handy for walking a flow on its own); given data is never padded with them, so a missing field shows.
    this.runtime.show(screen, options.data !== undefined ? { ...options.data } : exampleData(definition.dataModel), false);
    this.emitScreen('open');
    return this;
  }

  /** Enters values (text, ids, booleans, dates, files) and fires their update_data actions. @throws SimulatorInputError */
  fill(values: FillValues<F>): this {
    this.ensureOpen();
    for (const [field, value] of Object.entries(values)) {
      const change = this.runtime.plan(field, value);
      if (change.actions.some((a) => a.name === 'data_exchange')) {
        throw new SimulatorInputError([{ screen: this.runtime.screen!, field, component: change.component.type, rule: 'needs-select', message: 'its on-select-action calls the endpoint: use await sim.select(...) or await sim.answer(...)' }]);
      }
      this.runtime.commit(change);
      this.emit({ type: 'fill', screen: this.runtime.screen!, field, value });
      for (const action of change.actions) this.runtime.perform(action);
    }
    return this;
  }

  /** Like `fill`, also for fields whose on-select-action calls the endpoint. */
  async answer(values: Record<string, unknown>): Promise<this> {
    this.ensureOpen();
    const screen = this.runtime.screen;
    for (const [field, value] of Object.entries(values)) {
      if (this.runtime.screen !== screen || this.finished) break;
      const change = this.runtime.plan(field, value);
      this.runtime.commit(change);
      this.emit({ type: 'fill', screen: screen!, field, value });
      for (const action of change.actions) await this.handle(this.runtime.perform(action));
    }
    return this;
  }

  /** Selects an item (RadioButtonsGroup, Dropdown: replaces; CheckboxGroup, ChipsSelector: adds; OptIn: checks). */
  async select(field: string, id?: string): Promise<this> {
    return this.answer({ [field]: toggled(this.runtime, field, id, true) });
  }

  /** Unselects an item of a CheckboxGroup / ChipsSelector, or unchecks an OptIn. */
  async unselect(field: string, id?: string): Promise<this> {
    return this.answer({ [field]: toggled(this.runtime, field, id, false) });
  }

  /** Presses the Footer: checks the visible inputs as the client does, then runs the Footer's action. */
  async submit(): Promise<this> {
    this.ensureOpen();
    await this.handle(this.runtime.perform(this.runtime.footerAction()));
    return this;
  }

  /**
   * Clicks an EmbeddedLink (by text), an OptIn's "read more" (by name or label), a NavigationList item (by
   * `(listName, itemId)`, or by item id or title) or the Footer (by label, same as `submit`).
   */
  async click(target: string, item?: string): Promise<this> {
    this.ensureOpen();
    const found = findClickable(this.runtime.components(), target, item);
    if (!found) throw new SimulatorError(`Nothing to click on screen ${this.runtime.screen} matches ${JSON.stringify(item === undefined ? target : `${target} / ${item}`)}.`, { screen: this.runtime.screen });
    if (found === 'footer') return this.submit();
    await this.handle(this.runtime.perform(found));
    return this;
  }

  /** Presses back: BACK to the endpoint when the screen has `refresh_on_back`, else the previous screen as it was. */
  async back(): Promise<this> {
    this.ensureOpen();
    const screen = this.runtime.screen!;
    if (this.runtime.state.stack.length === 0) throw new SimulatorError(`Screen ${screen} is the first screen: back would close the flow.`, { screen });
    if (this.flow.screens.get(screen)?.refreshOnBack) {
      await this.apply(await this.request({ action: 'BACK', screen, stack: [...this.runtime.state.stack] }, {}), 'back');
      return this;
    }
    this.runtime.back();
    this.emitScreen('back');
    return this;
  }

  /** The endpoint health check; resolves to the decrypted `{ data: { status: "active" } }`. */
  async ping(): Promise<unknown> {
    if (!this.client) throw new SimulatorFlowError('ping needs the data endpoint: pass { endpoint, publicKey } to the simulator.');
    return this.client.ping(this.flow.dataApiVersion ?? '3.0');
  }

  /** Fills and submits screen after screen with `answers` (per screen id) until the flow completes. */
  async run(answers: TypedFlowAnswers<F>, options: { maxSteps?: number } = {}): Promise<FlowCompletion> {
    return runWithAnswers(this as FlowSimulator, answers as FlowAnswers, options.maxSteps);
  }

  /** Walks the flow with generated valid answers (`autoAnswers`) until it completes. */
  async runAuto(options: AutoAnswerOptions & { maxSteps?: number } = {}): Promise<FlowCompletion> {
    return runAuto(this, options);
  }

  private async handle(effect: Effect): Promise<void> {
    if (effect.kind === 'navigated') this.emitScreen('navigate');
    else if (effect.kind === 'complete') this.complete('complete', effect.payload);
    else if (effect.kind === 'data_exchange') {
      const screen = this.runtime.screen!;
      await this.apply(await this.request({ action: 'data_exchange', screen, stack: [...this.runtime.state.stack] }, effect.payload), 'endpoint');
    }
  }

  private async request(context: RequestContext, data: Record<string, unknown>): Promise<CheckedResponse> {
    const response = await exchange(this.exchangeOptions, context, data);
    for (const finding of response.warnings) {
      const warning: SimulatorWarning = { action: context.action, screen: context.screen, rule: finding.rule, error: finding.error, message: finding.message };
      if (finding.field !== undefined) warning.field = finding.field;
      this.recorded.push(warning);
      this.emit({ type: 'warning', warning });
    }
    return response;
  }

  private async apply(response: CheckedResponse, via: 'endpoint' | 'back'): Promise<void> {
    if (response.kind === 'success') return this.complete('endpoint', response.params);
    const data = this.keepOmitted(response);
    if (via === 'back') this.runtime.back(response.screen, data);
    else if (response.screen === this.runtime.screen) this.runtime.refresh(data);
    else this.runtime.show(response.screen, data, this.runtime.screen !== undefined);
    this.emitScreen(via);
  }

  /**
   * An answer's data, with the earlier value of each declared field it left out (Meta: what WhatsApp accepts in published flows (observed): whether
   * WhatsApp keeps it is unverified; keeping it is what the partial answers of Meta's sample endpoints expect).
   * "Earlier" means the data the screen shows now: the current screen (a same-screen answer) or the screen a
   * BACK returns to. A screen that is newly shown (INIT, a forward answer) has no earlier data, so the field is
   * absent there (`${data.x}` resolves to nothing).
   */
  private keepOmitted(response: Extract<CheckedResponse, { kind: 'screen' }>): Record<string, unknown> {
    const live = response.screen === this.runtime.screen || this.runtime.state.stack.includes(response.screen);
    const earlier = live ? this.runtime.state.data.get(response.screen) : undefined;
    if (!earlier) return response.data;
    const data = { ...response.data };
    for (const w of response.warnings) if (w.field !== undefined && earlier[w.field] !== undefined) data[w.field] = earlier[w.field];
    return data;
  }

  private complete(source: FlowCompletion['source'], params: Record<string, unknown>): void {
    // A complete action: WhatsApp adds the message's flow_token to the payload (flows-platform §4.3). The
    // endpoint's SUCCESS: the params exactly as sent (§3.5), even without a flow_token (a warning, §6.5).
    const response = source === 'complete' ? { flow_token: this.exchangeOptions.flowToken, ...params } : { ...params };
    const token = typeof response.flow_token === 'string' ? { flow_token: response.flow_token } : {};
    this.finished = { name: 'flow', body: 'Sent', response_json: JSON.stringify(response), ...token, response, source, screen: this.runtime.screen ?? '', ...(this.user ? { user: this.user } : {}) };
    this.runtime.close();
    this.emit({ type: 'complete', completion: this.finished });
  }

  private ensureOpen(): void {
    if (this.finished) throw new SimulatorError('The flow has completed.');
    if (this.runtime.screen === undefined) throw new SimulatorError('The flow is not open: call await sim.open() first.');
  }

  private emitScreen(via: 'open' | 'navigate' | 'endpoint' | 'back'): void {
    if (this.runtime.screen !== undefined) this.emit({ type: 'screen', screen: this.runtime.screen, title: this.runtime.title(), via });
  }

  private emit(event: SimulatorEvent): void {
    this.exchangeOptions.emit(event);
  }
}

/** The defined values of some keys of `o`. */
function pick<T extends object, K extends keyof T>(o: T, ...keys: K[]): Partial<Pick<T, K>> {
  const out: Partial<Pick<T, K>> = {};
  for (const k of keys) if (o[k] !== undefined) out[k] = o[k];
  return out;
}
