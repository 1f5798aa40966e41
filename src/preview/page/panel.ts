/**
 * The side panel: the validator's diagnostics of the file (click one to highlight its lines in the source), the
 * exchange log (each request and answer decrypted, HTTP statuses, time; the page never has the private key or the
 * app secret, so they cannot show), the endpoint warnings, and the completion as the `nfm_reply` webhook carries it.
 */
import type { FlowJsonDiagnostic } from '../../flow-json/diagnostics.js';
import { h } from './dom.js';
import type { PreviewFlowState } from './config.js';
import type { PreviewSession } from './session.js';

export function renderPanel(session: PreviewSession, flow: PreviewFlowState, highlight: { line?: number }, rerender: () => void): HTMLElement {
  return h('aside', { class: 'panel', 'aria-label': 'Preview panel' }, diagnosticsSection(flow, highlight, rerender), logSection(session), completionSection(session), sourceSection(flow, highlight));
}

function diagnosticsSection(flow: PreviewFlowState, highlight: { line?: number }, rerender: () => void): HTMLElement {
  const errors = flow.diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = flow.diagnostics.length - errors;
  const summary = flow.diagnostics.length === 0 ? 'No errors or warnings' : `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`;
  const item = (d: FlowJsonDiagnostic) =>
    h(
      'li',
      { class: `diag diag-${d.severity}` },
      h(
        'button',
        {
          type: 'button',
          class: 'diag-button',
          onclick: () => {
            highlight.line = d.line_start;
            rerender();
            document.getElementById(`src-line-${d.line_start}`)?.scrollIntoView({ block: 'center' });
          },
        },
        h('span', { class: 'diag-where' }, `${d.line_start}:${d.column_start}`),
        h('span', { class: 'diag-sev' }, d.severity),
        h('span', { class: 'diag-msg' }, d.message),
        h('span', { class: 'diag-rule' }, d.rule),
      ),
    );
  return h('section', { class: 'panel-section', id: 'diagnostics' }, h('h2', {}, `Diagnostics: ${flow.fileName}`), h('p', { class: 'diag-summary' }, summary), h('ul', { class: 'diag-list' }, ...flow.diagnostics.map(item)));
}

function logSection(session: PreviewSession): HTMLElement {
  const entries = session.log.map((e, i) =>
    h(
      'li',
      { class: `log-entry${e.error ? ' log-failed' : ''}` },
      h('details', { open: i === session.log.length - 1 }, h('summary', {}, `${e.action}${e.screen ? ` from ${e.screen}` : ''}`, e.statuses.length ? ` · HTTP ${e.statuses.join(' → ')}` : '', e.ms !== undefined ? ` · ${e.ms} ms` : ''), h('h3', {}, 'Request data (decrypted)'), json(e.request), e.response !== undefined ? h('div', {}, h('h3', {}, 'Response (decrypted)'), json(e.response)) : undefined, e.error ? h('p', { class: 'c-error' }, e.error) : undefined),
    ),
  );
  const warnings = session.warnings.map((w) => h('li', { class: 'diag diag-warning' }, `${w.action}${w.screen ? ` from ${w.screen}` : ''}: ${w.message} (${w.rule})`));
  return h('section', { class: 'panel-section', id: 'exchange-log' }, h('h2', {}, 'Data exchange log'), entries.length ? h('ol', { class: 'log-list' }, ...entries) : h('p', { class: 'muted' }, 'No request to the endpoint yet.'), warnings.length ? h('ul', { class: 'diag-list' }, ...warnings) : undefined);
}

function completionSection(session: PreviewSession): HTMLElement {
  const completion = session.completion;
  if (!completion) return h('section', { class: 'panel-section', id: 'completion' }, h('h2', {}, 'Completion'), h('p', { class: 'muted' }, 'The flow has not completed yet.'));
  // What the completion webhook's message carries (Meta: Flows webhooks, Flow completion message; flows-platform §4.3).
  const message = { type: 'interactive', interactive: { type: 'nfm_reply', nfm_reply: { name: completion.name, body: completion.body, response_json: completion.response_json } } };
  return h('section', { class: 'panel-section', id: 'completion' }, h('h2', {}, 'Completion (nfm_reply)'), h('h3', {}, 'response_json, parsed'), json(completion.response, 'completion-response'), h('h3', {}, 'Webhook message'), json(message));
}

function sourceSection(flow: PreviewFlowState, highlight: { line?: number }): HTMLElement {
  const rows = flow.flowText.split('\n').map((line, i) => h('span', { class: `src-line${highlight.line === i + 1 ? ' hl' : ''}`, id: `src-line-${i + 1}` }, h('span', { class: 'src-no', 'aria-hidden': 'true' }, String(i + 1)), line, '\n'));
  return h('section', { class: 'panel-section', id: 'source' }, h('details', { open: highlight.line !== undefined }, h('summary', {}, 'Flow JSON source'), h('pre', { class: 'src' }, ...rows)));
}

function json(value: unknown, id?: string): HTMLElement {
  return h('pre', { class: 'json', id }, JSON.stringify(value, null, 2));
}
