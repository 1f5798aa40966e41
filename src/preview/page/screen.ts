/**
 * The phone: WhatsApp's flow sheet with the top bar (close or back, the screen `title`), the body (the visible
 * components, as the simulator resolves them) and the Footer pinned at the bottom with its captions; over it the
 * states WhatsApp shows (error dialog, expired flow, closed flow, completion).
 */
import { h, str } from './dom.js';
import { renderComponent } from './components/index.js';
import type { PreviewSession } from './session.js';

export function renderPhone(session: PreviewSession): HTMLElement {
  const sim = session.sim;
  if (!sim) return sheet('Preview', h('div', { class: 'p-state', role: 'alert' }, h('h2', {}, 'This flow cannot be shown'), h('p', {}, session.loadError ?? 'Loading…')));
  if (sim.completion) {
    return sheet(
      'Flow completed',
      h('div', { class: 'p-state p-done', role: 'status' }, h('div', { class: 'p-check', 'aria-hidden': 'true' }, '✓'), h('h2', {}, 'Sent'), h('p', {}, `The flow completed on screen ${sim.completion.screen}; WhatsApp sends the nfm_reply message shown in the panel.`)),
    );
  }
  if (session.notice?.kind === 'closed') return sheet('Flow closed', h('div', { class: 'p-state', role: 'status' }, h('p', {}, session.notice.message)));
  if (sim.screen === undefined) return sheet('Preview', h('div', { class: 'p-state' }, h('p', {}, session.notice?.message ?? 'Opening…')));

  const components = sim.components;
  const form = sim.form;
  const version = sim.flow.version;
  const body = h('main', { class: 'p-body', id: 'screen-body', 'aria-label': `Screen ${sim.screen}` });
  let footer: HTMLElement | undefined;
  components.forEach((component) => {
    if (component.type === 'Footer') {
      footer = renderFooter(session, component.props);
      return;
    }
    const name = component.name;
    const id = `c${component.pointer.replace(/[^A-Za-z0-9]+/g, '-')}`;
    const error = (name !== undefined ? session.errors[name] : undefined) ?? (str(component.props['error-message']) || undefined);
    body.append(
      renderComponent({
        component,
        id,
        value: name === undefined ? undefined : form[name],
        error,
        version,
        answer: (field, value) => void session.answer(field, value),
        click: (target, item) => void session.click(target, item),
      }),
    );
  });
  const first = sim.stack.length === 0;
  const top = h(
    'header',
    { class: 'p-top' },
    h('button', { type: 'button', class: 'p-icon', 'aria-label': first ? 'Close' : 'Back', onclick: () => void session.back() }, first ? '✕' : '←'),
    h('h1', { class: 'p-title', id: 'screen-title' }, sim.title ?? ''),
    h('span', { class: 'p-icon p-menu', 'aria-hidden': 'true' }, '⋮'),
  );
  const overlays: HTMLElement[] = [];
  if (sim.errorMessage) overlays.push(h('div', { class: 'p-snackbar', role: 'status' }, sim.errorMessage));
  if (session.toast) overlays.push(h('div', { class: 'p-snackbar', role: 'status' }, session.toast));
  if (session.notice) overlays.push(dialog(session));
  return h('section', { class: 'p-sheet', 'data-screen': sim.screen }, top, body, footer ?? h('footer', { class: 'p-footer p-managed' }, h('p', { class: 'p-managed-by' }, 'Managed by the business. Learn more')), ...overlays);
}

/** The Footer: captions above the button (left and right, or center; Meta: Footer), the label on the button. */
function renderFooter(session: PreviewSession, props: Record<string, unknown>): HTMLElement {
  const [left, center, right] = ['left-caption', 'center-caption', 'right-caption'].map((k) => str(props[k]));
  const captions = left || center || right ? h('div', { class: 'p-captions' }, h('span', {}, left), h('span', {}, center), h('span', {}, right)) : undefined;
  return h(
    'footer',
    { class: 'p-footer' },
    captions,
    h('button', { type: 'button', class: 'p-footer-button', id: 'footer-button', disabled: props.enabled === false, onclick: () => void session.submit() }, str(props.label)),
    h('p', { class: 'p-managed-by' }, 'Managed by the business. Learn more'),
  );
}

function dialog(session: PreviewSession): HTMLElement {
  const notice = session.notice!;
  const expired = notice.kind === 'expired';
  return h(
    'div',
    { class: 'p-dialog-backdrop' },
    h(
      'div',
      { class: 'p-dialog', role: 'alertdialog', 'aria-modal': 'true', 'aria-labelledby': 'dialog-title', 'aria-describedby': 'dialog-text' },
      h('h2', { id: 'dialog-title' }, notice.title),
      h('p', { id: 'dialog-text' }, notice.message),
      expired ? undefined : h('button', { type: 'button', class: 'p-dialog-ok', onclick: () => session.dismiss() }, 'OK'),
    ),
  );
}

function sheet(title: string, content: HTMLElement): HTMLElement {
  return h('section', { class: 'p-sheet' }, h('header', { class: 'p-top' }, h('span', { class: 'p-icon' }), h('h1', { class: 'p-title', id: 'screen-title' }, title), h('span', { class: 'p-icon' })), h('main', { class: 'p-body' }, content));
}
