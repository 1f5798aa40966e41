import type { ComponentModel, FlowModel } from '../model.js';
import { INPUT_TYPES } from '../rules/screens/component-sets.js';

type FormInputs = Map<ComponentModel, Map<string, ComponentModel>>;
const cache = new WeakMap<FlowModel, FormInputs>();

/**
 * For each Form, its input components by name (the first one when names repeat), read off the shared model in
 * one pass and cached per model. Not a rule: a helper for the `init-values` rules.
 */
export function inputsByForm(model: FlowModel): FormInputs {
  const cached = cache.get(model);
  if (cached) return cached;
  const out: FormInputs = new Map();
  for (const c of model.components) {
    if (c.type === 'Form' && !out.has(c)) out.set(c, new Map());
    if (!c.form || c.type === undefined || !INPUT_TYPES.has(c.type) || typeof c.node.name !== 'string') continue;
    let inputs = out.get(c.form);
    if (!inputs) out.set(c.form, (inputs = new Map()));
    if (!inputs.has(c.node.name)) inputs.set(c.node.name, c);
  }
  cache.set(model, out);
  return out;
}
