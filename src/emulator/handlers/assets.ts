import { sameLinkToken } from '../access.js';
import { jsonByAsset, retireJson, setStatus, type EmulatorContext } from '../context.js';
import { inspectFlowJson } from '../flow-json.js';
import { GraphError, invalidParameter } from '../graph-error.js';
import type { GraphRequest } from '../request.js';
import { parseFields, pickFields } from '../fields.js';
import { newId } from '../state.js';
import { MAX_FLOW_JSON_BYTES, findFlow, page } from './flows.js';
import { allowedNext } from '../lifecycle-guard.js';
import type { FlowStatus } from '../../enums/flow-status.js';

/**
 * `POST /{flow}/assets`: multipart `file` + `name=flow.json` + `asset_type=FLOW_JSON` (flows-platform §1.3.5).
 * Answers `success: true` with `validation_errors`, even when the JSON has errors (they only block publishing).
 */
export async function uploadAsset(ctx: EmulatorContext, req: GraphRequest, id: string): Promise<Record<string, unknown>> {
  findFlow(ctx, id, 'post');
  const name = req.params.get('name');
  const type = req.params.get('asset_type');
  if (type !== 'FLOW_JSON') throw invalidParameter(`Param asset_type must be one of {FLOW_JSON} - got ${type === undefined ? 'nothing' : `"${type}"`}.`);
  if (name !== 'flow.json') throw invalidParameter(`Param name must be "flow.json" - got ${name === undefined ? 'nothing' : `"${name}"`}.`);
  const file = req.files.get('file');
  const text = file ? await file.text() : req.params.get('file');
  if (text === undefined) throw invalidParameter('The parameter file is required.');
  if (new TextEncoder().encode(text).byteLength > MAX_FLOW_JSON_BYTES) throw invalidParameter('The Flow JSON file exceeds the 10 MB limit.');
  // Looked up again after the await: the flow may have changed (or gone) meanwhile.
  const flow = findFlow(ctx, id, 'post');
  const next = allowedNext(flow, 'update');
  const previous = flow.json;
  flow.json = inspectFlowJson(text, newId(ctx.state), ctx.timestamp());
  retireJson(flow, previous);
  flow.updatedAt = ctx.timestamp();
  setStatus(ctx, flow, next as FlowStatus);
  return { success: true, validation_errors: flow.json.validationErrors };
}

/** `GET /{flow}/assets`: the current Flow JSON, with a `download_url` the emulator serves. */
export function listAssets(ctx: EmulatorContext, req: GraphRequest, id: string): Record<string, unknown> {
  const flow = findFlow(ctx, id, 'get');
  const fields = parseFields(req.params.get('fields'));
  const view = (json: NonNullable<typeof flow.json>) => ({ name: 'flow.json', asset_type: 'FLOW_JSON', download_url: `${ctx.origin}/_emulator/assets/${flow.id}/${json.assetId}/flow.json${json.downloadToken ? `?sig=${json.downloadToken}` : ''}` });
  // The asset node's type name is UNVERIFIED (not seen in an error from Meta).
  const items = flow.json ? [pickFields(view(flow.json), fields, 'WhatsAppFlowAsset')] : [];
  return page(req, items);
}

/**
 * `GET /_emulator/assets/{flow}/{asset}/flow.json`: the uploaded bytes exactly. With `?sig=` it is a signed link
 * (access.ts) and the signature must be this asset's; without it the access token was checked already.
 */
export function downloadAsset(ctx: EmulatorContext, flowId: string, assetId: string, sig: string | null): Response {
  const flow = Object.hasOwn(ctx.state.flows, flowId) ? ctx.state.flows[flowId] : undefined;
  const json = flow ? jsonByAsset(flow, assetId) : undefined;
  if (!json || (sig !== null && !sameLinkToken(sig, json.downloadToken))) throw new GraphError({ code: 100, message: 'Asset not found.', status: 404 });
  return new Response(json.text, { headers: { 'content-type': 'application/json' } });
}
