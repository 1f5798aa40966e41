import { flowsOfWaba, setStatus, wabaFor, type EmulatorContext } from '../context.js';
import { allowedNext } from '../lifecycle-guard.js';
import { INITIAL_STATUS, publishesOnCreate } from '../../platform/lifecycle.js';
import type { FlowStatus } from '../../enums/flow-status.js';
import { inspectFlowJson, screenIds } from '../flow-json.js';
import { GraphError, invalidParameter } from '../graph-error.js';
import { publishingProblems } from '../publishing-checks.js';
import { text, type GraphRequest } from '../request.js';
import { newId, type FlowRecord, type MessageRecord, type TemplateRecord } from '../state.js';
import { page } from './flows.js';
import { parseMaybeRequestJson } from '../request-json.js';
import { parseFields, pickFields } from '../fields.js';
import { DEFAULT_FLOW_TOKEN, checkFlowButtonComponent, checkTemplateFlowButton } from '../../platform/messages.js';
import { TEMPLATE_PARAMETER_ERROR_CODE, flowButtonSendProblem, isSendableTemplateStatus, sentFlowButtonComponents } from '../../platform/templates.js';
import { messageParamError, sendableJson } from './messages.js';
import { unknownObject } from '../graph-error.js';

const CATEGORIES = ['MARKETING', 'UTILITY', 'AUTHENTICATION'];

/**
 * `POST /{waba}/message_templates` with a FLOW button (flows-platform §4.2). New templates are `PENDING` for
 * `templateApprovalDelayMs`, then `APPROVED` (default 0: approved at once). A FLOW button names its flow by exactly one of `flow_id`, `flow_name` or `flow_json`; the template keeps
 * the flow id. With `flow_json` a flow is created for the template (and published when it is valid).
 */
export function createTemplate(ctx: EmulatorContext, req: GraphRequest, wabaId: string): Record<string, unknown> {
  wabaFor(ctx, wabaId);
  const body = req.json ?? Object.fromEntries([...req.params].map(([k, v]) => [k, k === 'components' ? safeJson(v) : v]));
  const name = body.name;
  if (typeof name !== 'string' || !/^[a-z0-9_]{1,512}$/.test(name)) throw invalidParameter('Param name must be lowercase letters, digits and underscores.');
  const language = body.language;
  if (typeof language !== 'string' || language === '') throw invalidParameter('The parameter language is required.');
  const category = typeof body.category === 'string' ? body.category.toUpperCase() : undefined;
  if (!category || !CATEGORIES.includes(category)) throw invalidParameter(`Param category must be one of {${CATEGORIES.join(', ')}}.`);
  if (!Array.isArray(body.components)) throw invalidParameter('The parameter components is required.');
  if (Object.values(ctx.state.templates).some((t) => t.wabaId === wabaId && t.name === name && t.language === language)) {
    throw new GraphError({ code: 100, subcode: 2388023, message: 'Invalid parameter', userTitle: 'Message template name is already in use', userMessage: `There is already ${language} content for this template.` });
  }
  if (body.components.some((c) => !c || typeof c !== 'object' || Array.isArray(c))) throw invalidParameter('Param components must be an array of component objects.');
  const components = structuredClone(body.components) as Array<Record<string, unknown>>;
  for (const component of components) {
    const buttons = component.buttons;
    if (buttons !== undefined && (!Array.isArray(buttons) || buttons.some((b) => !b || typeof b !== 'object' || Array.isArray(b)))) {
      throw invalidParameter('Param buttons must be an array of button objects.');
    }
    if (text(component.type).toUpperCase() !== 'BUTTONS' || !Array.isArray(component.buttons)) continue;
    for (const button of component.buttons as Array<Record<string, unknown>>) {
      if (text(button.type).toUpperCase() === 'FLOW') resolveFlowButton(ctx, wabaId, name, button);
    }
  }
  const template: TemplateRecord = { id: newId(ctx.state), wabaId, name, language, category, status: 'APPROVED', components, createdAt: ctx.timestamp() };
  if (ctx.templateApprovalDelayMs > 0) {
    template.status = 'PENDING';
    template.approvesAt = new Date(ctx.now().getTime() + ctx.templateApprovalDelayMs).toISOString();
  }
  ctx.state.templates[template.id] = template;
  return { id: template.id, status: template.status, category };
}

