import { isObject, type JsonObject } from '../flow-json/values.js';
import { resolvePayload, selectionActions } from './actions.js';
import { SimulatorError, SimulatorInputError, type InputFailure } from './errors.js';
import { MAX_FLOW_DEPTH, nestedTooDeeply, walkComponents, type FlowDefinition } from './flow.js';
import { inputKind, publicValue } from './inputs.js';
import { resolveActionValue, resolveValue, type ResolveContext } from './resolve.js';
import { acceptValue, checkOnSubmit, type FieldContext } from './rules/index.js';
import { failure } from './rules/context.js';
import { dataSourceItems } from './rules/selection.js';
import { currentData, currentForm, emptyState, popTo, refreshScreen, showScreen, type SessionState } from './state.js';
import { screenTitle, visibleComponents, type VisibleComponent } from './visibility.js';

/**
 * One flow session as a pure state machine (no I/O): what is shown, what was entered, and what each action
 * does. Actions that need the endpoint or end the flow come back as effects for `FlowSimulator` to carry out.
 */
export type Effect =
  | { kind: 'navigated'; screen: string }
  | { kind: 'updated' }
  | { kind: 'open_url'; url: string }
  | { kind: 'data_exchange'; payload: Record<string, unknown> }
  | { kind: 'complete'; payload: Record<string, unknown> };

/** A planned change of one field: the value to store and the actions it fires. */
export interface FieldChange {
  component: VisibleComponent;
  stored: unknown;
  actions: JsonObject[];
}

export class FlowRuntime {
  readonly state: SessionState = emptyState();

  constructor(readonly flow: FlowDefinition) {}

  /** The current screen id (undefined before open and after completion). */
  get screen(): string | undefined {
    return this.state.current;
  }

  /** The resolution context of the current screen. */
  context(): ResolveContext {
    if (this.state.current === undefined) throw new SimulatorError('The flow is not open: call open() first.');
    return { flow: this.flow, state: this.state, screen: this.state.current };
  }

  components(): VisibleComponent[] {
    return this.state.current === undefined ? [] : visibleComponents(this.context());
  }

  title(): string | undefined {
    return this.state.current === undefined ? undefined : screenTitle(this.context());
  }

  data(): Record<string, unknown> {
    return currentData(this.state);
  }

