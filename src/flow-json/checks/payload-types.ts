import type { FlowModel, ScreenModel } from '../model.js';
import { inputValueType } from '../../platform/input-values.js';
import { findReferences, isNestedExpression, isSingleBinding } from '../references/binding-syntax.js';
import { isObject } from '../values.js';

/**
 * The type a payload value will have at run time, in the data model's type names (string, number, boolean,
 * object, array, null), when it can be told without running the flow; otherwise undefined.
 */

export class PayloadTyper {
  readonly #formTypes = new Map<ScreenModel, Map<string, string | undefined>>();

  constructor(readonly model: FlowModel) {}

  typeOf(value: unknown, screen: ScreenModel): string | undefined {
    if (value === null) return 'null';
    if (Array.isArray(value)) return 'array';
    if (isObject(value)) return 'object';
    if (typeof value === 'number') return 'number';
    if (typeof value === 'boolean') return 'boolean';
    if (typeof value !== 'string') return undefined;
    if (!value.includes('${')) return isNestedExpression(value) ? undefined : 'string';
    if (!isSingleBinding(value)) return undefined;
    const ref = findReferences(value)[0];
    if (!ref || ref.kind === 'invalid' || ref.rest.length > 0) return undefined;
    if (ref.kind === 'data') return declaredType(screen.data, ref.field);
    if (ref.kind === 'form') return this.#formType(screen, ref.field);
    const other = this.model.screensById.get(ref.screen);
    if (!other) return undefined;
    return ref.scope === 'data' ? declaredType(other.data, ref.field) : this.#formType(other, ref.field);
  }

  #formType(screen: ScreenModel, name: string): string | undefined {
    let types = this.#formTypes.get(screen);
    if (!types) {
      types = new Map();
      for (const c of screen.components) {
        const n = c.node.name;
        if (typeof n !== 'string' || c.type === undefined) continue;
        const t = inputValueType(c.type, c.node);
        // The same name with two different value types (e.g. in two If branches): not determinable.
        types.set(n, types.has(n) && types.get(n) !== t ? undefined : t);
      }
      this.#formTypes.set(screen, types);
    }
    return types.get(name);
  }
}

/** The declared `type` of a top-level data model field, with `integer` read as `number`. */
export function declaredType(data: Record<string, unknown> | undefined, field: string): string | undefined {
  if (!data || !Object.hasOwn(data, field)) return undefined;
  const decl = data[field];
  if (!isObject(decl) || typeof decl.type !== 'string') return undefined;
  return decl.type === 'integer' ? 'number' : decl.type;
}