/**
 * A template's status now: Meta reviews new templates (`PENDING`) before they can be sent (`APPROVED`); the
 * emulator's review takes `templateApprovalDelayMs` by its clock (0: approved at once). Derived when read, so no
 * timer and no write is needed, and a restart keeps the schedule.
 */
export function templateStatus(ctx: EmulatorContext, template: TemplateRecord): TemplateRecord['status'] {
  if (template.status === 'PENDING' && template.approvesAt !== undefined && Date.parse(template.approvesAt) <= ctx.now().getTime()) return 'APPROVED';
  return template.status;
}

/** A template as Graph's node type of a message template shows it (reference page "WhatsApp Business HSM"). */
function templateView(ctx: EmulatorContext, t: TemplateRecord): Record<string, unknown> {
  return { id: t.id, name: t.name, language: t.language, status: templateStatus(ctx, t), category: t.category, components: t.components, ...(t.rejectedReason ? { rejected_reason: t.rejectedReason } : {}) };
}

/** `GET /{waba}/message_templates`, optionally filtered by `name` (Meta's edge takes `name` and `status`). */
export function listTemplates(ctx: EmulatorContext, req: GraphRequest, wabaId: string): Record<string, unknown> {
  const fields = parseFields(req.params.get('fields'));
  const name = req.params.get('name');
  const status = req.params.get('status');
  const items = Object.values(ctx.state.templates)
    .filter((t) => t.wabaId === wabaId && (name === undefined || t.name === name) && (status === undefined || templateStatus(ctx, t) === status))
    .map((t) => pickFields(templateView(ctx, t), fields, 'WhatsAppBusinessHSM'));
  return page(req, items);
}

/** `GET /{template_id}`. */
export function getTemplate(ctx: EmulatorContext, req: GraphRequest, id: string): Record<string, unknown> {
  const t = ctx.state.templates[id];
  if (!t) throw unknownObject(id, 'get');
  return pickFields(templateView(ctx, t), parseFields(req.params.get('fields')), 'WhatsAppBusinessHSM');
}

/**
 * `DELETE /{waba}/message_templates?name=<name>[&hsm_id=<id>]` (Meta: message templates, delete): by name removes
 * every language of the template; with `hsm_id` only that one.
 */
export function deleteTemplate(ctx: EmulatorContext, req: GraphRequest, wabaId: string): Record<string, unknown> {
  const name = req.params.get('name');
  if (!name) throw invalidParameter('The parameter name is required.');
  const id = req.params.get('hsm_id');
  const matching = Object.values(ctx.state.templates).filter((t) => t.wabaId === wabaId && t.name === name && (id === undefined || t.id === id));
  if (matching.length === 0) throw invalidParameter(`Message template "${name}" does not exist in this WhatsApp Business Account.`);
  for (const t of matching) delete ctx.state.templates[t.id];
  return { success: true };
}

function resolveFlowButton(ctx: EmulatorContext, wabaId: string, templateName: string, button: Record<string, unknown>): void {
  const verdict = checkTemplateFlowButton(button);
  if (!verdict.ok) throw invalidParameter(verdict.problem);
  let flow: FlowRecord | undefined;
  if (button.flow_id !== undefined) flow = ctx.state.flows[text(button.flow_id)];
  else if (button.flow_name !== undefined) flow = flowsOfWaba(ctx, wabaId).find((f) => f.name === button.flow_name);
  else flow = flowFromJson(ctx, wabaId, templateName, button.flow_json);
  if (!flow || flow.wabaId !== wabaId) throw invalidParameter(`The flow of the FLOW button (${text(button.flow_id ?? button.flow_name)}) does not exist in this WhatsApp Business Account.`);
  const json = flow.published ?? flow.json;
  const screen = verdict.settings.navigateScreen;
  if (screen !== undefined && json && !screenIds(json.text).includes(screen)) {
    throw invalidParameter(`navigate_screen "${screen}" is not a screen of the flow.`);
  }
  button.flow_id = flow.id;
  delete button.flow_name;
  delete button.flow_json;
}

