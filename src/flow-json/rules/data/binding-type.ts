import type { Finding } from '../../diagnostics.js';
import type { ComponentModel, FlowModel, ScreenModel } from '../../model.js';
import { isSingleBinding } from '../../references/binding-syntax.js';
import { defineRule } from '../../rule.js';
import { isObject, type JsonObject } from '../../values.js';
import type { ValueKind } from '../../../platform/components/catalog.js';
import { catalogFor, type ResolvedProperty, type ResolvedShape } from '../../../platform/components/catalog-for-version.js';
import { scanReferences } from '../../references/reference-scan.js';
import { lookupData } from '../../checks/data-model.js';

/**
 * A component property whose whole value is one binding to the data model (`"visible": "${data.show}"`,
 * `"data-source": "${screen.A.data.opts}"`) takes the type its data model field declares, and that type must be
 * one the property accepts (flows-platform §2.5, §2.6, §2.10, §2.12): INVALID_SCREEN_DYNAMIC_DATA
 * "Expected '${dataModelPointer}' to be of type '${expectedPropertyType}'.", or, for a property that accepts more
 * than one type (PhotoPicker `error-message`, TextBody `text` from 5.1), "Expected '${dataModelPointer}' to be of
 * one of these types: [string, object]."
 *
 * `dataModelPointer` is the binding as written (`${data.a.b}`, `${screen.A.data.x}`): Meta's placeholder names a
 * pointer into the data model and its other messages of this family quote the expression, so the expression is
 * what a reader can find in the document. The accepted types are the catalogue's for the document's version
 * (`../components/catalog*.ts`); nested values with a known shape (data-source items, CalendarPicker range ends,
 * NavigationList item contents) are followed as well.
 *
 * Conservative by design (a false alarm is as bad as a miss), only clear mismatches are reported:
 * - `number` and `integer` are one family: a declared `number` feeding an integer property is not reported
 *   (Meta's RFC 8927 types tell int32 from float64, but the data model's `number` does not say which it holds);
 * - a declared `number`/`integer` feeding a string property, and a declared `string` feeding a numeric one, are
 *   not reported either: the reference says `min-chars` takes a number or a `"${data.x}"` string (§2.10) without
 *   saying what the field must declare, and does not say whether Meta converts numbers shown in text;
 * - If `condition` and Switch `value` are expressions over any type, not typed values: skipped;
 * - undeclared or unreadable declarations (no `type`, paths through arrays or objects without `properties`),
 *   references to unknown screens, `${form.…}` values and nested expressions are left alone (other rules own
 *   missing fields and expressions).
 */
export const bindingTypeRule = defineRule({
  id: 'flow-json/binding-type',
  description: 'A property bound to one data model field declares a type the property accepts.',
  severity: 'error',
  versions: 'all',
  evidence: 'flows-platform §2.12 INVALID_SCREEN_DYNAMIC_DATA "Expected … to be of type …", §2.5, §2.6',
  check(ctx) {
    const catalog = catalogFor(ctx);
    const walk = new BindingWalk(ctx.model);
    for (const component of ctx.model.components) {
      const type = component.type;
      if (type === undefined || type === 'If' || type === 'Switch') continue;
      const shape = catalog.components.get(type);
      if (shape) walk.component(component, shape);
    }
    return walk.findings;
  },
});

/**
 * Each declared data model type, with the property kinds that accept it. Numbers and strings accept each other
 * (not clear mismatches: see above); `integer` and `number` are one family.
 */
const ACCEPTING: Readonly<Record<string, readonly ValueKind[]>> = {
  string: ['string', 'number', 'integer'],
  number: ['number', 'integer', 'string'],
  integer: ['number', 'integer', 'string'],
  boolean: ['boolean'],
  array: ['array'],
  object: ['object'],
};

class BindingWalk {
  readonly findings: Finding[] = [];
  private screen: ScreenModel = undefined as never;
  /** Its path is read only for a finding (built on first read, issue 13). */
  private current: ComponentModel = undefined as never;
  /** The path below the component. */
  private readonly stack: Array<string | number> = [];

  constructor(private readonly model: FlowModel) {}

  component(component: ComponentModel, shape: ResolvedShape): void {
    this.screen = component.screen;
    this.current = component;
    this.object(component.node, shape);
  }

  private object(node: JsonObject, shape: ResolvedShape): void {
    for (const key in node) {
      const property = shape.properties.get(key);
      // Unknown and unavailable keys are component-property-keys'.
      if (!property || property.unavailable) continue;
      this.stack.push(key);
      this.value(node[key], property);
      this.stack.pop();
    }
  }

  private value(value: unknown, property: ResolvedProperty): void {
    if (typeof value === 'string') {
      if (property.dynamic && value.charCodeAt(0) === 36 /* $ */ && isSingleBinding(value)) this.binding(value, property.kinds);
    } else if (Array.isArray(value)) {
      const items = property.items;
      if (!items || !property.kinds.includes('array')) return;
      for (let i = 0; i < value.length; i++) {
        this.stack.push(i);
        this.value(value[i], items);
        this.stack.pop();
      }
    } else if (isObject(value) && property.shape && property.kinds.includes('object')) {
      this.object(value, property.shape);
    }
  }

  private binding(text: string, kinds: readonly ValueKind[]): void {
    const ref = scanReferences(text)[0];
    let data: JsonObject | undefined;
    if (ref?.kind === 'data') data = this.screen.data;
    else if (ref?.kind === 'screen' && ref.scope === 'data') data = this.model.screensById.get(ref.screen)?.data;
    else return;
    if (!data) return;
    const found = lookupData(data, ref.field, ref.rest);
    const declared = found.found ? found.schema?.type : undefined;
    const accepting = typeof declared === 'string' && Object.hasOwn(ACCEPTING, declared) ? ACCEPTING[declared]! : undefined;
    if (!accepting || kinds.some((k) => accepting.includes(k))) return;
    const expected = expectedTypes(kinds);
    if (expected.length === 0) return;
    this.findings.push({
      code: 'INVALID_SCREEN_DYNAMIC_DATA',
      message:
        expected.length === 1
          ? `Expected '${ref.text}' to be of type '${expected[0]}'.`
          : `Expected '${ref.text}' to be of one of these types: [${expected.join(', ')}].`,
      path: [...this.current.path, ...this.stack],
    });
  }
}

/** The kinds a property accepts, as type names (actions are never bound: `dynamic: false`). */
function expectedTypes(kinds: readonly ValueKind[]): string[] {
  const out: string[] = [];
  for (const k of kinds) if (k !== 'action' && !out.includes(k)) out.push(k);
  return out;
}
