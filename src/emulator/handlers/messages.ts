import { phoneFor, type EmulatorContext } from '../context.js';
import { screenIds } from '../flow-json.js';
import { GraphError } from '../graph-error.js';
import { text, type GraphRequest } from '../request.js';
import { newId, type FlowRecord, type MessageRecord } from '../state.js';
import { templateForMessage } from './templates.js';

/** Cloud API parameter errors carry the detail in `error_data.details` (flows-platform §1.2). */
export function messageParamError(details: string, code = 100): GraphError {
  return new GraphError({
    code,
    message: code === 100 ? '(#100) Invalid parameter' : '(#131009) Parameter value is not valid',
    errorData: { messaging_product: 'whatsapp', details },
  });
}

const THROTTLED_SENDS_PER_HOUR = 10;

/** `POST /{phone}/messages`: interactive flow messages (flows-platform §4.1), templates (§4.2) and other types as given. */
export function sendMessage(ctx: EmulatorContext, req: GraphRequest, phoneId: string): Record<string, unknown> {
  const body = req.json ?? Object.fromEntries([...req.params].map(([k, v]) => [k, parseMaybeJson(v)]));
  if (body.messaging_product !== 'whatsapp') throw messageParamError('The parameter messaging_product is required and must be "whatsapp".');
  const to = body.to;
  if (typeof to !== 'string' || !/^\+?[\d\s()-]{5,20}$/.test(to)) throw messageParamError('The parameter to is required and must be a phone number or WhatsApp id.');
  const type = typeof body.type === 'string' ? body.type : 'text';
  phoneFor(ctx, phoneId);
  const record: MessageRecord = { id: wamid(ctx), phoneNumberId: phoneId, to, type, body, sentAt: ctx.timestamp() };
  if (type === 'interactive') {
    const interactive = body.interactive as Record<string, unknown> | undefined;
    if (!interactive || typeof interactive !== 'object') throw messageParamError('The parameter interactive is required for type interactive.');
    if (interactive.type === 'flow') record.flow = checkFlowMessage(ctx, interactive);
  } else if (type === 'template') {
    record.flow = templateForMessage(ctx, body.template);
  }
  // Only a send that is accepted counts against a THROTTLED flow's 10 per hour.
  const sentFlow = record.flow?.mode === 'published' ? ctx.state.flows[record.flow.id] : undefined;
  if (sentFlow?.status === 'THROTTLED') (sentFlow.throttledSends ??= []).push(ctx.now().toISOString());
  ctx.state.messages.push(record);
  const waId = to.replace(/\D/g, '');
  return { messaging_product: 'whatsapp', contacts: [{ input: to, wa_id: waId }], messages: [{ id: record.id }] };
}

