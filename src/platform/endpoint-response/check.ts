// Owns: the verdict on one endpoint answer (flows-platform §3.5, §3.6, §6.5, §6.6): shape, screen allowed by the
// routing model or the back stack, data, SUCCESS params. Consumers: src/endpoint/response-checks.ts
// (responseChecks), src/simulator/response-checks.ts (checkResponse).
import { isObject } from '../../flow-json/values.js';
import { dataFindings } from './data-model.js';
import { canBeUnder, type ResponseFlowModel } from './flow-model.js';
import { finding, type ResponseFinding } from './rules.js';
import { answerTooDeep, MAX_ANSWER_DEPTH } from './size.js';

/** The request an answer replies to, as far as the rules need it. */
export interface ResponseRequestContext {
  action: 'INIT' | 'BACK' | 'data_exchange' | (string & {});
  /** The screen the request was sent from (undefined or empty for INIT). */
  screen?: string | undefined;
  /**
   * The screens under the current one, oldest first, when the caller knows them (the WhatsApp client, the
   * simulator). Undefined when it does not (an endpoint): a BACK answer is then checked against the routing
   * model only (a screen the routing model leads to the current screen from; see `canBeUnder`).
   */
  stack?: readonly string[] | undefined;
}

/** An answer the client can act on: show a screen with data, or close the flow with the SUCCESS params. */
export type EndpointAnswer = { kind: 'screen'; screen: string; data: Record<string, unknown> } | { kind: 'success'; params: Record<string, unknown> };

export interface ResponseVerdict {
  /** The answer, when it has the shape `{ screen, data }` (even if it has other errors). */
  answer: EndpointAnswer | undefined;
  /** Every finding, errors first. */
  findings: ResponseFinding[];
  errors: ResponseFinding[];
  warnings: ResponseFinding[];
}

/**
 * Checks a decrypted endpoint answer the way WhatsApp's client does (flows-platform §3.5, §3.6, §6.5, §6.6):
 * the shape `{ screen, data }`; the screen allowed by the routing model (data_exchange: the same screen or a
 * route from the current one; INIT: any screen of the flow; BACK: a screen under the current one); the data
 * against the target screen's data model; SUCCESS with `data.extension_message_response.params`.
 */
export function checkEndpointResponse(model: ResponseFlowModel, request: ResponseRequestContext, response: unknown): ResponseVerdict {
  const findings = answerFindings(model, request, response);
  const errors = findings.filter((f) => f.severity === 'error');
  const warnings = findings.filter((f) => f.severity === 'warning');
  let answer: EndpointAnswer | undefined;
  if (errors.some((f) => f.rule === 'answer-too-deep')) return { answer, findings: errors, errors, warnings };
  if (isObject(response) && typeof response.screen === 'string' && isObject(response.data)) {
    const { screen, data } = response;
    const params = isObject(data.extension_message_response) ? data.extension_message_response.params : undefined;
    if (screen !== 'SUCCESS') answer = { kind: 'screen', screen, data };
    else if (isObject(params)) answer = { kind: 'success', params };
  }
  return { answer, findings: [...errors, ...warnings], errors, warnings };
}

function answerFindings(model: ResponseFlowModel, request: ResponseRequestContext, response: unknown): ResponseFinding[] {
  // First, before any rule walks the answer: a value nested 100 000 deep must give a finding, not a RangeError.
  if (answerTooDeep(response)) return [tooDeep()];
  if (!isObject(response)) return [finding('answer-shape', `the answer must be { "screen": "<SCREEN_ID>", "data": { ... } }; got ${Array.isArray(response) ? 'an array' : response === null ? 'null' : `a ${typeof response}`}.`)];
  if (typeof response.screen !== 'string') return [finding('answer-shape', 'the answer has no "screen" (a screen id, or SUCCESS to close the flow).')];
  if (!isObject(response.data)) return [finding('answer-shape', `the answer's "data" must be an object; got ${response.data === undefined ? 'none' : Array.isArray(response.data) ? 'an array' : typeof response.data}.`)];
  const { screen, data } = response;
  if (screen === 'SUCCESS') return successFindings(data);
  const target = model.screens.get(screen);
  if (!target) return [finding('unknown-screen', `screen ${JSON.stringify(screen)} is not in the Flow JSON.`)];
  const route = routeFinding(model, request, screen);
  return [...(route ? [route] : []), ...dataFindings(screen, target.dataModel, data)];
}

/** The finding for an answer nested past MAX_ANSWER_DEPTH. */
export function tooDeep(): ResponseFinding {
  return finding('answer-too-deep', `the answer is nested too deeply: more than ${MAX_ANSWER_DEPTH} levels of objects and arrays (a data model nests a few).`);
}

function routeFinding(model: ResponseFlowModel, request: ResponseRequestContext, screen: string): ResponseFinding | undefined {
  const current = request.screen || undefined;
  if (current === undefined) return undefined;
  if (request.action === 'data_exchange' && screen !== current) {
    const allowed = [...(model.routes.get(current) ?? [])];
    if (!allowed.includes(screen)) return finding('route-not-allowed', `the routing model allows ${current} → [${allowed.join(', ')}], not ${screen}.`);
  }
  if (request.action === 'BACK') {
    if (request.stack) {
      if (!request.stack.includes(screen)) return finding('back-not-on-stack', `a BACK answer must name a screen under ${current} ([${request.stack.join(', ')}]); got ${screen}.`);
    } else if (!canBeUnder(model.routes, screen, current)) {
      const under = [...model.screens.keys()].filter((s) => canBeUnder(model.routes, s, current));
      return finding('back-not-on-stack', `a BACK answer must name a screen under ${current} (the routing model leads to it from [${under.join(', ')}]); got ${screen}.`);
    }
  }
  return undefined;
}

function successFindings(data: Record<string, unknown>): ResponseFinding[] {
  const params = isObject(data.extension_message_response) ? data.extension_message_response.params : undefined;
  if (!isObject(params)) return [finding('success-without-params', 'a SUCCESS answer needs data.extension_message_response.params (an object with the flow_token; closeFlow builds it).')];
  if (typeof params.flow_token === 'string') return [];
  return [
    finding(
      'success-without-flow-token',
      `the SUCCESS params ${params.flow_token === undefined ? 'have no flow_token' : 'have a flow_token that is not a string'}: the flow closes, but the completion message's response_json carries exactly the params, so your webhook cannot tell which flow message it answers (flows-platform §4.3, §6.5). Use closeFlow(flow_token, params).`,
    ),
  ];
}
