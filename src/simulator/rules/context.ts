import type { JsonObject } from '../../flow-json/values.js';
import type { InputFailure } from '../errors.js';
import type { FlowDefinition } from '../flow.js';

/** One input component being checked: the raw node and its properties resolved on the current screen. */
export interface FieldContext {
  screen: string;
  flow: FlowDefinition;
  node: JsonObject;
  props: Record<string, unknown>;
}

/** An InputFailure for this field. */
export function failure(ctx: FieldContext, rule: string, message: string): InputFailure {
  return { screen: ctx.screen, field: String(ctx.node.name ?? ''), component: String(ctx.node.type ?? ''), rule, message };
}

/** A numeric property (`max-chars: 20` or a binding that resolved to `"20"`); undefined when absent or not numeric. */
export function numberProp(props: Record<string, unknown>, key: string): number | undefined {
  const v = props[key];
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
  return undefined;
}

/** JSON text of a value for messages, shortened. */
export function show(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
