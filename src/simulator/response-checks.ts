import { checkEndpointResponse, dataFindings, type EndpointAnswer, type ResponseFinding } from '../platform/endpoint-response/index.js';
import type { JsonObject } from '../flow-json/values.js';
import { SimulatorProtocolError } from './errors.js';
import type { FlowDefinition } from './flow.js';

/**
 * The client's checks of an endpoint answer. The rules are Meta's, in src/platform/endpoint-response
 * (Meta: Implementing endpoints for Flows, data exchange response; what WhatsApp accepts in published flows (observed); the WhatsApp client's behaviour (observed)); this file only turns their verdict into the simulator's behaviour:
 * an error throws `SimulatorProtocolError` with Meta's name (`invalid-screen-transition`,
 * `payload-schema-error`); a warning (a declared field left out, a SUCCESS without `flow_token`) is returned
 * with the answer, and throws too when `strict`.
 */
export type CheckedResponse = EndpointAnswer & {
  /** The warnings about this answer (empty when it follows every rule). */
  warnings: ResponseFinding[];
};

export interface RequestContext {
  action: 'INIT' | 'BACK' | 'data_exchange';
  /** The screen the request was sent from (undefined for INIT). */
  screen: string | undefined;
  /** Screens under the current one (BACK may go to one of them). */
  stack: readonly string[];
}

export interface CheckResponseOptions {
  /** Warnings are failures too (`new FlowSimulator({ strict: true })`, `simulate --strict`). */
  strict?: boolean;
}

/** @throws SimulatorProtocolError when WhatsApp's client would reject the answer (or, when strict, warn about it). */
export function checkResponse(flow: FlowDefinition, request: RequestContext, response: unknown, options: CheckResponseOptions = {}): CheckedResponse {
  const verdict = checkEndpointResponse(flow, request, response);
  const failures = options.strict ? verdict.findings : verdict.errors;
  if (failures.length || !verdict.answer) {
    const first = failures[0]!;
    const same = failures.filter((f) => f.error === first.error).map((f) => f.message);
    const where = `${request.action}${request.screen ? ` on ${request.screen}` : ''}`;
    throw new SimulatorProtocolError(first.error, `${where}: ${same.join(' ')}${first.severity === 'warning' ? ' (a warning, failing because strict)' : ''}`, request.screen ? { screen: request.screen } : {});
  }
  return { ...verdict.answer, warnings: verdict.warnings };
}

/** What is wrong with `data` for a data model (messages of the platform's data-model rules, warnings included). */
export function dataProblems(model: JsonObject, data: Record<string, unknown>, screen = 'the screen'): string[] {
  return dataFindings(screen, model, data).map((f) => f.message);
}
