import { sameLinkToken } from './access.js';
import type { FlowStatus } from '../enums/flow-status.js';
import { setStatus, type EmulatorContext } from './context.js';
import { GraphError } from './graph-error.js';
import { downloadAsset } from './handlers/assets.js';
import { emptyState } from './state.js';
import { FLOW_STATUSES } from '../platform/lifecycle.js';
import { readAdminJson } from './admin-body.js';

/** Whether an emulator route changes the state (then it runs as a transaction). */
export function isInspectChange(method: string, parts: string[]): boolean {
  return method.toUpperCase() === 'POST' && (parts[0] === 'reset' || (parts[0] === 'flows' && parts[2] === 'status') || (parts[0] === 'templates' && parts[2] === 'review'));
}

/**
 * The emulator's own routes under `/_emulator/` (with `--token`, they need it too: access.ts): inspect and reset the state, download assets,
 * open previews, and force the statuses Meta sets itself (THROTTLED, BLOCKED) so users can test those paths.
 */
export async function inspectRoute(ctx: EmulatorContext, request: Request, parts: string[]): Promise<Response> {
  const [what, a, b] = parts;
  const method = request.method.toUpperCase();
  const json = (body: unknown, status = 200) => new Response(JSON.stringify(body, null, 2), { status, headers: { 'content-type': 'application/json' } });
  if (method === 'GET' && what === 'state') return json(ctx.state);
  if (method === 'GET' && what === 'messages') return json({ data: ctx.state.messages });
  if (method === 'GET' && what === 'health') return json({ status: 'ok' });
  if (method === 'POST' && what === 'reset') {
    Object.assign(ctx.state, emptyState());
    return json({ success: true });
  }
  if (method === 'GET' && what === 'assets' && a && b) return downloadAsset(ctx, a, b, new URL(request.url).searchParams.get('sig'));
  if (method === 'GET' && what === 'preview' && a) return previewPage(ctx, a, new URL(request.url).searchParams.get('token'));
  if (method === 'POST' && what === 'flows' && a && b === 'status') {
    const flow = ctx.state.flows[a];
    if (!flow) throw new GraphError({ code: 100, message: `Flow ${a} does not exist.`, status: 404 });
    // A body that is not a JSON object is answered as a missing status; too deep or too large is refused (400/413).
    const body = ((await readAdminJson(request, 'The body of /_emulator/flows/{id}/status', { lenient: true })) ?? {}) as { status?: unknown };
    const allowed = FLOW_STATUSES;
    if (!allowed.includes(body.status as FlowStatus)) throw new GraphError({ code: 100, message: `status must be one of ${allowed.join(', ')}.` });
    if ((body.status === 'PUBLISHED' || body.status === 'THROTTLED') && !flow.published) flow.published = flow.json;
    setStatus(ctx, flow, body.status as FlowStatus);
    return json({ success: true, id: flow.id, status: flow.status });
  }
  if (method === 'POST' && what === 'templates' && a && b === 'review') {
    // Meta's review ends APPROVED or REJECTED (with a reason); the emulator lets a test decide (issue 17).
    const template = ctx.state.templates[a];
    if (!template) throw new GraphError({ code: 100, message: `Template ${a} does not exist.`, status: 404 });
    const body = ((await readAdminJson(request, 'The body of /_emulator/templates/{id}/review', { lenient: true })) ?? {}) as { status?: unknown; reason?: unknown };
    if (body.status !== 'APPROVED' && body.status !== 'REJECTED') throw new GraphError({ code: 100, message: 'status must be APPROVED or REJECTED.' });
    template.status = body.status;
    delete template.approvesAt;
    if (body.status === 'REJECTED') template.rejectedReason = typeof body.reason === 'string' && body.reason ? body.reason : 'INVALID_FORMAT';
    else delete template.rejectedReason;
    return json({ success: true, id: template.id, status: template.status });
  }
  throw new GraphError({ code: 100, message: `Unknown emulator route ${method} /_emulator/${parts.join('/')}.`, status: 404 });
}

function previewPage(ctx: EmulatorContext, flowId: string, token: string | null): Response {
  const flow = ctx.state.flows[flowId];
  if (!flow || !flow.preview || !sameLinkToken(token, flow.preview.token)) {
    return new Response('This preview link is invalid or has expired.', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } });
  }
  const escape = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
  const body = flow.json ? escape(prettyJson(flow.json.text)) : '(no Flow JSON uploaded)';
  const html = `<!doctype html><meta charset="utf-8"><title>${escape(flow.name)} (preview)</title><h1>${escape(flow.name)}</h1><p>Status: ${flow.status}</p><pre>${body}</pre>`;
  return new Response(html, { headers: { 'content-type': 'text/html; charset=utf-8' } });
}

/** The uploaded text, indented when it is JSON (uploads may be any text: they are accepted with validation_errors). */
function prettyJson(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}