function flowFromJson(ctx: EmulatorContext, wabaId: string, templateName: string, flowJson: unknown): FlowRecord {
  const text = typeof flowJson === 'string' ? flowJson : JSON.stringify(flowJson);
  const now = ctx.timestamp();
  const flow: FlowRecord = { id: newId(ctx.state), wabaId, name: `${templateName}_flow_${ctx.state.nextId}`, categories: ['OTHER'], status: INITIAL_STATUS, createdAt: now, updatedAt: now };
  flow.json = inspectFlowJson(text, newId(ctx.state), now);
  if (flow.json.validationErrors.length > 0) {
    throw new GraphError({ code: 100, message: '(#100) Invalid parameter', userTitle: 'Flow JSON has validation errors', userMessage: flow.json.validationErrors.map((e) => e.message).join(' ') });
  }
  ctx.state.flows[flow.id] = flow;
  ctx.flowStatusChanged(flow, undefined);
  // A template's flow_json flow is published with the template when it can be (as `publish: true` on create).
  if (publishesOnCreate(true, true, publishingProblems(ctx, flow).length)) {
    flow.published = flow.json;
    setStatus(ctx, flow, allowedNext(flow, 'publish') as FlowStatus);
  }
  return flow;
}

/** Checks a template message against the stored templates; returns its flow when it has a FLOW button. */
export function templateForMessage(ctx: EmulatorContext, template: unknown): MessageRecord['flow'] {
  const t = template as { name?: unknown; language?: { code?: unknown }; components?: unknown } | undefined;
  if (!t || typeof t.name !== 'string') throw messageParamError('template.name is required.');
  const code = t.language?.code;
  if (typeof code !== 'string') throw messageParamError('template.language.code is required.');
  const stored = Object.values(ctx.state.templates).find((x) => x.name === t.name && x.language === code);
  if (!stored) throw new GraphError({ code: 132001, message: '(#132001) Template name does not exist in the translation', errorData: { messaging_product: 'whatsapp', details: `template name (${t.name}) does not exist in ${code}` } });
  // Sending a template that is not approved yet: Meta answers 132001 as for a missing translation (developer
  // reports; UNVERIFIED in Meta's docs), the details saying why.
  const status = templateStatus(ctx, stored);
  if (!isSendableTemplateStatus(status)) {
    throw new GraphError({ code: 132001, message: '(#132001) Template name does not exist in the translation', errorData: { messaging_product: 'whatsapp', details: `template name (${t.name}) in ${code} is ${status === 'PENDING' ? 'PENDING review' : status}: send it once it is APPROVED` } });
  }
  const sent = Array.isArray(t.components) ? (t.components as unknown[]) : [];
  // src/platform/templates.ts: a template with a FLOW button needs its button/flow component at the button's index (131009).
  const problem = flowButtonSendProblem(stored.components, sent);
  if (problem !== undefined) throw messageParamError(problem, TEMPLATE_PARAMETER_ERROR_CODE);
  const buttons = stored.components.flatMap((c) => ((c as { buttons?: unknown[] }).buttons ?? []) as Array<Record<string, unknown>>);
  const flowButton = buttons.find((b) => text(b.type).toUpperCase() === 'FLOW');
  if (!flowButton) return undefined;
  const flow = ctx.state.flows[text(flowButton.flow_id)];
  if (!flow) throw messageParamError('The flow of this template no longer exists.', 131009);
  const json = sendableJson(ctx, flow, 'published');
  const param = sentFlowButtonComponents(sent)[0];
  let flowToken = DEFAULT_FLOW_TOKEN;
  let flowActionData: Record<string, unknown> | undefined;
  if (param !== undefined) {
    const verdict = checkFlowButtonComponent(param);
    if (!verdict.ok) throw messageParamError(verdict.problem);
    flowToken = verdict.settings.flowToken;
    flowActionData = verdict.settings.flowActionData;
  }
  const out: NonNullable<MessageRecord['flow']> = { id: flow.id, mode: 'published', token: flowToken, action: text(flowButton.flow_action ?? 'navigate') };
  if (typeof flowButton.navigate_screen === 'string') out.screen = flowButton.navigate_screen;
  if (flowActionData !== undefined) out.data = flowActionData;
  if (json.version !== undefined) out.jsonVersion = json.version;
  out.assetId = json.assetId;
  return out;
}

function safeJson(v: string): unknown {
  return parseMaybeRequestJson(v, 'A template parameter');
}
