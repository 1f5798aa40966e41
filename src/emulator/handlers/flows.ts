import type { FlowStatus } from '../../enums/flow-status.js';
import { categoriesProblem } from '../../platform/categories.js';
import { flowNameTaken, orderedFlowKeys, setStatus, wabaFor, type EmulatorContext } from '../context.js';
import { lowerBound, upperBound, type FlowKey } from '../flow-index.js';
import { parseFields } from '../fields.js';
import { inspectFlowJson } from '../flow-json.js';
import { viewFlow } from '../flow-view.js';
import { GraphError, flowError, invalidParameter, unknownObject } from '../graph-error.js';
import { allowedNext } from '../lifecycle-guard.js';
import { DATE_FORMAT_NEW_APPS_CUTOFF } from '../../platform/graph-versions.js';
import { INITIAL_STATUS, publishesOnCreate } from '../../platform/lifecycle.js';
import { publishingProblems } from '../publishing-checks.js';
import { boolParam, listParam, type GraphRequest } from '../request.js';
import { newId, type FlowRecord } from '../state.js';

export const MAX_FLOW_JSON_BYTES = 10 * 1024 * 1024;

export function findFlow(ctx: EmulatorContext, id: string, method: 'get' | 'post' | 'delete'): FlowRecord {
  const flow = ctx.state.flows[id];
  if (!flow) throw unknownObject(id, method);
  return flow;
}

/** `POST /{waba}/flows` (flows-platform §1.3.1). */
export function createFlow(ctx: EmulatorContext, req: GraphRequest, wabaId: string): Record<string, unknown> {
  wabaFor(ctx, wabaId);
  const name = req.params.get('name');
  if (!name || name.trim() === '') throw invalidParameter('The parameter name is required.');
  const cloneId = req.params.get('clone_flow_id');
  if (cloneId !== undefined && req.params.get('clone_template') !== undefined) throw flowError(100, 'Only one clone source can be set');
  const source = cloneId !== undefined ? ctx.state.flows[cloneId] : undefined;
  if (cloneId !== undefined && !source) throw flowError(100, 'Flow with specified ID does not exist');
  const categories = listParam(req, 'categories') ?? source?.categories;
  if (!categories || categories.length === 0) throw invalidParameter('The parameter categories is required.');
  checkCategories(categories);
  if (flowNameTaken(ctx, wabaId, name)) throw flowError(100, 'Flow name is not unique', `A flow named "${name}" already exists in this WhatsApp Business Account.`);
  const endpointUri = req.params.get('endpoint_uri');
  if (endpointUri !== undefined) checkEndpointUri(endpointUri);
  const publish = boolParam(req, 'publish') ?? false;

  const now = ctx.timestamp();
  const flow: FlowRecord = { id: newId(ctx.state), wabaId, name, categories, status: INITIAL_STATUS, createdAt: now, updatedAt: now };
  if (endpointUri !== undefined) flow.endpointUri = endpointUri;
  else if (source?.endpointUri) flow.endpointUri = source.endpointUri;
  const flowJson = req.params.get('flow_json') ?? source?.json?.text;
  if (flowJson !== undefined) {
    if (new TextEncoder().encode(flowJson).byteLength > MAX_FLOW_JSON_BYTES) throw invalidParameter('flow_json exceeds the 10 MB limit.');
    flow.json = inspectFlowJson(flowJson, newId(ctx.state), now);
  }
  if (endpointUri !== undefined && flow.json?.version && Number.parseFloat(flow.json.version) < 3) {
    throw flowError(100, 'Specify Endpoint Uri in Flow JSON', 'Flows with Flow JSON below 3.0 set their endpoint in data_channel_uri.');
  }
  ctx.state.flows[flow.id] = flow;
  ctx.flowStatusChanged(flow, undefined);
  if (publishesOnCreate(publish, flow.json !== undefined, publish ? publishingProblems(ctx, flow).length : 0)) {
    setStatus(ctx, flow, allowedNext(flow, 'publish') as FlowStatus);
    flow.published = flow.json;
  }
  const out: Record<string, unknown> = { id: flow.id, success: true };
  if (flow.json && flow.json.validationErrors.length > 0) out.validation_errors = flow.json.validationErrors;
  return out;
}

