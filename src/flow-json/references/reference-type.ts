import type { FlowModel, ScreenModel } from '../model.js';
import type { Reference } from './binding-syntax.js';
import type { ValueType } from '../expressions/expression-checks.js';
import { lookupData, scalarTypeOf } from '../checks/data-model.js';

/**
 * The declared scalar type of a reference used on `screen`: `${data.…}` from its data model, `${screen.ID.data.…}`
 * from screen ID's. Form values and anything undeclared are unknown (undefined), so no type check fires on them.
 */
export function referenceTypes(model: FlowModel, screen: ScreenModel): (ref: Exclude<Reference, { kind: 'invalid' }>) => ValueType | undefined {
  return (ref) => {
    if (ref.kind === 'data') return typeIn(screen, ref.field, ref.rest);
    if (ref.kind === 'screen' && ref.scope === 'data') {
      const target = model.screensById.get(ref.screen);
      return target && typeIn(target, ref.field, ref.rest);
    }
    return undefined;
  };
}

function typeIn(screen: ScreenModel, field: string, rest: readonly string[]): ValueType | undefined {
  const found = lookupData(screen.data, field, rest);
  return found.found ? scalarTypeOf(found.schema) : undefined;
}
