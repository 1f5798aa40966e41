import { flowsOfWaba, wabaFor, type EmulatorContext } from '../context.js';
import { invalidParameter } from '../graph-error.js';
import { listParam, type GraphRequest } from '../request.js';
import { newId, type FlowRecord } from '../state.js';
import { migratedStatus } from '../../platform/lifecycle.js';

/**
 * `POST /{destination}/migrate_flows` (flows-platform §1.3.9): copies (does not move) flows; same-name flows in
 * the destination fail with 4233041; published sources arrive published, others as drafts; new ids.
 */
export function migrateFlows(ctx: EmulatorContext, req: GraphRequest, destinationId: string): Record<string, unknown> {
  const sourceId = req.params.get('source_waba_id');
  if (!sourceId) throw invalidParameter('The parameter source_waba_id is required.');
  if (sourceId === destinationId) throw invalidParameter('source_waba_id must differ from the destination WABA.');
  const names = listParam(req, 'source_flow_names');
  if (names && names.length > 100) throw invalidParameter('At most 100 flow names can be migrated in one request.');
  wabaFor(ctx, destinationId);
  wabaFor(ctx, sourceId);
  const sources = flowsOfWaba(ctx, sourceId);
  const wanted = names ?? sources.map((f) => f.name);
  const migrated: Array<Record<string, string>> = [];
  const failed: Array<Record<string, string>> = [];
  for (const name of wanted) {
    const source = sources.find((f) => f.name === name);
    if (!source) {
      failed.push({ source_name: name, error_code: '100', error_message: `Flows Migration Error: Flow with name ${name} does not exist in source WABA.` });
      continue;
    }
    if (flowsOfWaba(ctx, destinationId).some((f) => f.name === name)) {
      failed.push({ source_name: name, source_id: source.id, error_code: '4233041', error_message: 'Flows Migration Error: Flow with the same name exists in destination WABA.' });
      continue;
    }
    const now = ctx.timestamp();
    const status = migratedStatus(source.status);
    const published = status === 'PUBLISHED';
    const copy: FlowRecord = {
      ...structuredClone(source),
      id: newId(ctx.state),
      wabaId: destinationId,
      status,
      createdAt: now,
      updatedAt: now,
    };
    delete copy.preview;
    delete copy.throttledSends;
    if (!published) delete copy.published;
    ctx.state.flows[copy.id] = copy;
    ctx.flowStatusChanged(copy, undefined);
    migrated.push({ source_name: name, source_id: source.id, migrated_id: copy.id });
  }
  return { migrated_flows: migrated, failed_flows: failed };
}