/**
 * `date_format` (Graph's date/time formatting): since 2026-11-04 new apps cannot use it, on any version
 * (flows-platform §6.3, src/platform/graph-versions.ts). An emulator started with `newApp` answers as Meta answers
 * such an app; otherwise the parameter is accepted (and, as before, timestamps stay ISO-8601).
 * UNVERIFIED: the exact error Meta gives was not found (reference, Meta's changelog, public issues); this is a
 * Graph-shaped #100 invalid-parameter error.
 */
function refuseDateFormatForNewApp(ctx: EmulatorContext, req: GraphRequest): void {
  if (!ctx.newApp || !req.params.has('date_format')) return;
  throw new GraphError({
    code: 100,
    type: 'OAuthException',
    message: `(#100) date_format is not available to apps created on or after ${DATE_FORMAT_NEW_APPS_CUTOFF}: remove it (timestamps come as ISO-8601, e.g. 2026-11-24T10:00:00+0000).`,
  });
}

/**
 * `GET /{waba}/flows`, newest first, with Graph's cursor paging (`limit`, `after`, `before`; `paging.next` only
 * when more flows exist). A cursor names a flow's place in the list (its creation time and id), as Meta's opaque
 * cursors do, so a page costs O(log n + limit) through the store's ordered index (flow-index.ts) and flows created
 * meanwhile do not shift the pages after it.
 */
export function listFlows(ctx: EmulatorContext, req: GraphRequest, wabaId: string): Record<string, unknown> {
  refuseDateFormatForNewApp(ctx, req);
  const fields = parseFields(req.params.get('fields'));
  const keys = orderedFlowKeys(ctx, wabaId); // oldest first
  const limit = pageLimit(req);
  const after = req.params.get('after');
  const before = req.params.get('before');
  // Positions in the newest-first list: [start, end).
  let start = 0;
  let end = keys.length;
  if (after !== undefined) start = keys.length - lowerBound(keys, decodeFlowCursor(after));
  else if (before !== undefined) end = keys.length - upperBound(keys, decodeFlowCursor(before));
  if (before !== undefined && after === undefined) start = Math.max(0, end - limit);
  end = Math.min(end, start + limit);
  const data: Array<Record<string, unknown>> = [];
  for (let at = start; at < end; at++) {
    const key = keys[keys.length - 1 - at]!;
    const flow = ctx.state.flows[key.id];
    if (flow) data.push(viewFlow(ctx, flow, fields));
  }
  const body: Record<string, unknown> = { data };
  if (end <= start) return body;
  const first = keys[keys.length - 1 - start]!;
  const last = keys[keys.length - end]!;
  const paging: Record<string, unknown> = { cursors: { before: encodeFlowCursor(first), after: encodeFlowCursor(last) } };
  if (end < keys.length) paging.next = pageLink(req, limit, 'after', encodeFlowCursor(last));
  if (start > 0) paging.previous = pageLink(req, limit, 'before', encodeFlowCursor(first));
  body.paging = paging;
  return body;
}

function encodeFlowCursor(key: FlowKey): string {
  return btoa(`flow:${key.createdAt}|${key.id}`).replace(/=+$/, '');
}

function decodeFlowCursor(cursor: string): FlowKey {
  let text: string;
  try {
    text = atob(cursor);
  } catch {
    throw new GraphError({ code: 100, message: '(#100) Invalid cursor.' });
  }
  const m = /^flow:([^|]*)\|(.+)$/.exec(text);
  if (!m) throw new GraphError({ code: 100, message: '(#100) Invalid cursor.' });
  return { createdAt: m[1]!, id: m[2]! };
}

/** `GET /{flow}`. */
export function getFlow(ctx: EmulatorContext, req: GraphRequest, id: string): Record<string, unknown> {
  refuseDateFormatForNewApp(ctx, req);
  return viewFlow(ctx, findFlow(ctx, id, 'get'), parseFields(req.params.get('fields')));
}

