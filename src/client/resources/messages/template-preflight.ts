import { InvalidArgumentError } from '../../../core/errors.js';
import type { RequestOptions } from '../../../internal/http.js';
import { isObject } from '../../../flow-json/values.js';
import { flowButtonSendProblem, isSendableTemplateStatus, templateFlowButton } from '../../../platform/templates.js';
import { flowActionDataFindings, openedScreen } from '../../../platform/template-flow-data.js';
import type { WhatsApp } from '../../client.js';
import type { flowButtonComponent, templateBody, TemplateMessageParams } from './template.js';

/** The builders of template.ts, passed in by the caller: this lazily loaded module then shares no module with the client's startup code. */
export interface TemplateBuilders {
  templateBody: typeof templateBody;
  flowButtonComponent: typeof flowButtonComponent;
}

/** How long a flow's JSON, read to check `flow_action_data`, is reused. */
const FLOW_JSON_TTL_MS = 5 * 60_000;
const flowJsonCache = new WeakMap<WhatsApp, Map<string, { at: number; json: Promise<Record<string, unknown>> }>>();

/**
 * The `template` of a send with `flow: { token?, data? }`: reads the template's definition (cached by
 * `client.templates.definition`), refuses locally what Meta would refuse (src/platform/templates.ts: a template
 * that does not exist or is not APPROVED, 132001; a missing or misplaced FLOW button component, 131009;
 * `flow_action_data` that does not fit the screen the button opens), and adds the `button`/`flow` component at the
 * FLOW button's index.
 */
export async function templateWithFlow(client: WhatsApp, params: TemplateMessageParams, build: TemplateBuilders, options?: RequestOptions): Promise<Record<string, unknown>> {
  const flow = params.flow!;
  if (!isObject(flow)) throw new InvalidArgumentError('flow must be an object: { token?, data? }.');
  if (params.flowButton !== undefined) throw new InvalidArgumentError('Give flow (the SDK finds the FLOW button) or flowButton (you give its index), not both.');
  const base = build.templateBody({ ...params, flow: undefined });
  const code = (base.language as { code: string }).code;
  const template = await client.templates.definition(params.name, code, params.wabaId, options);
  if (!template) {
    throw new InvalidArgumentError(`Template "${params.name}" does not exist in ${code} in this WhatsApp Business Account: Meta would refuse the send (132001). Create it first (client.templates.create).`);
  }
  if (!isSendableTemplateStatus(template.status)) {
    throw new InvalidArgumentError(`Template "${params.name}" (${code}) is ${template.status}: Meta sends only APPROVED templates (132001). Wait for the review, or fix and resubmit it.`);
  }
  const at = templateFlowButton(template.components ?? []);
  if (!at) throw new InvalidArgumentError(`Template "${params.name}" (${code}) has no FLOW button: send it without flow.`);
  if (flow.data !== undefined) await checkData(client, params.name, at.button, flow.data, options);
  const component = build.flowButtonComponent({
    index: at.index,
    ...(flow.token !== undefined ? { flow_token: flow.token } : {}),
    ...(flow.data !== undefined ? { flow_action_data: flow.data } : {}),
  });
  const components = [...((base.components as unknown[] | undefined) ?? []), component];
  const problem = flowButtonSendProblem(template.components ?? [], components);
  if (problem !== undefined) throw new InvalidArgumentError(problem);
  return { ...base, components };
}

async function checkData(client: WhatsApp, name: string, button: Record<string, unknown>, data: unknown, options?: RequestOptions): Promise<void> {
  if (!isObject(data)) throw new InvalidArgumentError('flow.data must be an object: the data of the screen the FLOW button opens.');
  // With data_exchange the endpoint answers INIT with the first screen and its data (§4.2): nothing to check here.
  if ((button.flow_action ?? 'navigate') !== 'navigate' || typeof button.flow_id !== 'string') return;
  const json = await flowJson(client, button.flow_id, options);
  const screen = openedScreen(json, typeof button.navigate_screen === 'string' ? button.navigate_screen : undefined);
  if (screen === undefined) return;
  const errors = flowActionDataFindings(json, screen, data).filter((f) => f.severity === 'error');
  if (errors.length > 0) throw new InvalidArgumentError(`Template "${name}": ${errors.map((e) => e.message).join(' ')}`);
}

function flowJson(client: WhatsApp, flowId: string, options?: RequestOptions): Promise<Record<string, unknown>> {
  let cache = flowJsonCache.get(client);
  if (!cache) flowJsonCache.set(client, (cache = new Map()));
  const hit = cache.get(flowId);
  if (hit && Date.now() - hit.at < FLOW_JSON_TTL_MS) return hit.json;
  const json = client.flows.downloadFlowJson(flowId, options).then((j) => j);
  cache.set(flowId, { at: Date.now(), json });
  json.catch(() => cache.delete(flowId));
  return json;
}
