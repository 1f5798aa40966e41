// Owns: what the message rules share (src/platform/messages.ts for flow messages, template-flow-buttons.ts for a
// template's FLOW button): the verdict shape, Meta's flow actions and default flow token (flows-platform §4.1, §4.2),
// and small value checks. Consumers: those two modules only.

/** A refused parameter: the message says what is wrong and how to fix it. */
export interface MessageProblem {
  problem: string;
}

export type Verdict<T> = ({ ok: true } & T) | ({ ok: false } & MessageProblem);

export const FLOW_ACTIONS = ['navigate', 'data_exchange'] as const;
/** Meta's default `flow_token` when none is sent (§4.1, §4.2). */
export const DEFAULT_FLOW_TOKEN = 'unused';

export const refuse = (problem: string): { ok: false; problem: string } => ({ ok: false, problem });
export const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
export const isText = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';

/** A value as a refusal shows it. */
export function show(value: unknown): string {
  return value === undefined ? 'nothing' : (JSON.stringify(value) ?? String(value));
}
