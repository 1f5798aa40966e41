/** What a component renderer gets: the component as the simulator shows it, its value and error, and the user's actions. */
import type { VisibleComponent } from '../../../simulator/visibility.js';

export interface ComponentContext {
  component: VisibleComponent;
  /** A stable DOM id for this component on this screen (focus survives a re-render). */
  id: string;
  /** The value the simulator holds for the field (`sim.form[name]`). */
  value: unknown;
  /** The client's error for the field after a refused entry or submit, else the component's `error-message`. */
  error: string | undefined;
  /** The Flow JSON version (DatePicker before 5.0 uses epoch milliseconds). */
  version: string;
  /** Enters a value (text, ids, booleans, dates, files): the simulator checks it and fires its actions. */
  answer(name: string, value: unknown): void;
  /** Clicks a link, an OptIn's "read more" or a NavigationList item. */
  click(target: string, item?: string): void;
}

export type Renderer = (ctx: ComponentContext) => HTMLElement;

/** The component's resolved properties. */
export function props(ctx: ComponentContext): Record<string, unknown> {
  return ctx.component.props;
}

/** Whether the component accepts input (`enabled` is not false). */
export function enabled(ctx: ComponentContext): boolean {
  return props(ctx).enabled !== false;
}

/** The `data-source` items (objects with an id) of a selection component. */
export function items(ctx: ComponentContext): Record<string, unknown>[] {
  const source = props(ctx)['data-source'];
  return Array.isArray(source) ? source.filter((i): i is Record<string, unknown> => typeof i === 'object' && i !== null) : [];
}
