import { phoneFor, type EmulatorContext } from '../context.js';
import { screenIds } from '../flow-json.js';
import { GraphError } from '../graph-error.js';
import { type GraphRequest } from '../request.js';
import { checkFlowInteractive, checkMarkAsRead, isMarkAsRead } from '../../platform/messages.js';
import { newId, type FlowJsonVersionRecord, type FlowRecord, type MessageRecord } from '../state.js';
import { sendRefusal } from '../../platform/lifecycle.js';
import { addresseeOf, contactOf } from '../../platform/recipients.js';
import { templateForMessage } from './templates.js';
import { parseMaybeRequestJson } from '../request-json.js';

/** Cloud API parameter errors carry the detail in `error_data.details` (flows-platform §1.2). */
export function messageParamError(details: string, code = 100): GraphError {
  return new GraphError({
    code,
    message: code === 100 ? '(#100) Invalid parameter' : '(#131009) Parameter value is not valid',
    errorData: { messaging_product: 'whatsapp', details },
  });
}

/**
 * `POST /{phone}/messages`: interactive flow messages (flows-platform §4.1), templates (§4.2), Meta's mark-as-read
 * (§6.5) and other types as given, to a phone number (`to`) or a business-scoped user ID (`recipient`, §6.1). The
 * parameter rules are Meta's, from src/platform/messages.ts and src/platform/recipients.ts.
 */
export function sendMessage(ctx: EmulatorContext, req: GraphRequest, phoneId: string): Record<string, unknown> {
  const body = req.json ?? Object.fromEntries([...req.params].map(([k, v]) => [k, parseMaybeJson(v)]));
  if (isMarkAsRead(body)) {
    const verdict = checkMarkAsRead(body);
    if (!verdict.ok) throw messageParamError(verdict.problem);
    return { success: true };
  }
  if (body.messaging_product !== 'whatsapp') throw messageParamError('The parameter messaging_product is required and must be "whatsapp".');
  // `to` (a phone number) or `recipient` (a BSUID); to wins when both are given (src/platform/recipients.ts, §6.1).
  const address = addresseeOf(body);
  if (!address.ok) throw messageParamError(address.problem);
  const { addressee } = address;
  const type = typeof body.type === 'string' ? body.type : 'text';
  phoneFor(ctx, phoneId);
  const record: MessageRecord = { id: wamid(ctx), phoneNumberId: phoneId, to: addressee.input, type, body, sentAt: ctx.timestamp() };
  if (address.recipient !== undefined) record.recipient = address.recipient;
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
  return { messaging_product: 'whatsapp', contacts: [contactOf(addressee)], messages: [{ id: record.id }] };
}

function checkFlowMessage(ctx: EmulatorContext, interactive: Record<string, unknown>): NonNullable<MessageRecord['flow']> {
  const verdict = checkFlowInteractive(interactive);
  if (!verdict.ok) throw messageParamError(verdict.problem);
  const settings = verdict.settings;
  const named = settings.flowName === undefined ? [] : Object.values(ctx.state.flows).filter((f) => f.name === settings.flowName);
  // Names are unique per WABA only; the emulator does not know which WABA a phone number belongs to.
  if (named.length > 1) throw messageParamError(`Several flows are named ${settings.flowName} (in different WhatsApp Business Accounts): send by flow_id.`, 131009);
  const flow = settings.flowId !== undefined ? ctx.state.flows[settings.flowId] : named[0];
  if (!flow) throw messageParamError(settings.flowId !== undefined ? `Flow with id ${settings.flowId} does not exist.` : `Flow with name ${settings.flowName} does not exist.`, 131009);
  const json = sendableJson(ctx, flow, settings.mode);
  if (settings.screen !== undefined && !screenIds(json.text).includes(settings.screen)) {
    throw messageParamError(`flow_action_payload.screen "${settings.screen}" is not a screen of the flow.`, 131009);
  }
  const out: NonNullable<MessageRecord['flow']> = { id: flow.id, mode: settings.mode, token: settings.flowToken, action: settings.flowAction };
  if (settings.screen !== undefined) out.screen = settings.screen;
  if (settings.data !== undefined) out.data = settings.data;
  if (json.version !== undefined) out.jsonVersion = json.version;
  out.assetId = json.assetId;
  return out;
}

/** Which JSON a send uses, after the status checks of the operation matrix (src/platform/lifecycle.ts, §1.5, §1.9). */
export function sendableJson(ctx: EmulatorContext, flow: FlowRecord, mode: 'draft' | 'published'): FlowJsonVersionRecord {
  const hourAgo = ctx.now().getTime() - 3_600_000;
  if (flow.status === 'THROTTLED') flow.throttledSends = (flow.throttledSends ?? []).filter((t) => Date.parse(t) > hourAgo);
  const refusal = sendRefusal(flow.status, mode, { hasJson: !!flow.json, hasPublishedVersion: !!flow.published, sendsLastHour: flow.throttledSends?.length ?? 0 });
  if (refusal?.code === 132068) throw new GraphError({ code: 132068, message: '(#132068) Flow is blocked', errorData: { messaging_product: 'whatsapp', details: refusal.detail } });
  if (refusal?.code === 132069) throw new GraphError({ code: 132069, message: '(#132069) Flow is throttled', errorData: { messaging_product: 'whatsapp', details: refusal.detail } });
  if (refusal) throw messageParamError(refusal.detail, 131009);
  return (mode === 'draft' ? flow.json : flow.published)!;
}

function wamid(ctx: EmulatorContext): string {
  return 'wamid.' + btoa(`HBgLMTU1NTEyMzQ1NjcVAgARGBI${newId(ctx.state)}`).replace(/=+$/, '');
}

function parseMaybeJson(v: string): unknown {
  const t = v.trim();
  if (t.startsWith('{') || t.startsWith('[')) {
    const parsed = parseMaybeRequestJson(t, 'A message parameter');
    return parsed === t ? v : parsed;
  }
  return v;
}
