import { ENDPOINT_METRIC_SERIES } from '../platform/endpoint-metrics.js';
import { newLinkToken } from './access.js';
import type { EmulatorContext } from './context.js';
import { nonexistingField, type FieldRequest } from './fields.js';
import { GraphError, flowError, invalidParameter } from './graph-error.js';
import { publishingProblems } from './publishing-checks.js';
import type { FlowRecord } from './state.js';
import { canSendMessage } from '../platform/lifecycle.js';
import { wabaView } from './handlers/nodes.js';

/** Fields a flow node has (flows-platform §1.4); the first five are returned when `fields` is omitted. */
const DEFAULT_FIELDS = ['id', 'name', 'status', 'categories', 'validation_errors'];
const KNOWN_FIELDS = new Set([
  ...DEFAULT_FIELDS,
  'json_version',
  'data_api_version',
  'endpoint_uri',
  'data_channel_uri',
  'preview',
  'whatsapp_business_account',
  'application',
  'health_status',
  'metric',
  'updated_at',
]);
const PREVIEW_DAYS = 30;
/** The emulated Meta app every flow created through the emulator is connected to. */
export const EMULATOR_APP = { id: '1000000000000001', name: 'meta-cloud-api emulator', link: 'https://github.com/meta-cloud-api' };

/** Renders a flow node for `GET /{flow}` or a list item, with the requested fields. */
export function viewFlow(ctx: EmulatorContext, flow: FlowRecord, fields: FieldRequest[] | undefined): Record<string, unknown> {
  const wanted = fields ?? DEFAULT_FIELDS.map((name) => ({ name, modifiers: {} }));
  const out: Record<string, unknown> = {};
  for (const f of wanted) {
    if (!KNOWN_FIELDS.has(f.name)) {
      throw nonexistingField(f.name, 'Flow');
    }
    const value = fieldValue(ctx, flow, f);
    if (value !== undefined) out[f.name] = value;
  }
  out.id = flow.id;
  return out;
}

function fieldValue(ctx: EmulatorContext, flow: FlowRecord, field: FieldRequest): unknown {
  switch (field.name) {
    case 'id':
      return flow.id;
    case 'name':
      return flow.name;
    case 'status':
      return flow.status;
    case 'categories':
      return flow.categories;
    case 'validation_errors':
      return flow.json?.validationErrors ?? [];
    case 'json_version':
      return flow.json?.version;
    case 'data_api_version':
      return flow.json?.dataApiVersion;
    case 'endpoint_uri':
      return flow.endpointUri;
    case 'data_channel_uri':
      return dataChannelUri(flow);
    case 'updated_at':
      return flow.updatedAt;
    case 'whatsapp_business_account':
      return wabaView(flow.wabaId);
    case 'application':
      return EMULATOR_APP;
    case 'preview':
      return preview(ctx, flow, field.modifiers.invalidate);
    case 'health_status':
      return healthStatus(ctx, flow, field.modifiers.phone_number);
    case 'metric':
      return metric(field);
    default:
      return undefined;
  }
}

function dataChannelUri(flow: FlowRecord): string | undefined {
  try {
    const doc = flow.json ? (JSON.parse(flow.json.text) as { data_channel_uri?: unknown }) : undefined;
    return typeof doc?.data_channel_uri === 'string' ? doc.data_channel_uri : undefined;
  } catch {
    return undefined;
  }
}

function preview(ctx: EmulatorContext, flow: FlowRecord, invalidate: string | undefined): Record<string, unknown> {
  if (invalidate !== undefined && invalidate !== 'true' && invalidate !== 'false') throw invalidParameter('invalidate must be true or false.');
  const expired = flow.preview && Date.parse(flow.preview.expiresAt.replace('+0000', 'Z')) <= ctx.now().getTime();
  if (!flow.preview || invalidate === 'true' || expired) {
    const token = newLinkToken();
    flow.preview = { token, expiresAt: ctx.timestamp(new Date(ctx.now().getTime() + PREVIEW_DAYS * 86_400_000)) };
  }
  return { preview_url: `${ctx.origin}/_emulator/preview/${flow.id}?token=${flow.preview.token}`, expires_at: flow.preview.expiresAt };
}

/** `health_status` (flows-platform §1.4): whether messages with this flow can be sent, and why not. */
function healthStatus(ctx: EmulatorContext, flow: FlowRecord, _phone: string | undefined): Record<string, unknown> {
  const errors = flow.status === 'DRAFT' ? publishingProblems(ctx, flow) : [];
  const canSend = canSendMessage(flow.status, errors.length);
  const entity: Record<string, unknown> = { entity_type: 'FLOW', id: flow.id, can_send_message: canSend };
  if (errors.length) {
    entity.errors = errors.map((p) => ({ error_code: 131000, error_description: `${p.check}: ${p.description}`, possible_solution: p.solution }));
  }
  return {
    can_send_message: canSend,
    entities: [
      entity,
      { entity_type: 'WABA', id: flow.wabaId, can_send_message: 'AVAILABLE' },
      { entity_type: 'APP', id: EMULATOR_APP.id, can_send_message: 'AVAILABLE' },
    ],
  };
}

/**
 * Endpoint metrics need at least 250 endpoint requests (flows-platform §1.3.10); the emulator never has that
 * traffic, so it answers as Meta does for a new flow.
 */
function metric(field: FieldRequest): never {
  const names: string[] = Object.values(ENDPOINT_METRIC_SERIES);
  const name = field.modifiers.name;
  if (!name) throw invalidParameter('The parameter name is required for metric.');
  if (!names.includes(name)) throw invalidParameter(`Param name must be one of {${names.join(', ')}} - got "${name}".`);
  const granularity = field.modifiers.granularity?.toUpperCase();
  if (!granularity) throw invalidParameter('The parameter granularity is required for metric.');
  if (!['DAY', 'HOUR', 'LIFETIME'].includes(granularity)) throw invalidParameter(`Param granularity must be one of {DAY, HOUR, LIFETIME} - got "${field.modifiers.granularity}".`);
  throw flowError(139006, 'Metrics threshold is not reached', 'The flow needs at least 250 endpoint requests before metrics are available.');
}

export { GraphError };
