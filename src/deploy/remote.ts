import type { WhatsApp } from '../client/client.js';
import type { Flow } from '../client/resources/flows/types.js';
import type { MessageTemplate } from '../client/resources/templates/types.js';
import { sha256 } from './lock-file.js';
import type { DeployEnvironment } from './types.js';

/** What plan needs to know about one environment's account, read with GET requests only. */
export interface RemoteState {
  /** Every flow of the WABA. */
  flows: Flow[];
  /** SHA-256 of the current Flow JSON text of each flow read (undefined: the flow has no JSON asset). */
  jsonSha: Map<string, string | undefined>;
  templates: MessageTemplate[];
  /** Whether the phone number has a business public key; undefined when no phone number is configured. */
  hasBusinessPublicKey: boolean | undefined;
}

const FLOW_FIELDS = 'id,name,status,categories,json_version,endpoint_uri';

/** Lists the flows of the environment's WABA (every page). */
export async function listRemoteFlows(client: WhatsApp, environment: DeployEnvironment): Promise<Flow[]> {
  const flows: Flow[] = [];
  for await (const flow of client.flows.listFlows(environment.wabaId, { fields: FLOW_FIELDS, limit: 100 })) flows.push(flow);
  return flows;
}

/** The current Flow JSON text of a flow (undefined when nothing was uploaded). */
export async function remoteFlowJson(client: WhatsApp, flowId: string): Promise<string | undefined> {
  const assets = await client.flows.getFlowAssets(flowId);
  const asset = assets.data.find((a) => a.asset_type === 'FLOW_JSON');
  if (!asset?.download_url) return undefined;
  return client._fetchText(asset.download_url);
}

/** Every message template of the environment's WABA, with what plan and pull compare (GET requests only). */
export async function listRemoteTemplates(client: WhatsApp, environment: DeployEnvironment): Promise<MessageTemplate[]> {
  const templates: MessageTemplate[] = [];
  for await (const t of client.templates.list({ fields: 'id,name,language,status,category,components', limit: 100 }, environment.wabaId)) templates.push(t);
  return templates;
}

/**
 * Reads the remote state: the WABA's flows, the JSON hash of the flows `pick` chooses (those the config
 * tracks), the templates when the config has any, and the phone's business public key when a publish may need it.
 * GET requests only.
 */
export async function readRemoteState(
  client: WhatsApp,
  environment: DeployEnvironment,
  pick: (flows: Flow[]) => string[],
  options: { templates: boolean; publicKey: boolean },
): Promise<RemoteState> {
  const flows = await listRemoteFlows(client, environment);
  const jsonSha = new Map<string, string | undefined>();
  for (const id of pick(flows)) {
    const text = await remoteFlowJson(client, id);
    jsonSha.set(id, text === undefined ? undefined : sha256(text));
  }
  const templates = options.templates ? await listRemoteTemplates(client, environment) : [];
  let hasBusinessPublicKey: boolean | undefined;
  if (options.publicKey && environment.phoneNumberId) {
    const key = await client.encryption.getBusinessPublicKey(environment.phoneNumberId);
    hasBusinessPublicKey = typeof key.business_public_key === 'string' && key.business_public_key !== '';
  }
  return { flows, jsonSha, templates, hasBusinessPublicKey };
}
