/**
 * The preview page: reads the config the server put in the page, runs the flow with the simulator runtime, draws
 * the phone and the side panel, and reloads the flow when the server reports a new revision of the file.
 * Query: `?look=android|ios|web`, `?theme=light|dark`, `?panel=0` (the phone alone, for screenshots).
 */
import { h } from './dom.js';
import { ROUTES, type PreviewConfig, type PreviewFlowState } from './config.js';
import { renderPanel } from './panel.js';
import { renderPhone } from './screen.js';
import { PreviewSession } from './session.js';
import { createWalker } from './walk.js';

const LOOKS = ['android', 'ios', 'web'] as const;
const RELOAD_POLL_MS = 1000;

const config = JSON.parse(document.getElementById('preview-config')!.textContent!) as PreviewConfig;
const query = new URLSearchParams(location.search);
const view = {
  look: (LOOKS as readonly string[]).includes(query.get('look') ?? '') ? query.get('look')! : 'android',
  theme: query.get('theme') === 'dark' ? 'dark' : 'light',
  panel: query.get('panel') !== '0',
};
const highlight: { line?: number } = {};
const root = document.getElementById('app')!;
const session = new PreviewSession(scheduleRender);

// A text field applies its value on change, which fires when a press on another control (the Footer) blurs it.
// Redrawing between that press and its release would replace the pressed button and lose the click: while a
// pointer is down, redraw after its release (after the click is dispatched) instead.
let pointerDown = false;
let pendingRender = false;
document.addEventListener('pointerdown', () => (pointerDown = true), true);
document.addEventListener(
  'pointerup',
  () => {
    pointerDown = false;
    if (pendingRender) setTimeout(scheduleRender);
  },
  true,
);

function scheduleRender(): void {
  pendingRender = pointerDown;
  if (!pointerDown) render();
}

function render(): void {
  const focused = document.activeElement?.id;
  const phone = h('div', { class: `phone look-${view.look} theme-${view.theme}`, id: 'phone' }, renderPhone(session));
  root.replaceChildren(h('div', { class: `layout theme-${view.theme}` }, view.panel ? toolbar() : undefined, h('div', { class: 'stage' }, phone), view.panel ? renderPanel(session, config, highlight, render) : undefined));
  if (focused) document.getElementById(focused)?.focus();
}

function toolbar(): HTMLElement {
  const look = h('select', { id: 'look', onchange: (e) => ((view.look = (e.target as HTMLSelectElement).value), render()) }, ...LOOKS.map((l) => h('option', { value: l }, l === 'web' ? 'WhatsApp Web' : l === 'ios' ? 'iOS' : 'Android')));
  look.value = view.look;
  return h(
    'nav',
    { class: 'toolbar', 'aria-label': 'Preview controls' },
    h('strong', {}, 'Flow preview'),
    h('label', { for: 'look' }, 'Look '),
    look,
    h('label', { class: 'toggle' }, h('input', { type: 'checkbox', id: 'dark', checked: view.theme === 'dark', onchange: (e) => ((view.theme = (e.target as HTMLInputElement).checked ? 'dark' : 'light'), render()) }), ' Dark'),
    h('button', { type: 'button', id: 'restart', onclick: () => void session.start(config) }, 'Restart'),
  );
}

/** Polls the server for a new revision of the file; reopens at the current screen when it still exists. */
async function watch(): Promise<void> {
  for (;;) {
    await new Promise((r) => setTimeout(r, RELOAD_POLL_MS));
    try {
      const response = await fetch(`${ROUTES.flow}?since=${config.revision}`, { cache: 'no-store' });
      if (!response.ok) continue;
      const next = (await response.json()) as PreviewFlowState;
      if (next.revision === config.revision) continue;
      Object.assign(config, next);
      const sim = session.sim;
      const keep = sim?.screen !== undefined ? { screen: sim.screen, data: sim.data } : undefined;
      await session.start(config, keep);
    } catch {
      // the server stopped: keep the page as it is
    }
  }
}

(window as unknown as { metaPreview: unknown }).metaPreview = { session, walker: createWalker(session, new Date().toISOString().slice(0, 10)), ready: session.start(config) };
render();
if (query.get('watch') !== '0') void watch();
