/**
 * The state of one flow session, as WhatsApp's client keeps it: the screen shown, the screens under it (for
 * back), and per screen id its data (`${data.…}`) and its form values (`${form.…}`), kept after leaving the
 * screen so global references `${screen.ID.form.x}` / `${screen.ID.data.x}` still read them.
 */
export interface SessionState {
  /** The screen shown; undefined before `open` and after completion. */
  current: string | undefined;
  /** Screens under the current one, oldest first (back pops the last). */
  stack: string[];
  data: Map<string, Record<string, unknown>>;
  /** Stored form values per screen (raw as entered: text, ids, booleans, dates, files). */
  forms: Map<string, Record<string, unknown>>;
  /** The snackbar text of the last endpoint response (`data.error_message`), cleared on the next screen change. */
  errorMessage: string | undefined;
  /** URLs opened by `open_url` actions, in order. */
  openedUrls: string[];
}

export function emptyState(): SessionState {
  return { current: undefined, stack: [], data: new Map(), forms: new Map(), errorMessage: undefined, openedUrls: [] };
}

/** Shows `screen` with `data` and a fresh form; the current screen goes on the back stack when `push`. */
export function showScreen(state: SessionState, screen: string, data: Record<string, unknown>, form: Record<string, unknown>, push: boolean): void {
  if (push && state.current !== undefined) state.stack.push(state.current);
  state.current = screen;
  state.data.set(screen, data);
  state.forms.set(screen, form);
  state.errorMessage = typeof data.error_message === 'string' ? data.error_message : undefined;
}

/** Re-shows the current screen with new data, keeping what the user entered (an endpoint answering with the same screen). */
export function refreshScreen(state: SessionState, data: Record<string, unknown>): void {
  if (state.current === undefined) return;
  state.data.set(state.current, data);
  state.errorMessage = typeof data.error_message === 'string' ? data.error_message : undefined;
}

/**
 * Goes back to `screen` (default: the one under the current screen), dropping the screens above it. Its data
 * and form are the ones it had, unless `data` (a BACK response) replaces the data.
 * @returns false when `screen` is not on the back stack.
 */
export function popTo(state: SessionState, screen?: string, data?: Record<string, unknown>): boolean {
  const index = screen === undefined ? state.stack.length - 1 : state.stack.lastIndexOf(screen);
  if (index < 0) return false;
  state.current = state.stack[index];
  state.stack.length = index;
  if (data) state.data.set(state.current!, data);
  state.errorMessage = data && typeof data.error_message === 'string' ? data.error_message : undefined;
  return true;
}

/** The current screen's data (empty before open). */
export function currentData(state: SessionState): Record<string, unknown> {
  return (state.current !== undefined && state.data.get(state.current)) || {};
}

/** The current screen's stored form values. */
export function currentForm(state: SessionState): Record<string, unknown> {
  if (state.current === undefined) return {};
  let form = state.forms.get(state.current);
  if (!form) state.forms.set(state.current, (form = {}));
  return form;
}