function checkFlowMessage(ctx: EmulatorContext, interactive: Record<string, unknown>): NonNullable<MessageRecord['flow']> {
  const body = interactive.body as { text?: unknown } | undefined;
  if (!body || typeof body.text !== 'string' || body.text.trim() === '') throw messageParamError('interactive.body.text is required for flow messages.');
  const action = interactive.action as { name?: unknown; parameters?: Record<string, unknown> } | undefined;
  if (!action || action.name !== 'flow') throw messageParamError('interactive.action.name must be "flow".');
  const p = action.parameters;
  if (!p || typeof p !== 'object') throw messageParamError('interactive.action.parameters is required.');
  if (text(p.flow_message_version) !== '3') throw messageParamError('flow_message_version must be "3".');
  if (typeof p.flow_cta !== 'string' || p.flow_cta.trim() === '') throw messageParamError('flow_cta is required.');
  const hasId = p.flow_id !== undefined;
  const hasName = p.flow_name !== undefined;
  if (hasId === hasName) throw messageParamError('Exactly one of flow_id and flow_name is required.');
  const named = hasId ? [] : Object.values(ctx.state.flows).filter((f) => f.name === p.flow_name);
  // Names are unique per WABA only; the emulator does not know which WABA a phone number belongs to.
  if (named.length > 1) throw messageParamError(`Several flows are named ${text(p.flow_name)} (in different WhatsApp Business Accounts): send by flow_id.`, 131009);
  const flow = hasId ? ctx.state.flows[text(p.flow_id)] : named[0];
  if (!flow) throw messageParamError(hasId ? `Flow with id ${text(p.flow_id)} does not exist.` : `Flow with name ${text(p.flow_name)} does not exist.`, 131009);
  const mode = p.mode === undefined ? 'published' : p.mode;
  if (mode !== 'published' && mode !== 'draft') throw messageParamError('mode must be "published" or "draft".');
  const flowAction = p.flow_action === undefined ? 'navigate' : p.flow_action;
  if (flowAction !== 'navigate' && flowAction !== 'data_exchange') throw messageParamError('flow_action must be "navigate" or "data_exchange".');
  const payload = p.flow_action_payload as { screen?: unknown; data?: unknown } | undefined;
  if (payload !== undefined && flowAction !== 'navigate') throw messageParamError('flow_action_payload is only allowed with flow_action "navigate".');
  const json = sendableJson(ctx, flow, mode);
  let screen: string | undefined;
  if (payload !== undefined) {
    if (!payload || typeof payload !== 'object') throw messageParamError('flow_action_payload must be an object.');
    if (payload.screen !== undefined) {
      screen = text(payload.screen);
      if (!screenIds(json.text).includes(screen)) throw messageParamError(`flow_action_payload.screen "${screen}" is not a screen of the flow.`, 131009);
    }
    // Meta's docs disagree on whether data is an object or a JSON string (flows-platform §4.1): accept both,
    // but a string must hold a non-empty JSON object.
    const data = typeof payload.data === 'string' ? parseObject(payload.data) : payload.data;
    if (data !== undefined && !(typeof data === 'object' && data !== null && !Array.isArray(data) && Object.keys(data).length > 0)) {
      throw messageParamError('flow_action_payload.data must be a non-empty object (or a JSON string of one).');
    }
  }
  const token = typeof p.flow_token === 'string' ? p.flow_token : 'unused';
  const out: NonNullable<MessageRecord['flow']> = { id: flow.id, mode, token, action: flowAction };
  if (screen !== undefined) out.screen = screen;
  if (payload?.data !== undefined) out.data = payload.data;
  if (json.version !== undefined) out.jsonVersion = json.version;
  out.assetId = json.assetId;
  return out;
}

function parseObject(textValue: string): unknown {
  try {
    return JSON.parse(textValue);
  } catch {
    return textValue;
  }
}

/** Which JSON a send uses, after the status checks of the operation matrix (flows-platform §1.5, §1.9). */
export function sendableJson(ctx: EmulatorContext, flow: FlowRecord, mode: 'draft' | 'published') {
  if (flow.status === 'BLOCKED') throw new GraphError({ code: 132068, message: '(#132068) Flow is blocked', errorData: { messaging_product: 'whatsapp', details: 'The flow is blocked and cannot be sent.' } });
  if (flow.status === 'DEPRECATED') throw messageParamError('The flow is deprecated and can no longer be sent.', 131009);
  if (mode === 'draft') {
    if (!flow.json) throw messageParamError('The flow has no Flow JSON to send.', 131009);
    return flow.json;
  }
  if (!flow.published) throw messageParamError('The flow has not been published: send it with mode "draft", or publish it.', 131009);
  if (flow.status === 'THROTTLED') {
    const hourAgo = ctx.now().getTime() - 3_600_000;
    flow.throttledSends = (flow.throttledSends ?? []).filter((t) => Date.parse(t) > hourAgo);
    if (flow.throttledSends.length >= THROTTLED_SENDS_PER_HOUR) {
      throw new GraphError({ code: 132069, message: '(#132069) Flow is throttled', errorData: { messaging_product: 'whatsapp', details: '10 messages with this flow were already sent in the last hour.' } });
    }
  }
  return flow.published;
}

function wamid(ctx: EmulatorContext): string {
  return 'wamid.' + btoa(`HBgLMTU1NTEyMzQ1NjcVAgARGBI${newId(ctx.state)}`).replace(/=+$/, '');
}

function parseMaybeJson(v: string): unknown {
  const t = v.trim();
  if (t.startsWith('{') || t.startsWith('[')) {
    try {
      return JSON.parse(t);
    } catch {
      return v;
    }
  }
  return v;
}
