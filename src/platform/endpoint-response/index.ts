/**
 * Meta's rules for data endpoint answers (flows-platform §3.5, §3.6, §6.5, §6.6), owned here and nowhere else:
 * - `rules.ts`: each rule's id, severity, WhatsApp's error name and evidence (data);
 * - `check.ts`: `checkEndpointResponse`, the answer shape, the screen against the routing model or back stack,
 *   SUCCESS params;
 * - `data-model.ts`: data against the target screen's data model (types, nested values, nulls, omitted fields);
 * - `flow-model.ts`: what of a Flow JSON those rules read (data models, routing model declared or derived);
 * - `size.ts`: how large (1 MB of payload, §3.5) and how deep an answer may be;
 * - `status.ts`: the data channel's HTTP statuses and the client's error names for them (§3.6).
 * Consumers: the endpoint's `responseChecks` (src/endpoint/response-checks.ts) and the simulator
 * (src/simulator/response-checks.ts `checkResponse`, src/simulator/flow.ts `loadFlow`, src/simulator/endpoint-client.ts).
 */
export { checkEndpointResponse, type EndpointAnswer, type ResponseRequestContext, type ResponseVerdict } from './check.js';
export { dataFindings } from './data-model.js';
export { canBeUnder, responseFlowModel, routingModel, walkComponents, type ResponseFlowModel } from './flow-model.js';
export { answerTooDeep, jsonDepth, MAX_ANSWER_DEPTH, MAX_PAYLOAD_BYTES, MAX_RESPONSE_BODY_BYTES } from './size.js';
export { tooDeep } from './check.js';
export { CHANNEL_ERRORS, ENDPOINT_STATUS, ENDPOINT_TIMEOUT_MS } from './status.js';
export { RESPONSE_RULES, type ResponseErrorName, type ResponseFinding, type ResponseRule, type ResponseRuleId, type ResponseSeverity } from './rules.js';
