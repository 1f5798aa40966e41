import { GraphApiError, InvalidArgumentError } from '../../../core/errors.js';
import type { RequestOptions } from '../../../internal/http.js';
import { graphPath, nodeId } from '../../../internal/path.js';
import type { WhatsApp } from '../../client.js';
import type { Flow, FlowMigrateResponse } from './types.js';

/** Meta's limit of flow names in one `migrate_flows` request. */
export const MAX_FLOWS_PER_MIGRATION = 100;

/** Meta's form: copy flows of one WABA (all, or the named ones) into the destination. */
export interface FlowMigrateByNameParams {
  source_waba_id: string | number;
  source_flow_names?: string[];
}

/** The documented shortcut: copy these flows; the SDK finds each one's name and WABA first. */
export interface FlowMigrateByIdParams {
  flow_ids: Array<string | number>;
}

export type FlowMigrateParams = FlowMigrateByNameParams | FlowMigrateByIdParams;

export async function migrateFlows(
  client: WhatsApp,
  destinationWabaId: string,
  params: FlowMigrateParams,
  options?: RequestOptions,
): Promise<FlowMigrateResponse> {
  if (!params || typeof params !== 'object') {
    throw new InvalidArgumentError('migrateFlows(destinationWabaId, params) needs { source_waba_id, source_flow_names? } or { flow_ids }.');
  }
  if ('flow_ids' in params && params.flow_ids !== undefined) {
    if ('source_waba_id' in params && params.source_waba_id !== undefined) {
      throw new InvalidArgumentError('Give either flow_ids or source_waba_id (with optional source_flow_names), not both.');
    }
    return migrateByIds(client, destinationWabaId, params.flow_ids, options);
  }
  const byName = params as FlowMigrateByNameParams;
  const source = nodeId('source_waba_id', byName.source_waba_id, 'the WABA the flows are copied from');
  const names = byName.source_flow_names;
  if (names === undefined) return migrateRequest(client, destinationWabaId, source, undefined, options);
  if (!Array.isArray(names) || names.some((n) => typeof n !== 'string' || n.trim() === '')) {
    throw new InvalidArgumentError('source_flow_names must be an array of non-empty flow names.');
  }
  if (names.length === 0) throw new InvalidArgumentError('source_flow_names is empty: omit it to migrate every flow of the source WABA.');
  const results: FlowMigrateResponse[] = [];
  for (let i = 0; i < names.length; i += MAX_FLOWS_PER_MIGRATION) {
    results.push(await migrateRequest(client, destinationWabaId, source, names.slice(i, i + MAX_FLOWS_PER_MIGRATION), options));
  }
  return merge(results);
}

function migrateRequest(
  client: WhatsApp,
  destination: string,
  source: string,
  names: string[] | undefined,
  options?: RequestOptions,
): Promise<FlowMigrateResponse> {
  return client
    ._request<Partial<FlowMigrateResponse>>({
      method: 'POST',
      path: graphPath(destination, 'migrate_flows'),
      // As in Meta's Postman collection: form fields, the list JSON-encoded.
      form: { source_waba_id: source, source_flow_names: names ? JSON.stringify(names) : undefined },
      retry: 'once',
      options,
    })
    .then((r) => ({ migrated_flows: r.migrated_flows ?? [], failed_flows: r.failed_flows ?? [] }));
}

async function migrateByIds(
  client: WhatsApp,
  destination: string,
  flowIds: unknown,
  options?: RequestOptions,
): Promise<FlowMigrateResponse> {
  if (!Array.isArray(flowIds) || flowIds.length === 0) throw new InvalidArgumentError('flow_ids must be a non-empty array of flow ids.');
  const ids = [...new Set(flowIds.map((id) => nodeId('flow id', id)))];
  const failed: FlowMigrateResponse['failed_flows'] = [];
  const bySource = new Map<string, string[]>();
  const flows = await Promise.all(ids.map((id) => lookUp(client, id, options)));
  flows.forEach((flow, i) => {
    const id = ids[i]!;
    if (flow instanceof GraphApiError) {
      failed.push({ source_name: '', source_id: id, error_code: String(flow.code ?? flow.status), error_message: flow.error.message });
      return;
    }
    const waba = flow.whatsapp_business_account?.id;
    if (!flow.name || !waba) {
      failed.push({ source_name: flow.name ?? '', source_id: id, error_code: 'UNKNOWN_SOURCE', error_message: `Could not read the name and WABA of flow ${id}.` });
      return;
    }
    bySource.set(waba, [...(bySource.get(waba) ?? []), flow.name]);
  });
  const results: FlowMigrateResponse[] = [{ migrated_flows: [], failed_flows: failed }];
  for (const [source, names] of bySource) {
    try {
      results.push(await migrateFlows(client, destination, { source_waba_id: source, source_flow_names: names }, options));
    } catch (error) {
      // One source WABA failing must not hide what the others already migrated: its flows are reported as failed.
      const code = error instanceof GraphApiError ? String(error.code ?? error.status) : 'REQUEST_FAILED';
      const message = error instanceof Error ? error.message : String(error);
      results.push({ migrated_flows: [], failed_flows: names.map((name) => ({ source_name: name, error_code: code, error_message: message })) });
    }
  }
  return merge(results);
}

/** A flow's name and WABA; a flow Graph says does not exist (code 100) becomes a failed entry, anything else throws. */
async function lookUp(client: WhatsApp, id: string, options?: RequestOptions): Promise<Flow | GraphApiError> {
  try {
    return await client._request<Flow>({
      method: 'GET',
      path: graphPath(id),
      query: { fields: 'id,name,whatsapp_business_account' },
      retry: 'idempotent',
      options,
    });
  } catch (error) {
    if (error instanceof GraphApiError && error.code === 100) return error;
    throw error;
  }
}

function merge(results: FlowMigrateResponse[]): FlowMigrateResponse {
  return {
    migrated_flows: results.flatMap((r) => r.migrated_flows),
    failed_flows: results.flatMap((r) => r.failed_flows),
  };
}