  /** The current screen's form values as `${form.x}` gives them (files described). */
  form(): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    const named = this.state.current === undefined ? undefined : this.flow.screens.get(this.state.current)?.named;
    for (const [name, stored] of Object.entries(currentForm(this.state))) {
      const component = named?.get(name);
      if (stored !== undefined) out[name] = component ? publicValue(component, stored) : stored;
    }
    return out;
  }

  /** Shows a screen with its data and a fresh form (Form `init-values`, component `init-value`). */
  show(screen: string, data: Record<string, unknown>, push: boolean): void {
    const definition = this.flow.screens.get(screen);
    if (!definition) throw new SimulatorError(`Screen ${screen} is not in the Flow JSON.`);
    showScreen(this.state, screen, data, {}, push);
    const ctx = this.context();
    const form = currentForm(this.state);
    const layout = definition.node.layout;
    walkComponents(isObject(layout) && Array.isArray(layout.children) ? layout.children : [], (c) => {
      if (c.type === 'Form') {
        const init = resolveValue(c['init-values'], ctx);
        if (isObject(init)) for (const [k, v] of Object.entries(init)) if (v !== undefined) form[k] = v;
      } else if (typeof c.name === 'string' && c['init-value'] !== undefined && inputKind(c)) {
        const v = resolveValue(c['init-value'], ctx);
        if (v !== undefined) form[c.name] = v;
      }
    });
  }

  /** The endpoint answered with the current screen: new data, same form. */
  refresh(data: Record<string, unknown>): void {
    refreshScreen(this.state, data);
    this.pruneSelections();
  }

  /** Back to `screen` (default the previous one), optionally with new data. @returns false when it is not on the stack. */
  back(screen?: string, data?: Record<string, unknown>): boolean {
    return popTo(this.state, screen, data);
  }

  /** Leaves the session (completed). */
  close(): void {
    this.state.current = undefined;
    this.state.stack.length = 0;
  }

  /** The visible input named `name`, or throws SimulatorInputError (unknown, hidden or disabled). */
  input(name: string): VisibleComponent {
    const screen = this.context().screen;
    const found = this.components().find((c) => c.name === name && inputKind(c.node));
    const fail = (rule: string, message: string, component = 'field'): never => {
      throw new SimulatorInputError([{ screen, field: name, component, rule, message }]);
    };
    if (!found) {
      const hidden = this.flow.screens.get(screen)?.named.get(name);
      if (hidden && inputKind(hidden)) return fail('not-visible', 'is not visible on the screen now', String(hidden.type));
      const names = this.components().flatMap((c) => (c.name && inputKind(c.node) ? [c.name] : []));
      return fail('unknown-field', `is not an input of screen ${screen}; its visible inputs are ${names.join(', ') || '(none)'}`);
    }
    if (found.props.enabled === false) fail('disabled', 'is disabled', found.type);
    return found;
  }

  /** Checks a new value for a field and says which actions setting it fires. @throws SimulatorInputError */
  plan(name: string, value: unknown): FieldChange {
    const component = this.input(name);
    const ctx = this.fieldContext(component);
    // Before any check walks, copies or prints it (a value nested 100 000 deep would overflow the stack).
    if (nestedTooDeeply(value)) throw new SimulatorInputError([failure(ctx, 'value-type', `the value is nested too deeply (more than ${MAX_FLOW_DEPTH} levels)`)]);
    const { stored, failures } = acceptValue(ctx, value);
    if (failures.length) throw new SimulatorInputError(failures);
    const kind = inputKind(component.node)!;
    const before = currentForm(this.state)[name];
    return { component, stored, actions: selectionActions(kind, component.node, dataSourceItems(component.props), before, stored) };
  }

  /** Stores a planned value (its actions are carried out by the caller). */
  commit(change: FieldChange): void {
    const form = currentForm(this.state);
    if (change.stored === undefined) delete form[change.component.name!];
    else form[change.component.name!] = change.stored;
  }

  /** Every failure of the visible, enabled inputs, as pressing the Footer would show them. */
  validate(): InputFailure[] {
    const form = currentForm(this.state);
    return this.components()
      .filter((c) => c.name && inputKind(c.node) && c.props.enabled !== false)
      .flatMap((c) => checkOnSubmit(this.fieldContext(c), form[c.name!]));
  }

  /** The Footer's action, after the checks pressing it makes (inputs valid, Footer shown and enabled). @throws SimulatorInputError */
  footerAction(): unknown {
    const screen = this.context().screen;
    const failures = this.validate();
    if (failures.length) throw new SimulatorInputError(failures);
    const footer = this.components().find((c) => c.type === 'Footer');
    if (!footer) {
      const list = this.components().some((c) => c.type === 'NavigationList');
      throw new SimulatorError(`Screen ${screen} has no Footer to press${list ? ': click an item of its NavigationList' : ''}.`, { screen });
    }
    if (footer.props.enabled === false) {
      throw new SimulatorInputError([{ screen, field: String(footer.props.label), component: 'Footer', rule: 'footer-disabled', message: 'the Footer is disabled (its `enabled` is false with the values entered)' }]);
    }
    return footer.node['on-click-action'];
  }

  /** Carries out an action of the current screen; navigate, update_data and open_url happen here. */
  perform(action: unknown): Effect {
    if (!isObject(action) || typeof action.name !== 'string') throw new SimulatorError(`Not an action: ${JSON.stringify(action)}`, { screen: this.state.current });
    const ctx = this.context();
    switch (action.name) {
      case 'navigate': {
        const next = isObject(action.next) ? action.next.name : undefined;
        if (typeof next !== 'string' || !this.flow.screens.has(next)) throw new SimulatorError(`navigate to an unknown screen ${JSON.stringify(next)}.`, { screen: ctx.screen });
        this.show(next, resolvePayload(action.payload, ctx, 'navigate'), true);
        return { kind: 'navigated', screen: next };
      }
      case 'update_data': {
        this.state.data.set(ctx.screen, { ...currentData(this.state), ...resolvePayload(action.payload, ctx, 'update') });
        this.pruneSelections();
        return { kind: 'updated' };
      }
      case 'open_url': {
        const url = String(resolveActionValue(action.url, ctx) ?? '');
        this.state.openedUrls.push(url);
        return { kind: 'open_url', url };
      }
      case 'data_exchange':
        return { kind: 'data_exchange', payload: resolvePayload(action.payload, ctx, 'exchange') };
      case 'complete':
        return { kind: 'complete', payload: resolvePayload(action.payload, ctx, 'complete') };
      default:
        throw new SimulatorError(`Unknown action ${action.name}.`, { screen: ctx.screen });
    }
  }

  fieldContext(component: VisibleComponent): FieldContext {
    return { screen: this.context().screen, flow: this.flow, node: component.node, props: component.props };
  }

  /** Drops selected ids that are no longer items of their (changed) data source, as the client re-renders the list. */
  private pruneSelections(): void {
    const form = currentForm(this.state);
    for (const c of this.components()) {
      const kind = inputKind(c.node);
      if (!c.name || (kind !== 'single' && kind !== 'multi') || form[c.name] === undefined) continue;
      const ids = new Set(dataSourceItems(c.props).map((i) => i.id));
      const value = form[c.name];
      if (kind === 'single' && !ids.has(value as string)) delete form[c.name];
      if (kind === 'multi' && Array.isArray(value)) form[c.name] = value.filter((id) => ids.has(id));
    }
  }
}
