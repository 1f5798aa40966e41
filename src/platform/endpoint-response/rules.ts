/**
 * Meta's endpoint response rules, as data: each rule's id, the name WhatsApp's client reports it under
 * (Meta: Flows error codes; Implementing endpoints for Flows, data exchange response), its severity and its evidence. `error` = the client rejects the answer (and sends
 * the endpoint an error notification); `warning` = Meta's own samples do it and the flow goes on.
 * Consumers: `checkEndpointResponse` (this folder), hence `responseChecks` (src/endpoint/response-checks.ts) and
 * the simulator's `checkResponse` (src/simulator/response-checks.ts).
 */
export type ResponseErrorName = 'invalid-screen-transition' | 'payload-schema-error';
export type ResponseSeverity = 'error' | 'warning';

export interface ResponseRule {
  severity: ResponseSeverity;
  /** The error name WhatsApp's client reports (and sends to the endpoint in the error notification). */
  error: ResponseErrorName;
  evidence: string;
}

/** A rule's evidence, typed as a plain string so the internal reference stays out of the published types. */
const cite = (source: string): string => source;

export const RESPONSE_RULES = {
  /** `{ "screen": "<SCREEN_ID>", "data": { ... } }`. */
  'answer-shape': { severity: 'error', error: 'payload-schema-error', evidence: cite('flows-platform §3.5; §6.6 (the client response schema requires `screen`, a string)') },
  /**
   * Values nested deeper than MAX_ANSWER_DEPTH (size.ts). Meta documents no depth; an answer this deep cannot fit
   * any data model (§2.5), and refusing it keeps every walk over the answer bounded (issue 10, finding 3).
   */
  'answer-too-deep': { severity: 'error', error: 'payload-schema-error', evidence: cite('flows-platform §2.5, §3.5 (data must match the data model); the depth bound is the SDK\'s (size.ts)') },
  /** The screen is not in the Flow JSON. */
  'unknown-screen': { severity: 'error', error: 'invalid-screen-transition', evidence: cite('flows-platform §3.5') },
  /** data_exchange: the current screen, or a route from it. */
  'route-not-allowed': { severity: 'error', error: 'invalid-screen-transition', evidence: cite('flows-platform §3.5 ("Screen must be reachable per routing_model from the current screen"), §2.9') },
  /** BACK: a screen under the current one. */
  'back-not-on-stack': { severity: 'error', error: 'invalid-screen-transition', evidence: cite('flows-platform §3.1 (BACK is sent from the screen back was pressed on), §2.9 (each edge implies back navigation)') },
  /** A field the screen declares is left out of `data`. */
  'data-field-omitted': { severity: 'warning', error: 'payload-schema-error', evidence: cite("flows-platform §6.5 (Meta's sample endpoints insurance-quote and preapproved-loan answer with partial data)") },
  /** A value of another type than the data model declares (nested properties and array items included). */
  'data-wrong-type': { severity: 'error', error: 'payload-schema-error', evidence: cite('flows-platform §2.5 (RFC 8927 type checking), §3.5') },
  /** `null` anywhere in `data`. */
  'data-null': { severity: 'error', error: 'payload-schema-error', evidence: cite('flows-platform §2.5 ("null is not a valid value anywhere")') },
  /** `data.error_message` (the snackbar) is not a string. */
  'error-message-not-string': { severity: 'error', error: 'payload-schema-error', evidence: cite('flows-platform §6.6 (the client response schema: `data.error_message` string)') },
  /** SUCCESS without `data.extension_message_response.params` (an object). */
  'success-without-params': { severity: 'error', error: 'payload-schema-error', evidence: cite('flows-platform §3.5; §6.6 (`data.extension_message_response.params` object)') },
  /** SUCCESS whose params carry no `flow_token` string. */
  'success-without-flow-token': { severity: 'warning', error: 'payload-schema-error', evidence: cite("flows-platform §6.5 (Meta's sample endpoint insurance-quote closes with params without flow_token), §4.3") },
} as const satisfies Record<string, ResponseRule>;

export type ResponseRuleId = keyof typeof RESPONSE_RULES;

/** One thing wrong with an endpoint answer. */
export interface ResponseFinding {
  rule: ResponseRuleId;
  severity: ResponseSeverity;
  /** Meta's error name. */
  error: ResponseErrorName;
  /** What is wrong and, for warnings, what WhatsApp does (no data values: they may be personal). */
  message: string;
  /** The top-level data field, for `data-field-omitted`. */
  field?: string;
}

export function finding(rule: ResponseRuleId, message: string, field?: string): ResponseFinding {
  const { severity, error } = RESPONSE_RULES[rule];
  return field === undefined ? { rule, severity, error, message } : { rule, severity, error, message, field };
}