/** `POST /{flow}`: metadata. Editing a published flow returns it to DRAFT (flows-platform §1.5, new behaviour). */
export function updateFlowMetadata(ctx: EmulatorContext, req: GraphRequest, id: string): Record<string, unknown> {
  const flow = findFlow(ctx, id, 'post');
  const next = allowedNext(flow, 'update');
  const name = req.params.get('name');
  const categories = listParam(req, 'categories');
  const endpointUri = req.params.get('endpoint_uri');
  const applicationId = req.params.get('application_id');
  if (name !== undefined) {
    if (name.trim() === '') throw invalidParameter('The parameter name must not be empty.');
    if (flowNameTaken(ctx, flow.wabaId, name, flow.id)) throw flowError(100, 'Flow name is not unique');
  }
  if (categories !== undefined) {
    if (categories.length === 0) throw invalidParameter('The parameter categories must contain at least one category.');
    checkCategories(categories);
  }
  if (endpointUri !== undefined) {
    checkEndpointUri(endpointUri);
    if (flow.json?.version && Number.parseFloat(flow.json.version) < 3) throw flowError(139001, 'Specify Endpoint Uri in Flow JSON');
  }
  if (name !== undefined) flow.name = name;
  if (categories !== undefined) flow.categories = categories;
  if (endpointUri !== undefined) flow.endpointUri = endpointUri;
  if (applicationId !== undefined) flow.applicationId = applicationId;
  flow.updatedAt = ctx.timestamp();
  setStatus(ctx, flow, next as FlowStatus);
  return { success: true };
}

/** `DELETE /{flow}`: drafts only. */
export function deleteFlow(ctx: EmulatorContext, id: string): Record<string, unknown> {
  const flow = findFlow(ctx, id, 'delete');
  allowedNext(flow, 'delete');
  delete ctx.state.flows[id];
  return { success: true };
}

/** Meta's category rule (src/platform/categories.ts): the same verdict as the client's pre-flight check. */
function checkCategories(categories: string[]): void {
  const problem = categoriesProblem(categories);
  if (problem) throw invalidParameter(problem.message);
}

function checkEndpointUri(uri: string): void {
  try {
    const url = new URL(uri);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error();
  } catch {
    throw flowError(100, 'Invalid Endpoint URI', `"${uri}" is not a valid URL.`);
  }
}

/** Cursor paging over a list (Graph's `limit`, `after`, `before`; `paging.next` only when more items exist). */
export function page(req: GraphRequest, items: Array<Record<string, unknown>>): Record<string, unknown> {
  const limit = pageLimit(req);
  const after = req.params.get('after');
  const before = req.params.get('before');
  let start = 0;
  if (after !== undefined) start = decodeCursor(after) + 1;
  else if (before !== undefined) start = Math.max(0, decodeCursor(before) - limit);
  const slice = items.slice(start, start + limit);
  const body: Record<string, unknown> = { data: slice };
  if (slice.length === 0) return body;
  const paging: Record<string, unknown> = { cursors: { before: encodeCursor(start), after: encodeCursor(start + slice.length - 1) } };
  if (start + slice.length < items.length) paging.next = pageLink(req, limit, 'after', encodeCursor(start + slice.length - 1));
  if (start > 0) paging.previous = pageLink(req, limit, 'before', encodeCursor(start));
  body.paging = paging;
  return body;
}

/** Graph's `limit` (default 25). */
function pageLimit(req: GraphRequest): number {
  const rawLimit = req.params.get('limit');
  const limit = rawLimit === undefined ? 25 : Number(rawLimit);
  if (!Number.isInteger(limit) || limit < 1) throw invalidParameter('Param limit must be a positive integer.');
  return limit;
}

/** The URL of the page before or after, keeping the request's other parameters. */
function pageLink(req: GraphRequest, limit: number, key: 'after' | 'before', cursor: string): string {
  const url = new URL(req.url);
  url.searchParams.delete('after');
  url.searchParams.delete('before');
  url.searchParams.set('limit', String(limit));
  url.searchParams.set(key, cursor);
  return url.toString();
}

function encodeCursor(index: number): string {
  return btoa(`cursor:${index}`).replace(/=+$/, '');
}

function decodeCursor(cursor: string): number {
  let text: string;
  try {
    text = atob(cursor);
  } catch {
    throw new GraphError({ code: 100, message: '(#100) Invalid cursor.' });
  }
  const m = /^cursor:(\d+)$/.exec(text);
  if (!m) throw new GraphError({ code: 100, message: '(#100) Invalid cursor.' });
  return Number(m[1]);
}
