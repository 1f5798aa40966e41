import { InvalidArgumentError, WhatsAppError } from '../core/base-errors.js';
import { checkEndpointResponse, responseFlowModel, type ResponseFinding } from '../platform/endpoint-response/index.js';
import type { FlowRequest, FlowResponse } from './types.js';

export interface ResponseCheckOptions {
  /** The flow's Flow JSON (object or text). */
  flowJson: object | string;
  /** `warn` (default) calls `warn`; `throw` makes the endpoint answer 500 and report through `onError` when an error is found (warnings still go to `warn`). */
  mode?: 'warn' | 'throw';
  /** Where findings go (default console.warn). */
  warn?: (message: string) => void;
}

/**
 * Development checks of every response against the Flow JSON, before it is encrypted, with Meta's endpoint
 * response rules (src/platform/endpoint-response; Meta: Implementing endpoints for Flows, data exchange response; what WhatsApp accepts in published flows (observed); the WhatsApp client's behaviour (observed)) — the same rules and verdicts
 * as the simulator. Errors are what WhatsApp would reject later as `invalid-screen-transition` or
 * `payload-schema-error`; warnings (a declared field left out, a SUCCESS without `flow_token`) are what Meta's
 * own samples do and WhatsApp accepts. Pass the result as the endpoint's `checkResponse` option.
 *
 * BACK: the endpoint does not see the client's back stack, and keeping one per flow_token would be state a
 * development check should not hold (several server instances, sessions abandoned without notice). So a BACK
 * answer is checked against the routing model: its screen must exist and be one the routing model leads to the
 * request's screen from (every screen on the real stack is one; see `canBeUnder`). The simulator, which knows the
 * stack, checks the stack itself; for any answer the routing model already rules out, both say the same.
 */
export function responseChecks(options: ResponseCheckOptions): (request: FlowRequest, response: FlowResponse) => void {
  const model = responseFlowModel(parseFlowJson(options.flowJson));
  const warn = options.warn ?? ((m: string) => console.warn(m));
  return (request, response) => {
    const verdict = checkEndpointResponse(model, { action: request.action, screen: request.screen }, response);
    if (verdict.findings.length === 0) return;
    const where = `Flow endpoint response to ${request.action}${request.screen ? ` on ${request.screen}` : ''}`;
    if (options.mode === 'throw' && verdict.errors.length) {
      if (verdict.warnings.length) warn(`${where}: ${verdict.warnings.map(describe).join(' ')}`);
      throw new WhatsAppError(`${where}: ${verdict.errors.map(describe).join(' ')}`);
    }
    warn(`${where}: ${verdict.findings.map(describe).join(' ')}`);
  };
}

function describe(finding: ResponseFinding): string {
  return `${finding.severity === 'warning' ? 'warning, ' : ''}${finding.error}: ${finding.message}`;
}

function parseFlowJson(flowJson: object | string): unknown {
  if (typeof flowJson !== 'string') return flowJson;
  try {
    return JSON.parse(flowJson);
  } catch (error) {
    throw new InvalidArgumentError(`responseChecks: flowJson is not JSON (${(error as Error).message}); pass the Flow JSON text or object.`);
  }
}
