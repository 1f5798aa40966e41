import { isNestedExpression, isSingleBinding } from '../flow-json/references/binding-syntax.js';
import { referenceAt, scanReferences } from '../flow-json/references/reference-scan.js';
import { isObject } from '../flow-json/values.js';
import { evaluateNested, toText, type ReferenceLookup } from './evaluate.js';
import { atLeast, type FlowDefinition } from './flow.js';
import { formValue } from './inputs.js';
import type { SessionState } from './state.js';

/**
 * Dynamic values (Meta: Flow JSON reference, Dynamic properties): `${data.…}`, `${form.…}`, `${screen.ID.data|form.…}` and nested
 * expressions (≥ 6.0), resolved against a session's state from the point of view of one screen.
 */
export interface ResolveContext {
  flow: FlowDefinition;
  state: SessionState;
  /** The screen whose `${data}` / `${form}` local references mean. */
  screen: string;
}

/** Properties whose values are resolved only when they fire (actions) or are walked (children, branches). */
const RAW_KEYS = new Set(['on-click-action', 'on-select-action', 'on-unselect-action', 'children', 'then', 'else', 'cases']);

/** The reference lookup of a screen. */
export function lookupFor(ctx: ResolveContext): ReferenceLookup {
  return (ref) => {
    if (ref.kind === 'data') return path(ctx.state.data.get(ctx.screen), [ref.field, ...ref.rest]);
    if (ref.kind === 'form') return path(formField(ctx, ctx.screen, ref.field), ref.rest);
    if (ref.scope === 'data') return path(ctx.state.data.get(ref.screen), [ref.field, ...ref.rest]);
    return path(formField(ctx, ref.screen, ref.field), ref.rest);
  };
}

/**
 * A value with every binding resolved: a whole-value binding gives the referenced value (any type, undefined
 * when it has none), a nested expression its result, text with bindings inside the text with them filled in.
 * Objects and arrays are resolved deeply, except actions and nested component lists (resolved when used).
 */
export function resolveValue(value: unknown, ctx: ResolveContext, lookup: ReferenceLookup = lookupFor(ctx)): unknown {
  return resolveIn(value, ctx, lookup, false);
}

/**
 * `resolveValue` for what an action sends or opens (payloads, `url`): there, text mixed with references is filled
 * in, as the validator's reference rules also check it there (`flow-json/references/literal-text.ts`).
 */
export function resolveActionValue(value: unknown, ctx: ResolveContext): unknown {
  return resolveIn(value, ctx, lookupFor(ctx), true);
}

function resolveIn(value: unknown, ctx: ResolveContext, lookup: ReferenceLookup, fillMixed: boolean): unknown {
  if (typeof value === 'string') return resolveString(value, ctx, lookup, fillMixed);
  if (Array.isArray(value)) return value.map((v) => resolveIn(v, ctx, lookup, fillMixed));
  if (isObject(value)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = RAW_KEYS.has(k) ? v : resolveIn(v, ctx, lookup, fillMixed);
    return out;
  }
  return value;
}

function resolveString(value: string, ctx: ResolveContext, lookup: ReferenceLookup, fillMixed: boolean): unknown {
  if (!value.includes('${') && !value.startsWith('`')) return value;
  if (isNestedExpression(value) && atLeast(ctx.flow, '6.0')) return evaluateNested(value, lookup);
  if (isSingleBinding(value)) {
    const ref = referenceAt(value, 0, value.length);
    return ref.kind === 'invalid' ? value : lookup(ref);
  }
  // Static text mixed with a reference: WhatsApp shows it as it is, `${…}` included (flows-platform §6.5).
  if (!fillMixed) return value;
  let out = '';
  let last = 0;
  for (const ref of scanReferences(value)) {
    out += value.slice(last, ref.start) + (ref.kind === 'invalid' ? ref.text : toText(lookup(ref)));
    last = ref.end;
  }
  return out + value.slice(last);
}

function formField(ctx: ResolveContext, screen: string, name: string): unknown {
  const component = ctx.flow.screens.get(screen)?.named.get(name);
  const stored = ctx.state.forms.get(screen)?.[name];
  return component ? formValue(component, stored, ctx.flow) : stored;
}

function path(root: unknown, keys: readonly string[]): unknown {
  let v = root;
  for (const k of keys) {
    if (v === undefined || v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string, unknown>)[k];
  }
  return v;
}
